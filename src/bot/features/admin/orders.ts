import { Composer, InlineKeyboard } from "grammy";
import { OPEN_STATES } from "../../../domain/orders.js";
import { ProviderError, type ProviderOrderStatus } from "../../../providers/types.js";
import type { OrderRecord } from "../../../store/types.js";
import { onButton } from "../../callback-data/on-button.js";
import { refundConfirmButton } from "../../callback-data/refund.js";
import type { BotContext } from "../../context.js";
import { formatDate, orderCard } from "../order-card.js";
import { parseLinkArgs, parseOrderRef } from "./args.js";
import { adminCommand, adminId, replyLines } from "./command.js";
import type { AdminKit } from "./kit.js";

const errorCode = (err: unknown) => (err instanceof ProviderError ? `${err.kind}:${err.code}` : "internal_error");

/**
 * The provider's own view of an order. An open order is refreshed through the order service
 * (so a settled one settles here too); a closed one is only read, because applying a late
 * provider answer to it (say "failed" after "completed") is a decision for the admin.
 */
async function liveStatus(
  kit: AdminKit,
  order: OrderRecord,
): Promise<{ order: OrderRecord; status?: ProviderOrderStatus; error?: string; none?: true }> {
  const source = kit.providers.get(order.provider)?.status;
  const open = OPEN_STATES.includes(order.state);
  const { providerOrderId } = order;
  if (!source || (!open && !providerOrderId)) return { order, none: true };
  try {
    if (open || !providerOrderId) return await kit.orders.refreshStatus(order);
    return { order, status: await source.getStatus(providerOrderId) };
  } catch (err) {
    kit.logger.warn({ err, orderId: order.id }, "admin live status failed");
    return { order, error: errorCode(err) };
  }
}

/** /order (everything we know, cost and margin included), /refund (once) and /link (a lost provider id). */
export function ordersCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  adminCommand(c, "order", parseOrderRef, async (ctx, ref) => {
    const found = await kit.history.find(ref);
    if (!found) return ctx.reply(ctx.tr("admin-order-not-found", { ref }));
    const live = await liveStatus(kit, found);
    const o = live.order;
    const owner = await kit.resellers.get(o.userId);
    const lines = [
      orderCard(ctx, o),
      ctx.tr("admin-order-owner", { name: owner?.firstName ?? "-", userId: String(o.userId) }),
      ctx.tr("admin-order-provider", { provider: o.provider, sku: o.sku, quantity: o.quantity }),
      // A sale price is always in its cost's currency (domain/pricing.ts), so the margin is a plain difference.
      ctx.tr("admin-order-money", {
        cost: { money: [o.cost.amount, o.cost.currency] },
        margin: { money: [o.price.amount - o.cost.amount, o.price.currency] },
      }),
    ];
    if (o.failure) lines.push(ctx.tr("admin-order-failure", { failure: o.failure }));
    if (o.refundedAt) lines.push(ctx.tr("admin-order-refunded", { date: formatDate(o.refundedAt, ctx.locale) }));
    if (live.none) lines.push(ctx.tr("admin-order-live-none"));
    else if (live.error) lines.push(ctx.tr("admin-order-live-failed", { error: live.error }));
    else if (live.status) {
      lines.push(ctx.tr("admin-order-live", { state: ctx.tr(`state-${live.status.state}`) }));
      if (live.status.note) lines.push(ctx.tr("admin-order-live-note", { note: live.status.note }));
    }
    lines.push("", ctx.tr("admin-order-history"));
    for (const e of o.history) {
      const args = { date: formatDate(e.at, ctx.locale), state: ctx.tr(`state-${e.state}`) };
      lines.push(e.note ? ctx.tr("admin-order-event-note", { ...args, note: e.note }) : ctx.tr("admin-order-event", args));
    }
    await replyLines(ctx, lines);
  });

  /** Refunds and says what came of it (the command, or the confirmation button). */
  async function refund(ctx: BotContext & { from: { id: number } }, order: OrderRecord) {
    const result = await kit.orders.adminRefund(order.id, adminId(ctx));
    const base = { orderId: order.id, amount: { money: [order.price.amount, order.price.currency] as [number, string] } };
    switch (result) {
      case "refunded": {
        const after = await kit.history.get(order.id);
        await kit.audit.record(adminId(ctx), "refund", {
          target: order.id,
          before: { state: order.state },
          after: { state: after?.state ?? order.state, refunded: order.price },
        });
        const owner = await kit.resellers.get(order.userId);
        return ctx.reply(ctx.tr("admin-refund-done", { ...base, name: owner?.firstName ?? "-", userId: String(order.userId) }));
      }
      case "already": {
        const fresh = await kit.history.get(order.id);
        const date = fresh?.refundedAt ? formatDate(fresh.refundedAt, ctx.locale) : "-";
        return ctx.reply(ctx.tr("admin-refund-already", { ...base, date }));
      }
      case "not_charged":
        return ctx.reply(ctx.tr("admin-refund-not-charged", base));
      case "not_found":
        return ctx.reply(ctx.tr("admin-order-not-found", { ref: order.id }));
    }
  }

  adminCommand(c, "refund", parseOrderRef, async (ctx, ref) => {
    const order = await kit.history.find(ref);
    if (!order) return ctx.reply(ctx.tr("admin-order-not-found", { ref }));
    // Pending, processing or unknown: the provider may still deliver it. Refunding then is the
    // admin's call, made twice: the warning first, the refund on its button.
    if (!OPEN_STATES.includes(order.state)) return refund(ctx, order);
    const keyboard = new InlineKeyboard()
      .text(ctx.tr("admin-refund-button-confirm"), refundConfirmButton.pack({ choice: "y", orderId: order.id }))
      .text(ctx.tr("admin-refund-button-keep"), refundConfirmButton.pack({ choice: "n", orderId: order.id }));
    await ctx.reply(
      ctx.tr("admin-refund-confirm-open", {
        orderId: order.id,
        provider: order.provider,
        state: ctx.tr(`state-${order.state}`),
        amount: { money: [order.price.amount, order.price.currency] },
      }),
      { reply_markup: keyboard },
    );
  });

  // Behind the admin gate like the commands: whoever presses is an admin, in a DM or a group.
  onButton(c, refundConfirmButton, async (ctx, { choice, orderId }) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    const order = await kit.history.get(orderId);
    if (!order) return ctx.reply(ctx.tr("admin-order-not-found", { ref: orderId }));
    if (choice === "n") return ctx.reply(ctx.tr("admin-refund-kept", { orderId }));
    await refund(ctx, order);
  });

  adminCommand(c, "link", parseLinkArgs, async (ctx, { ref, providerOrderId }) => {
    const order = await kit.history.find(ref);
    if (!order) return ctx.reply(ctx.tr("admin-order-not-found", { ref }));
    const out = await kit.orders.linkProviderOrder(order.id, providerOrderId, adminId(ctx));
    const base = { orderId: order.id, providerOrderId, provider: order.provider };
    switch (out.kind) {
      case "linked":
        await kit.audit.record(adminId(ctx), "link", { target: order.id, before: { state: order.state }, after: { providerOrderId } });
        return ctx.reply(ctx.tr("admin-link-done", { ...base, applied: out.applied, state: ctx.tr(`state-${out.state}`) }));
      case "already":
        return ctx.reply(ctx.tr("admin-link-already", base));
      case "has_other":
        return ctx.reply(ctx.tr("admin-link-has-other", { ...base, current: out.providerOrderId }));
      case "taken":
        return ctx.reply(ctx.tr("admin-link-taken", { ...base, other: out.orderId }));
      case "not_found":
        return ctx.reply(ctx.tr("admin-order-not-found", { ref }));
    }
  });

  return c;
}
