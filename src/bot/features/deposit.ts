import { Composer, InlineKeyboard } from "grammy";
import { formatExpiry } from "../../domain/deposits.js";
import { formatMoney } from "../../lib/money.js";
import { depositAmountButton, depositCancelButton, depositTypedButton } from "../callback-data/deposit.js";
import { transferStartButton } from "../callback-data/transfer.js";
import { onButton } from "../callback-data/on-button.js";
import type { BotContext, Services } from "../context.js";
import { DEPOSIT_AMOUNT_FLOW, depositAmountConversation, requestReply } from "../conversations/deposit-amount.js";
import { TRANSFER_DEPOSIT_FLOW, transferDepositConversation } from "../conversations/transfer-deposit.js";
import type { Feature } from "../feature.js";
import { registerFlow } from "../flow.js";

const plain = (html: string) => html.replace(/<[^>]+>/g, "");

/**
 * /deposit: every method that is on. An xpay bill: picking an amount opens a deposit and queues
 * its bill; the bill (pay link, amount, expiry) and its outcome arrive as messages from the jobs.
 * A transfer (when a payee exists): the transfer-deposit flow, ending with the slip.
 */
export function depositFeature(s: Services): Feature {
  const { deposits } = s;
  const c = new Composer<BotContext>();
  // Private chats only: the answer lists the reseller's bills and payment links.
  c.chatType("private").command("deposit", async (ctx) => {
    const transfer = (await s.transfers.currencies()).length > 0;
    if (!deposits.enabled() && !transfer) return void (await ctx.reply(ctx.tr("deposit-unavailable")));
    const transferRow = (kb: InlineKeyboard) =>
      transfer ? kb.row().text(ctx.label("btn-transfer-start"), transferStartButton.pack()) : kb;
    if (!deposits.enabled()) {
      const lines = [ctx.tr("transfer-title")];
      if (s.sandbox) lines.push("", ctx.tr("sandbox-banner"));
      return void (await ctx.reply(lines.join("\n"), { reply_markup: transferRow(new InlineKeyboard()) }));
    }
    const l = deposits.limits();
    const m = (amount: number) => ({ money: [amount, l.currency] as [number, string] });
    const lines = [ctx.tr("deposit-title", { currency: l.currency }), ctx.tr("deposit-limits", { min: m(l.min), max: m(l.max) })];
    const kb = new InlineKeyboard();
    l.amounts.forEach((a, i) => {
      kb.text(formatMoney(a, l.currency, ctx.locale), depositAmountButton.pack({ amount: a }));
      if (i % 2 === 1) kb.row();
    });
    kb.row().text(ctx.tr("btn-deposit-other"), depositTypedButton.pack());
    const open = await deposits.openFor(ctx.from.id);
    if (open.length > 0) lines.push("", ctx.tr("deposit-open-title"));
    for (const d of open) {
      lines.push(ctx.tr("deposit-open-line", { depositId: d.id, amount: m(d.amount.amount), expires: formatExpiry(d.expiresAt) }));
      kb.row();
      if (d.payUrl) kb.url(ctx.label("btn-deposit-pay-id", { depositId: d.id }), d.payUrl);
      kb.text(ctx.label("btn-deposit-cancel-id", { depositId: d.id }), depositCancelButton.pack({ depositId: d.id }));
    }
    transferRow(kb);
    if (s.sandbox) lines.push("", ctx.tr("sandbox-banner"));
    await ctx.reply(lines.join("\n"), { reply_markup: kb });
  });

  onButton(c, transferStartButton, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await TRANSFER_DEPOSIT_FLOW.enter(ctx);
  });

  onButton(c, depositAmountButton, async (ctx, { amount }) => {
    const picker = ctx.callbackQuery.message;
    if (!picker || !(await deposits.claimPicker(picker.chat.id, picker.message_id))) return void (await ctx.answerCallbackQuery());
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    const out = await deposits.request(ctx.from.id, amount);
    await ctx.reply(requestReply(ctx, out, deposits));
  });

  onButton(c, depositTypedButton, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    await DEPOSIT_AMOUNT_FLOW.enter(ctx);
  });

  onButton(c, depositCancelButton, async (ctx, { depositId }) => {
    const out = await deposits.requestCancel(depositId, ctx.from.id);
    if (out.kind === "not_found") return void (await ctx.answerCallbackQuery({ text: plain(ctx.tr("deposit-not-found")) }));
    if (out.kind === "settled")
      return void (await ctx.answerCallbackQuery({ text: plain(ctx.tr(`deposit-state-${out.state}`, { depositId })) }));
    await ctx.answerCallbackQuery({ text: plain(ctx.tr("deposit-cancelling")) });
    await ctx.editMessageReplyMarkup().catch(() => {});
  });

  return {
    stage: "reseller",
    handlers: c,
    flows: [
      registerFlow(DEPOSIT_AMOUNT_FLOW, depositAmountConversation(deposits), { maxMinutes: 30 }),
      registerFlow(TRANSFER_DEPOSIT_FLOW, transferDepositConversation(s.transfers), { maxMinutes: 30 }),
    ],
  };
}

/**
 * A picture nothing took (the second photo of an album, a slip sent twice): one clear line. Last
 * but one, so a photo that follows up an open support ticket reaches the ticket first.
 */
export function strayPictureFeature(): Feature {
  const c = new Composer<BotContext>();
  c.chatType("private").on(["message:photo", "message:document"], async (ctx, next) => {
    if (!ctx.message.photo && !ctx.message.document?.mime_type?.startsWith("image/")) return next();
    await ctx.reply(ctx.tr("transfer-slip-unexpected"));
  });
  return { stage: "last", handlers: c };
}
