import { InlineKeyboard } from "grammy";
import type { DepositService } from "../../domain/deposits.js";
import { flowCancelButton } from "../callback-data/flow.js";
import type { FlowContext } from "../context.js";
import { type Flow, flowRef, flowUser } from "../flow.js";
import { nextText } from "./ask.js";

/** What the reseller is told after asking for a deposit, from the chat or this flow. */
export function requestReply(ctx: FlowContext, out: Awaited<ReturnType<DepositService["request"]>>, deposits: DepositService): string {
  const l = deposits.limits();
  switch (out.kind) {
    case "queued":
      return ctx.tr("deposit-creating", {
        depositId: out.deposit.id,
        amount: { money: [out.deposit.amount.amount, out.deposit.amount.currency] },
      });
    case "unavailable":
      return ctx.tr("deposit-unavailable");
    case "not_allowed":
      return ctx.tr("deposit-not-allowed");
    case "low":
      return ctx.tr("deposit-amount-low", { min: { money: [l.min, l.currency] } });
    case "high":
      return ctx.tr("deposit-amount-high", { max: { money: [l.max, l.currency] } });
    case "too_many":
      return ctx.tr("deposit-too-many", { max: out.max });
  }
}

/**
 * "Type an amount": waits for a whole amount within the limits, answering bad input in the
 * reseller's language, then opens the deposit. The bill itself is made by a job, so this flow
 * never waits on xpay.
 */
export const DEPOSIT_AMOUNT_FLOW = flowRef("deposit-amount");

export function depositAmountConversation(deposits: DepositService) {
  return async function depositAmount(conversation: Flow, ctx: FlowContext) {
    const l = deposits.limits();
    const range = {
      currency: l.currency,
      min: { money: [l.min, l.currency] as [number, string] },
      max: { money: [l.max, l.currency] as [number, string] },
    };
    await ctx.reply(ctx.tr("deposit-ask-amount", range), {
      reply_markup: new InlineKeyboard().text(ctx.tr("btn-cancel"), flowCancelButton.pack()),
    });

    for (;;) {
      const got = await nextText(conversation);
      if (!got) return;
      const { text, ctx: next } = got;
      const checked = deposits.checkAmount(text);
      if (!checked.ok) {
        await next.reply(next.tr(`deposit-amount-${checked.reason}`, range));
        continue;
      }
      const out = await conversation.external(() => deposits.request(flowUser(next), checked.amount));
      await next.reply(requestReply(next, out, deposits));
      return;
    }
  };
}
