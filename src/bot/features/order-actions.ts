import { Composer, InlineKeyboard } from "grammy";
import { orderButtons, RECEIPT_STATES } from "../../domain/order-buttons.js";
import type { OrderRecord } from "../../store/types.js";
import { actionData } from "../callback-data/actions.js";
import { buyAgainButton, receiptButton } from "../callback-data/orders.js";
import { onButton } from "../callback-data/on-button.js";
import type { BaseContext, BotContext, Services } from "../context.js";
import { confirmCard } from "../conversations/purchase.js";
import { blockedText } from "./maintenance-notice.js";
import { formatDate } from "./order-card.js";
import type { Feature } from "../feature.js";

/** An order's Receipt and Buy again buttons (as its push carries them), rendered for the reader. */
export function orderKeyboard(ctx: BaseContext, o: OrderRecord): InlineKeyboard {
  return new InlineKeyboard(
    orderButtons(o.id, o.state).map((row) => row.map((b) => InlineKeyboard.text(ctx.tr(b.key), actionData(b.action)))),
  );
}

/**
 * What a reseller forwards to their customer as proof of delivery: the product, who got it, when,
 * and both transaction ids. Never a price: not our cost, not the reseller's price or balance.
 */
export function receiptText(ctx: BaseContext, o: OrderRecord): string {
  const deliveredAt = o.history.findLast((e) => RECEIPT_STATES.includes(e.state))?.at ?? o.updatedAt;
  const lines = [ctx.tr("receipt-title"), ctx.tr("receipt-product", { product: o.productName })];
  if (o.playerId) lines.push(ctx.tr("receipt-player", { player: o.playerId }));
  if (o.zone) lines.push(ctx.tr("receipt-zone", { zone: o.zone }));
  if (o.nickname) lines.push(ctx.tr("receipt-nickname", { nickname: o.nickname }));
  if (o.email) lines.push(ctx.tr("receipt-email", { email: o.email }), ctx.tr("receipt-quantity", { quantity: o.quantity }));
  if (o.trackingInfo) lines.push(ctx.tr("receipt-tracking", { tracking: o.trackingInfo }));
  lines.push(ctx.tr("receipt-time", { date: formatDate(deliveredAt, ctx.locale) }), ctx.tr("receipt-order", { orderId: o.id }));
  if (o.providerOrderId) lines.push(ctx.tr("receipt-transaction", { transactionId: o.providerOrderId }));
  if (o.sandbox) lines.push(ctx.tr("sandbox-banner"));
  return lines.join("\n");
}

/** The buttons under an order's push and its /orders card: Buy again and Receipt. */
export function orderActionsFeature(s: Services): Feature {
  const c = new Composer<BotContext>();

  onButton(c, buyAgainButton, async (ctx, { orderId }) => {
    await ctx.answerCallbackQuery();
    const out = await s.reorder(orderId, ctx.from.id);
    switch (out.kind) {
      case "not_found":
        return void (await ctx.reply(ctx.tr("status-not-found")));
      case "blocked":
        return void (await ctx.reply(blockedText(ctx, out)));
      case "gone":
        return void (await ctx.reply(ctx.tr("again-gone")));
      case "paused":
        return void (await ctx.reply(ctx.tr("blocked-paused")));
      case "out_of_stock":
        return void (await ctx.reply(ctx.tr("again-out-of-stock")));
      case "quoted": {
        // The card's Confirm is the ordinary one (features/purchase.ts): nothing is charged before it.
        const card = confirmCard(ctx, out.draft, out.balance, s.sandbox);
        return void (await ctx.reply(card.text, { reply_markup: card.reply_markup }));
      }
    }
  });

  onButton(c, receiptButton, async (ctx, { orderId }) => {
    const order = await s.history.ownedBy(ctx.from.id, orderId);
    if (!order) return void (await ctx.answerCallbackQuery({ text: ctx.tr("status-not-found") }));
    if (!RECEIPT_STATES.includes(order.state)) return void (await ctx.answerCallbackQuery({ text: ctx.tr("receipt-not-ready") }));
    await ctx.answerCallbackQuery();
    await ctx.reply(receiptText(ctx, order));
  });

  return { stage: "reseller", handlers: c };
}
