import { Composer } from "grammy";
import type { PlaceOutcome } from "../../domain/orders.js";
import type { BotContext, Services } from "../context.js";

/** The provider's refusal code, as something a reseller can read. */
const REASONS = new Set(["insufficient_balance", "product_unavailable", "product_not_found", "request_expired", "invalid_request", "rate_limited"]);

function outcomeText(ctx: BotContext, out: PlaceOutcome): string {
  switch (out.kind) {
    case "expired":
      return ctx.tr("draft-expired");
    case "blocked":
      return ctx.tr(`blocked-${out.reason.replace("_", "-")}`);
    case "insufficient":
      return ctx.tr("order-insufficient", {
        price: { money: [out.order.price.amount, out.order.price.currency] },
        balance: { money: [out.balance, out.order.price.currency] },
      });
    case "existing":
      return ctx.tr("order-existing", { orderId: out.order.id, state: ctx.tr(`state-${out.order.state}`) });
    case "placed":
      return ctx.tr(out.order.state === "completed" ? "order-done" : "order-processing", { orderId: out.order.id, product: out.order.productName });
    case "refused":
      return ctx.tr("order-refused", {
        orderId: out.order.id,
        reason: ctx.tr(`reason-${REASONS.has(out.code) ? out.code : "other"}`),
        amount: { money: [out.order.price.amount, out.order.price.currency] },
      });
    case "unknown":
      return ctx.tr("order-unknown", { orderId: out.order.id });
  }
}

export function purchaseFeature(s: Services) {
  const c = new Composer<BotContext>();

  c.callbackQuery(/^ok:(R[0-9A-Z]{10})$/, async (ctx) => {
    const draftId = ctx.match[1]!;
    const already = await s.store.orders.get(draftId);
    if (already) {
      // A second tap: say so on the button, touch nothing.
      return void (await ctx.answerCallbackQuery({ text: ctx.tr("order-existing", { orderId: draftId, state: ctx.tr(`state-${already.state}`) }).replace(/<[^>]+>/g, "") }));
    }
    await ctx.answerCallbackQuery({ text: ctx.tr("order-placing") });
    // Take the buttons away first, so the card cannot be tapped again while we work. Cosmetic:
    // if Telegram refuses (the card is too old to edit), the order must still go through.
    await ctx.editMessageReplyMarkup().catch(() => {});
    const outcome = await s.orders.place(draftId, ctx.from.id);
    const text = outcomeText(ctx, outcome);
    if (outcome.kind === "existing") return;
    await ctx.reply(text);
  });

  c.callbackQuery(/^no:(R[0-9A-Z]{10})$/, async (ctx) => {
    await s.drafts.discard(ctx.match[1]!);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(ctx.tr("order-dropped"));
  });

  return c;
}
