import { Composer } from "grammy";
import { onButton } from "../callback-data/on-button.js";
import { confirmDraftButton, dropDraftButton, promoDraftButton } from "../callback-data/purchase.js";
import { PROMO_CODE_FLOW, promoCodeConversation } from "../conversations/promo-code.js";
import type { BotContext, Services } from "../context.js";
import type { Feature } from "../feature.js";
import { registerFlow } from "../flow.js";
import { blockedText } from "./maintenance-notice.js";

type ConfirmOutcome = Awaited<ReturnType<Services["orders"]["confirm"]>>;

function outcomeText(ctx: BotContext, out: ConfirmOutcome): string {
  switch (out.kind) {
    case "expired":
      return ctx.tr("draft-expired");
    case "blocked":
      return blockedText(ctx, out);
    case "insufficient":
      return ctx.tr("order-insufficient", {
        price: { money: [out.order.price.amount, out.order.price.currency] },
        balance: { money: [out.balance, out.order.price.currency] },
      });
    case "promo":
      return ctx.tr("promo-refused-at-confirm", { reason: ctx.tr(`promo-no-${out.reason}`) });
    case "existing":
      return ctx.tr("order-existing", { orderId: out.order.id, state: ctx.tr(`state-${out.order.state}`) });
    case "accepted":
    case "sending":
    case "queued":
      return ctx.tr(out.kind === "queued" ? "order-queued" : "order-accepted", {
        orderId: out.order.id,
        product: out.order.productName,
        amount: { money: [out.order.price.amount, out.order.price.currency] },
      });
  }
}

export function purchaseFeature(s: Services): Feature {
  const c = new Composer<BotContext>();

  onButton(c, confirmDraftButton, async (ctx, { draftId }) => {
    // Someone else's order (the id typed into the data by hand) is as good as no order: not a word of its state.
    const already = await s.history.ownedBy(ctx.from.id, draftId);
    if (already) {
      // A second tap: say so on the button, touch nothing.
      return void (await ctx.answerCallbackQuery({
        text: ctx.tr("order-existing", { orderId: draftId, state: ctx.tr(`state-${already.state}`) }).replace(/<[^>]+>/g, ""),
      }));
    }
    await ctx.answerCallbackQuery({ text: ctx.tr("order-placing") });
    // Take the buttons away first, so the card cannot be tapped again while we work. Cosmetic:
    // if Telegram refuses (the card is too old to edit), the order must still go through.
    await ctx.editMessageReplyMarkup().catch(() => {});
    // Charged here, sent by the placement job: no provider call inside an update handler.
    const outcome = await s.orders.confirm(draftId, ctx.from.id);
    const text = outcomeText(ctx, outcome);
    if (outcome.kind === "existing") return;
    await ctx.reply(text);
  });

  onButton(c, promoDraftButton, async (ctx, { draftId }) => {
    await ctx.answerCallbackQuery();
    // Only the reseller's own live card: another's (or an old one) is answered as gone.
    const draft = await s.drafts.get(draftId);
    if (draft?.userId !== ctx.from.id) return void (await ctx.reply(ctx.tr("draft-expired")));
    await PROMO_CODE_FLOW.enter(ctx, "draft", draftId, ctx.callbackQuery.message?.message_id);
  });

  onButton(c, dropDraftButton, async (ctx, { draftId }) => {
    // Only the reseller's own draft goes; another's is left alone and answered as a missing one.
    await s.drafts.discardOwn(draftId, ctx.from.id);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(ctx.tr("order-dropped"));
  });

  return { stage: "reseller", handlers: c, flows: [registerFlow(PROMO_CODE_FLOW, promoCodeConversation(s), { maxMinutes: 30 })] };
}
