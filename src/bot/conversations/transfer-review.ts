import { InlineKeyboard } from "grammy";
import type { TransferDeposits } from "../../domain/deposits/transfers.js";
import { flowCancelButton } from "../callback-data/flow.js";
import type { FlowContext } from "../context.js";
import { type Flow, flowRef, flowUser } from "../flow.js";
import { nextText } from "./ask.js";

/** Change amount: the reviewer types what the slip really shows (the /credit parser, the currency's bounds). */
export const TRANSFER_AMOUNT_FLOW = flowRef<[depositId: string]>("transfer-amount");
/** Reject with the reviewer's own words. */
export const TRANSFER_REASON_FLOW = flowRef<[depositId: string]>("transfer-reason");

/** Asks for one line of text; a button, a command or Cancel leaves (undefined). */
async function typed(conversation: Flow, ctx: FlowContext, prompt: string): Promise<{ text: string; ctx: FlowContext } | undefined> {
  await ctx.reply(prompt, { reply_markup: new InlineKeyboard().text(ctx.label("btn-cancel"), flowCancelButton.pack()) });
  return nextText(conversation);
}

export function transferAmountConversation(transfers: TransferDeposits) {
  return async function transferAmount(conversation: Flow, ctx: FlowContext, depositId: string) {
    const d = await conversation.external(() => transfers.get(depositId));
    if (!d) return void (await ctx.reply(ctx.tr("transfer-review-not-found")));
    const l = transfers.limits(d.currency);
    const range = {
      currency: d.currency,
      min: { money: [l?.min ?? 0, d.currency] as [number, string] },
      max: { money: [l?.max ?? 0, d.currency] as [number, string] },
    };
    let prompt = ctx.tr("transfer-review-ask-amount", { depositId, amount: { money: [d.amount, d.currency] }, ...range });
    for (;;) {
      const got = await typed(conversation, ctx, prompt);
      if (!got) return;
      const checked = transfers.checkAmount(got.text, d.currency);
      if (!checked.ok) {
        prompt = got.ctx.tr(`transfer-amount-${checked.reason}`, range);
        continue;
      }
      const by = flowUser(got.ctx);
      const out = await conversation.external(() => transfers.changeAmount(depositId, by, checked.amount));
      if (out.kind === "low" || out.kind === "high") {
        prompt = got.ctx.tr(`transfer-amount-${out.kind}`, range);
        continue;
      }
      if (out.kind === "not_found") return void (await got.ctx.reply(got.ctx.tr("transfer-review-not-found")));
      if (out.kind === "decided")
        return void (await got.ctx.reply(got.ctx.tr(`transfer-review-already-${out.deposit.state}`, { depositId })));
      return void (await got.ctx.reply(
        got.ctx.tr("transfer-review-amount-changed", { depositId, amount: { money: [out.deposit.amount, out.deposit.currency] } }),
      ));
    }
  };
}

export function transferReasonConversation(transfers: TransferDeposits) {
  return async function transferReason(conversation: Flow, ctx: FlowContext, depositId: string) {
    const got = await typed(conversation, ctx, ctx.tr("transfer-review-ask-reason", { depositId }));
    if (!got) return;
    const by = flowUser(got.ctx);
    const out = await conversation.external(() => transfers.reject(depositId, by, { text: got.text }));
    if (out.kind === "not_found") return void (await got.ctx.reply(got.ctx.tr("transfer-review-not-found")));
    if (out.kind === "decided")
      return void (await got.ctx.reply(got.ctx.tr(`transfer-review-already-${out.deposit.state}`, { depositId })));
    await got.ctx.reply(got.ctx.tr("transfer-review-rejected", { depositId }));
  };
}
