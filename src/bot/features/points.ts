import { Composer, InlineKeyboard } from "grammy";
import type { PointsOverview } from "../../domain/points.js";
import { formatNumber } from "../../lib/money.js";
import { onButton } from "../callback-data/on-button.js";
import { pointsEmailButton } from "../callback-data/points.js";
import type { BaseContext, BotContext, Services } from "../context.js";
import { POINTS_EMAIL_FLOW, pointsEmailConversation } from "../conversations/points-email.js";
import { formatDate } from "./order-card.js";
import type { Feature } from "../feature.js";
import { registerFlow } from "../flow.js";

/** A reseller waits on vifox here; past this /points says it is unreachable. */
const LIVE_WAIT_MS = 6_000;

function within<T>(p: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((resolve) => (timer = setTimeout(() => resolve(fallback), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

const signed = (n: number, locale: BaseContext["locale"]) => `${n > 0 ? "+" : ""}${formatNumber(n, locale)}`;

function overviewText(ctx: BaseContext, v: Exclude<PointsOverview, { kind: "off" | "no_email" }>): string {
  if (v.kind === "registering") return ctx.tr("points-registering", { email: v.email });
  if (v.kind === "unreachable") return ctx.tr("points-unreachable", { email: v.email });
  const lines = [ctx.tr("points-title", { points: v.points }), ctx.tr("points-email-line", { email: v.email })];
  if (v.pending.count > 0) lines.push(ctx.tr("points-pending-line", { points: v.pending.points, count: v.pending.count }));
  lines.push("", ctx.tr("points-history-title"));
  if (v.history.length === 0) lines.push(ctx.tr("points-history-none"));
  for (const h of v.history) {
    const at = Date.parse(h.at);
    lines.push(
      ctx.tr("points-history-line", {
        date: Number.isNaN(at) ? h.at : formatDate(at, ctx.locale),
        points: signed(h.points, ctx.locale),
        what: h.description ?? h.externalId ?? "-",
      }),
    );
  }
  return lines.join("\n");
}

/** /points: the reseller's vifox points and history, and their e-mail (asked the first time). */
export function pointsFeature(s: Services): Feature {
  const c = new Composer<BotContext>();

  c.on("message").command("points", async (ctx) => {
    const userId = ctx.from.id;
    const view = await within(
      s.points.overview(userId).catch((err: unknown) => {
        s.logger.warn({ err, userId }, "points overview failed");
        return undefined;
      }),
      LIVE_WAIT_MS,
      undefined,
    );
    if (view?.kind === "off") return void (await ctx.reply(ctx.tr("points-off")));
    if (view?.kind === "no_email") return void (await POINTS_EMAIL_FLOW.enter(ctx));
    const email = (await s.resellers.get(userId))?.email ?? "-";
    const text = view ? overviewText(ctx, view) : ctx.tr("points-unreachable", { email });
    await ctx.reply(text, { reply_markup: new InlineKeyboard().text(ctx.tr("points-btn-change-email"), pointsEmailButton.pack()) });
  });

  onButton(c, pointsEmailButton, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (!s.points.enabled()) return void (await ctx.reply(ctx.tr("points-off")));
    await POINTS_EMAIL_FLOW.enter(ctx);
  });

  return { stage: "reseller", handlers: c, flows: [registerFlow(POINTS_EMAIL_FLOW, pointsEmailConversation(s), { maxMinutes: 60 })] };
}
