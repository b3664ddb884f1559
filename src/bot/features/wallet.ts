import { Composer, InlineKeyboard } from "grammy";
import type { LedgerEntry } from "../../store/types.js";
import { lowBalanceShowButton } from "../callback-data/low-balance.js";
import type { BaseContext, BotContext, Services } from "../context.js";
import { formatDate } from "./order-card.js";
import type { Feature } from "../feature.js";

export function ledgerLine(ctx: BaseContext, e: LedgerEntry): string {
  return ctx.tr("ledger-line", {
    date: formatDate(e.at, ctx.locale),
    amount: { money: [e.amount, e.currency] },
    type: ctx.tr(`ledger-type-${e.type}`),
    order: e.orderId ? ` · ${e.orderId}` : "",
  });
}

export function walletFeature(s: Services): Feature {
  const c = new Composer<BotContext>();
  c.on("message").command("balance", async (ctx) => {
    const wallet = await s.wallets.card(ctx.from.id, 10);
    const balances = Object.entries(wallet.balances);
    const lines = [ctx.tr("balance-title")];
    if (balances.length === 0) lines.push(ctx.tr("balance-empty"));
    for (const [currency, amount] of balances) lines.push(ctx.tr("balance-line", { amount: { money: [amount, currency] } }));
    // Volume tiers (SPEC §7): how far the next tier is, where admins set thresholds.
    if (ctx.user) {
      for (const p of await s.growth.progress(ctx.user)) {
        lines.push(ctx.tr("tier-progress", { amount: { money: [p.missing, p.currency] }, tier: p.tier }));
      }
    }
    const entries = wallet.entries;
    lines.push("", ctx.tr("ledger-title"));
    if (entries.length === 0) lines.push(ctx.tr("ledger-none"));
    for (const e of entries) lines.push(ledgerLine(ctx, e));
    await ctx.reply(lines.join("\n"), { reply_markup: new InlineKeyboard().text(ctx.tr("btn-lowbal"), lowBalanceShowButton.pack()) });
  });
  return { stage: "reseller", handlers: c };
}
