import { Composer, InlineKeyboard } from "grammy";
import { PRESET_REASONS } from "../../../domain/deposits/transfers.js";
import type { TransferDeposit } from "../../../store/types.js";
import { onButton } from "../../callback-data/on-button.js";
import { transferReasonButton, transferReviewButton } from "../../callback-data/transfer.js";
import type { BotContext } from "../../context.js";
import {
  TRANSFER_AMOUNT_FLOW,
  TRANSFER_REASON_FLOW,
  transferAmountConversation,
  transferReasonConversation,
} from "../../conversations/transfer-review.js";
import { registerFlow } from "../../flow.js";
import type { AdminKit } from "./kit.js";

/**
 * The buttons of a transfer deposit's review card (the gate has checked the presser may touch
 * money). The store decides who was first; a later press is told the outcome and who.
 */
export function transferReview(kit: AdminKit) {
  const c = new Composer<BotContext>();
  const { transfers } = kit;

  /** "Already approved by Ana" for the second presser. */
  const decidedText = async (ctx: BotContext, d: TransferDeposit) => {
    const by = d.reviewedBy === undefined ? undefined : await kit.resellers.get(d.reviewedBy);
    return ctx.label(`transfer-review-decided-${d.state}`, { depositId: d.id, by: by?.firstName ?? String(d.reviewedBy ?? "-") });
  };

  onButton(c, transferReviewButton, async (ctx, { action, depositId }) => {
    const d = await transfers.get(depositId);
    if (!d) return void (await ctx.answerCallbackQuery({ text: ctx.label("transfer-review-not-found"), show_alert: true }));
    if (d.state !== "submitted") return void (await ctx.answerCallbackQuery({ text: await decidedText(ctx, d), show_alert: true }));
    if (action === "ok") {
      const out = await transfers.approve(depositId, ctx.from.id);
      if (out.kind === "not_found") return void (await ctx.answerCallbackQuery({ text: ctx.label("transfer-review-not-found") }));
      if (out.kind === "decided")
        return void (await ctx.answerCallbackQuery({ text: await decidedText(ctx, out.deposit), show_alert: true }));
      const amount = { money: [out.deposit.amount, out.deposit.currency] as [number, string] };
      return void (await ctx.answerCallbackQuery({
        text: ctx.label("transfer-review-approved", { depositId, amount, balance: { money: [out.balance ?? 0, out.deposit.currency] } }),
      }));
    }
    await ctx.answerCallbackQuery();
    await ctx.conversation.exitAll();
    if (action === "amt") return TRANSFER_AMOUNT_FLOW.enter(ctx, depositId);
    const kb = new InlineKeyboard();
    for (const reason of PRESET_REASONS)
      kb.text(ctx.label(`transfer-reason-${reason.replace("_", "-")}`), transferReasonButton.pack({ reason, depositId })).row();
    kb.text(ctx.label("btn-transfer-reason-text"), transferReasonButton.pack({ reason: "text", depositId }));
    await ctx.reply(ctx.tr("transfer-review-pick-reason", { depositId }), { reply_markup: kb });
  });

  onButton(c, transferReasonButton, async (ctx, { reason, depositId }) => {
    if (reason === "text") {
      await ctx.answerCallbackQuery();
      await ctx.conversation.exitAll();
      return TRANSFER_REASON_FLOW.enter(ctx, depositId);
    }
    const out = await transfers.reject(depositId, ctx.from.id, { preset: reason });
    if (out.kind === "not_found")
      return void (await ctx.answerCallbackQuery({ text: ctx.label("transfer-review-not-found"), show_alert: true }));
    if (out.kind === "decided")
      return void (await ctx.answerCallbackQuery({ text: await decidedText(ctx, out.deposit), show_alert: true }));
    await ctx.answerCallbackQuery({ text: ctx.label("transfer-review-rejected", { depositId }) });
    await ctx.editMessageReplyMarkup().catch(() => {});
  });

  return {
    handlers: c,
    flows: [
      registerFlow(TRANSFER_AMOUNT_FLOW, transferAmountConversation(transfers), { maxMinutes: 30 }),
      registerFlow(TRANSFER_REASON_FLOW, transferReasonConversation(transfers), { maxMinutes: 30 }),
    ],
  };
}
