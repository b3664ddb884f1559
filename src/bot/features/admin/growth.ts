import { Composer } from "grammy";
import { basisPointsText, parsePercentBasisPoints } from "../../../domain/referral-math.js";
import { parseTiersAuto } from "../../../domain/tier-math.js";
import { TIERS } from "../../../domain/tiers.js";
import type { GrowthSettings } from "../../../store/types.js";
import type { BotContext } from "../../context.js";
import { adminId, replyLines } from "./command.js";
import type { AdminKit } from "./kit.js";

export type ReferralAdminArgs = { kind: "percent"; basisPoints: number } | { kind: "months"; months: number };

/**
 * `percent <n>` or `months <n>` after /referral; undefined for anything else (a bare /referral,
 * which is the reseller's), "usage" for a sub-command with a bad value.
 */
export function parseReferralAdmin(text: string): ReferralAdminArgs | "usage" | undefined {
  const [sub, value, ...rest] = text.trim().split(/\s+/);
  const kind = sub?.toLowerCase();
  if (kind !== "percent" && kind !== "months") return undefined;
  if (value === undefined || rest.length > 0) return "usage";
  if (kind === "percent") {
    const basisPoints = parsePercentBasisPoints(value);
    return basisPoints === undefined ? "usage" : { kind, basisPoints };
  }
  const months = /^\d{1,3}$/.test(value) ? Number(value) : 0;
  return months >= 1 && months <= 120 ? { kind, months } : "usage";
}

const referralLine = (ctx: BotContext, s: GrowthSettings) =>
  s.referralBasisPoints === 0
    ? ctx.tr("referral-admin-off", { months: s.referralMonths })
    : ctx.tr("referral-admin-on", { percent: basisPointsText(s.referralBasisPoints), months: s.referralMonths });

function thresholdLines(ctx: BotContext, s: GrowthSettings): string[] {
  const lines = [ctx.tr("tiers-title")];
  const currencies = Object.keys(s.thresholds).sort();
  if (currencies.length === 0) lines.push(ctx.tr("tiers-none"));
  for (const currency of currencies) {
    const byTier = s.thresholds[currency] ?? {};
    const parts = TIERS.filter((t) => byTier[t] !== undefined).map((t) =>
      ctx.tr("tiers-part", { tier: t, amount: { money: [byTier[t] as number, currency] } }),
    );
    lines.push(ctx.tr("tiers-line", { currency, parts: parts.join(" · ") }));
  }
  return lines;
}

/**
 * SPEC §7's admin side: `/referral percent|months` (the gate checks these sub-commands against
 * "configure"; a bare /referral passes on to the reseller's card) and `/tiers auto …`.
 */
export function growthCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  c.on("message").command("referral", async (ctx, next) => {
    const args = parseReferralAdmin(ctx.match);
    if (args === undefined) return next();
    if (args === "usage") return void (await ctx.reply(ctx.tr("admin-usage-referral")));
    const before = await kit.growth.settings();
    const patch = args.kind === "percent" ? { basisPoints: args.basisPoints } : { months: args.months };
    await kit.growth.setReferral(patch);
    await kit.audit.record(adminId(ctx), `referral.${args.kind}`, {
      before: args.kind === "percent" ? before.referralBasisPoints : before.referralMonths,
      after: args.kind === "percent" ? args.basisPoints : args.months,
    });
    await ctx.reply(referralLine(ctx, await kit.growth.settings()));
  });

  c.on("message").command("tiers", async (ctx) => {
    const words = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) {
      const s = await kit.growth.settings();
      return replyLines(ctx, [referralLine(ctx, s), "", ...thresholdLines(ctx, s)]);
    }
    if (words[0]?.toLowerCase() !== "auto") return void (await ctx.reply(ctx.tr("admin-usage-tiers")));
    const parsed = parseTiersAuto(words.slice(1));
    if (!parsed.ok) {
      const key = parsed.error === "usage" ? "admin-usage-tiers" : `tiers-bad-${parsed.error}`;
      return void (await ctx.reply(ctx.tr(key, { token: parsed.token ?? "", tiers: TIERS.slice(1).join(", ") })));
    }
    const before = (await kit.growth.settings()).thresholds[parsed.currency];
    await kit.growth.setThresholds(parsed.currency, parsed.thresholds);
    await kit.audit.record(adminId(ctx), "tiers.auto", { target: parsed.currency, before, after: parsed.thresholds });
    await replyLines(ctx, thresholdLines(ctx, await kit.growth.settings()));
  });

  return c;
}
