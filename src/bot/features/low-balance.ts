import { Composer, InlineKeyboard } from "grammy";
import { isCurrency, parseMajorToMinor } from "../../lib/money.js";
import { lowBalanceClearButton, lowBalanceShowButton } from "../callback-data/low-balance.js";
import { onButton } from "../callback-data/on-button.js";
import type { BotContext, SenderContext, Services } from "../context.js";
import type { Feature } from "../feature.js";

type Parsed =
  | { kind: "show" }
  | { kind: "off"; currency?: string }
  | { kind: "set"; amount: string; currency?: string }
  | { kind: "usage" };

/** `/lowbalance`, `/lowbalance off [CUR]`, `/lowbalance <amount> [CUR]`. */
export function parseLowBalance(text: string): Parsed {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [first, second] = words;
  if (first === undefined) return { kind: "show" };
  if (words.length > 2) return { kind: "usage" };
  const currency = second?.toUpperCase();
  if (/^(off|clear)$/i.test(first)) return { kind: "off", currency };
  return { kind: "set", amount: first, currency };
}

/** The reseller's low-balance alert levels: /lowbalance, and a button under /balance. */
export function lowBalanceFeature(s: Services): Feature {
  const c = new Composer<BotContext>();

  async function show(ctx: SenderContext) {
    const levels = Object.entries(await s.lowBalance.levels(ctx.from.id));
    const lines = [ctx.tr("lowbal-title")];
    if (levels.length === 0) lines.push(ctx.tr("lowbal-none"));
    const kb = new InlineKeyboard();
    for (const [currency, level] of levels) {
      lines.push(ctx.tr("lowbal-line", { currency, level: { money: [level, currency] } }));
      kb.text(ctx.label("btn-lowbal-clear", { currency }), lowBalanceClearButton.pack({ currency })).row();
    }
    lines.push("", ctx.tr("lowbal-usage"));
    await ctx.reply(lines.join("\n"), { reply_markup: levels.length ? kb : undefined });
  }

  async function clear(ctx: SenderContext, currency: string | undefined) {
    const removed = await s.lowBalance.clear(ctx.from.id, currency);
    if (removed === 0) return ctx.reply(ctx.tr("lowbal-nothing"));
    return ctx.reply(currency ? ctx.tr("lowbal-cleared-one", { currency }) : ctx.tr("lowbal-cleared-all"));
  }

  c.on("message").command("lowbalance", async (ctx) => {
    const userId = ctx.from.id;
    const p = parseLowBalance(ctx.match);
    if (p.kind === "show") return show(ctx);
    if (p.kind === "usage") return ctx.reply(ctx.tr("lowbal-usage"));
    if (p.currency !== undefined && !isCurrency(p.currency)) return ctx.reply(ctx.tr("lowbal-bad-currency", { currency: p.currency }));
    if (p.kind === "off") return clear(ctx, p.currency);
    const balances = await s.wallets.balances(userId);
    // One wallet: its currency goes without saying.
    const wallets = Object.keys(balances);
    const currency = p.currency ?? (wallets.length === 1 ? wallets[0] : undefined);
    if (!currency) return ctx.reply(ctx.tr("lowbal-which-currency", { amount: p.amount }));
    const level = parseMajorToMinor(p.amount, currency);
    if (level === undefined) return ctx.reply(ctx.tr("lowbal-bad-amount", { amount: p.amount, currency }));
    await s.lowBalance.set(userId, currency, level);
    const lines = [ctx.tr("lowbal-set", { currency, level: { money: [level, currency] } })];
    const balance = balances[currency] ?? 0;
    if (balance < level) lines.push(ctx.tr("lowbal-already-below", { balance: { money: [balance, currency] } }));
    await ctx.reply(lines.join("\n"));
  });

  onButton(c, lowBalanceShowButton, async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx);
  });
  onButton(c, lowBalanceClearButton, async (ctx, { currency }) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await clear(ctx, currency);
  });
  return { stage: "reseller", handlers: c };
}
