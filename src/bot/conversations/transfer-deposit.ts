import { InlineKeyboard } from "grammy";
import { MAX_OPEN_TRANSFERS, newTransferId, type TransferDeposits } from "../../domain/deposits/transfers.js";
import { flowCancelButton } from "../callback-data/flow.js";
import { transferCurrencyButton } from "../callback-data/transfer.js";
import type { FlowContext } from "../context.js";
import { type Flow, flowRef, flowUser } from "../flow.js";
import { slipOf } from "./transfer-slip.js";

/**
 * A deposit by transfer: the currency (asked only when there is more than one), the amount, the
 * payees with the reference code, then the slip. Only the slip creates the record; before it,
 * /cancel or the Cancel button leave with nothing stored.
 */
export const TRANSFER_DEPOSIT_FLOW = flowRef("transfer-deposit");

const cancelKeyboard = (ctx: FlowContext) => new InlineKeyboard().text(ctx.label("btn-cancel"), flowCancelButton.pack());

/** The Cancel button of this flow: true when it was pressed (and answered). */
async function cancelled(ctx: FlowContext): Promise<boolean> {
  const data = ctx.callbackQuery?.data;
  if (data === undefined || !flowCancelButton.unpack(data)) return false;
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => {});
  await ctx.reply(ctx.tr("cancel-done"));
  return true;
}

export function transferDepositConversation(transfers: TransferDeposits) {
  return async function transferDeposit(conversation: Flow, ctx: FlowContext) {
    const userId = flowUser(ctx);
    const start = await conversation.external(() => transfers.canStart(userId));
    if (!start.ok)
      return void (await ctx.reply(ctx.tr(`transfer-refused-${start.reason.replace("_", "-")}`, { limit: MAX_OPEN_TRANSFERS })));
    const currencies = await conversation.external(() => transfers.currencies());

    let currency = currencies[0] as string;
    if (currencies.length > 1) {
      const kb = new InlineKeyboard();
      for (const c of currencies) kb.text(c, transferCurrencyButton.pack({ currency: c }));
      kb.row().text(ctx.label("btn-cancel"), flowCancelButton.pack());
      await ctx.reply(ctx.tr("transfer-ask-currency"), { reply_markup: kb });
      for (;;) {
        const next = await conversation.wait();
        if (await cancelled(next)) return;
        const picked = next.callbackQuery?.data === undefined ? undefined : transferCurrencyButton.unpack(next.callbackQuery.data);
        if (picked && currencies.includes(picked.currency)) {
          await next.answerCallbackQuery();
          await next.editMessageReplyMarkup().catch(() => {});
          currency = picked.currency;
          break;
        }
        if (next.callbackQuery || next.message?.text?.startsWith("/")) return conversation.halt({ next: true });
        await next.reply(next.tr("transfer-pick-currency"));
      }
    }

    const l = transfers.limits(currency);
    const range = {
      currency,
      min: { money: [l?.min ?? 0, currency] as [number, string] },
      max: { money: [l?.max ?? 0, currency] as [number, string] },
    };
    await ctx.reply(ctx.tr("transfer-ask-amount", range), { reply_markup: cancelKeyboard(ctx) });
    let amount: number;
    for (;;) {
      const next = await conversation.wait();
      if (await cancelled(next)) return;
      if (next.callbackQuery || next.message?.text?.startsWith("/")) return conversation.halt({ next: true });
      const text = next.message?.text;
      if (text === undefined) {
        await next.reply(next.tr("transfer-amount-expected", range));
        continue;
      }
      const checked = transfers.checkAmount(text, currency);
      if (checked.ok) {
        amount = checked.amount;
        break;
      }
      await next.reply(next.tr(`transfer-amount-${checked.reason}`, range));
    }

    const id = await conversation.external(() => newTransferId());
    const payees = await conversation.external(() => transfers.payees(currency));
    const lines = [ctx.tr("transfer-pay-title", { amount: { money: [amount, currency] } })];
    for (const p of payees) lines.push(ctx.tr("transfer-pay-payee", { label: p.label, details: p.details }));
    lines.push("", ctx.tr("transfer-pay-reference", { reference: id }), ctx.tr("transfer-pay-send-slip"));
    await ctx.reply(lines.join("\n"), { reply_markup: cancelKeyboard(ctx) });

    for (;;) {
      const next = await conversation.wait();
      if (await cancelled(next)) return;
      if (next.callbackQuery || next.message?.text?.startsWith("/")) return conversation.halt({ next: true });
      const checked = slipOf(next.message);
      if (!checked.ok) {
        await next.reply(next.tr(`transfer-slip-${checked.reason.replace("_", "-")}`, { reference: id }));
        continue;
      }
      const out = await conversation.external(() => transfers.submit({ id, userId, currency, amount, slip: checked.slip }));
      if (out.kind === "refused")
        return void (await next.reply(
          next.tr(`transfer-refused-${out.reason.replace("_", "-")}`, { ...range, limit: MAX_OPEN_TRANSFERS }),
        ));
      await next.reply(
        next.tr("transfer-submitted", { depositId: out.deposit.id, amount: { money: [out.deposit.amount, out.deposit.currency] } }),
      );
      return;
    }
  };
}
