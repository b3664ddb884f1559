import { Composer } from "grammy";
import type { BotContext, Services } from "../context.js";
import type { Feature } from "../feature.js";

/** Money per currency as lines, or the "nothing yet" line. */
function amounts(ctx: BotContext, byCurrency: Record<string, number>): string {
  const parts = Object.entries(byCurrency)
    .filter(([, n]) => n !== 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) => ctx.tr("referral-amount", { amount: { money: [amount, currency] } }));
  return parts.length > 0 ? parts.join(", ") : ctx.tr("referral-nothing");
}

/**
 * /referral (SPEC §7), the reseller's side: their link, how many joined with it, and the
 * commission kept this month and in all. The admins' `/referral percent|months` is the admin
 * console's (features/admin/growth.ts), which passes a bare /referral on to here.
 */
export function referralFeature(s: Services): Feature {
  const c = new Composer<BotContext>();
  c.on("message").command("referral", async (ctx) => {
    const summary = await s.growth.summary(ctx.from.id);
    const link = `https://t.me/${ctx.me.username}?start=r_${summary.code}`;
    await ctx.reply(
      ctx.tr("referral-card", {
        link,
        joined: summary.joined,
        month: amounts(ctx, summary.month),
        all: amounts(ctx, summary.all),
      }),
      { link_preview_options: { is_disabled: true } },
    );
  });
  return { stage: "reseller", handlers: c };
}
