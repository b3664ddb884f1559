import type { ProviderOrderStatus, WebhookEvent } from "../../providers/types.js";
import type { OrderRecord } from "../../store/types.js";
import { money } from "../notifications.js";
import type { OrderServiceDeps } from "./deps.js";
import { CHARGED_STATES, OPEN_STATES, type Transitions } from "./transitions.js";

/**
 * What a provider tells us about an order after it was sent: a status answer (a poll, /status,
 * reconciliation) or a verified webhook (shipped, cancelled, failed delivery). Every signal is
 * idempotent: the same one twice, or one that arrives after the order closed, changes nothing.
 */
export function createProviderSignals(deps: OrderServiceDeps, steps: Transitions) {
  const { store, providers, notifier, logger } = deps;
  const { transition, refundOnce, delivered, markUnknown, deliveredAfterRefund } = steps;

  /** Applies a provider's status answer (poll, /status, reconciliation). */
  async function applyStatus(order: OrderRecord, status: ProviderOrderStatus): Promise<OrderRecord> {
    const patch = {
      providerOrderId: order.providerOrderId ?? status.providerOrderId,
      nickname: status.nickname ?? order.nickname,
      note: status.note ?? order.note,
    };
    if (status.state === "completed") {
      const done = await transition(order.id, OPEN_STATES, "completed", patch, status.note);
      if (done) {
        await notifier.notifyUser({
          userId: order.userId,
          key: "order-completed",
          args: { orderId: order.id, product: order.productName, player: order.playerId ?? "-", nickname: status.nickname ?? "-" },
          dedupeKey: `order:${order.id}:completed`,
        });
        await delivered(done);
        return done;
      }
      const now = await store.orders.get(order.id);
      if (now && (await deliveredAfterRefund(now))) return now;
    } else if (status.state === "failed") {
      // The caller's copy may be stale: refund only an order still open now (a completed one
      // is an admin's call). The refund goes first so a crash cannot leave 'refunded' unpaid.
      const now = await store.orders.get(order.id);
      if (!now || !OPEN_STATES.includes(now.state)) return now ?? order;
      const fresh = await refundOnce(order, "system", "provider_cancelled");
      const refunded = await transition(order.id, OPEN_STATES, "refunded", { ...patch, failure: "provider_cancelled" }, status.note);
      if (fresh) {
        await notifier.notifyUser({
          userId: order.userId,
          key: "order-refunded",
          args: {
            orderId: order.id,
            product: order.productName,
            amount: money(order.price.amount, order.price.currency),
            reason: status.note ?? "-",
          },
          dedupeKey: `order:${order.id}:refunded`,
        });
      }
      if (refunded) return refunded;
    } else if (patch.nickname !== order.nickname || patch.providerOrderId !== order.providerOrderId) {
      return (await store.orders.patch(order.id, patch)) ?? order;
    }
    return (await store.orders.get(order.id)) ?? order;
  }

  /** Reads the provider's live status for an order and applies it. */
  async function refreshStatus(order: OrderRecord): Promise<{ order: OrderRecord; status?: ProviderOrderStatus }> {
    const source = providers.get(order.provider)?.status;
    if (!source) return { order };
    // Without the provider's id (the order answer was lost) we ask by our ref_id; see README.
    const status = await source.getStatus(order.providerOrderId ?? order.id);
    return { order: await applyStatus(order, status), status };
  }

  /** One status poll; returns whether to poll again. */
  async function poll(orderId: string): Promise<"done" | "again"> {
    const order = await store.orders.get(orderId);
    if (!order || !["pending", "processing"].includes(order.state)) return "done";
    try {
      const { order: after } = await refreshStatus(order);
      if (!["pending", "processing"].includes(after.state)) return "done";
    } catch (err) {
      logger.warn({ err, orderId }, "status poll failed; will try again");
    }
    // Counted from when polling last (re)started: an order found pending again by reconciliation gets a full window.
    const since = order.history.findLast((e) => e.state === "processing")?.at ?? order.createdAt;
    if (Date.now() - since > deps.pendingWindowMs) {
      await markUnknown(order, "still_pending");
      return "done";
    }
    return "again";
  }

  /** Applies the webhooks that arrived before this order's provider id was known. */
  async function applyPendingEvents(order: OrderRecord) {
    if (!order.providerOrderId) return;
    for (const event of await store.unmatched.take(order.provider, order.providerOrderId)) {
      logger.info({ orderId: order.id, kind: event.kind }, "applying a webhook that arrived before the order's answer");
      await applyWebhook(event);
    }
  }

  /** A verified provider webhook. Every branch is idempotent: duplicates change nothing. */
  async function applyWebhook(event: WebhookEvent): Promise<"applied" | "ignored" | "unknown_order"> {
    const order = await store.orders.byProviderOrderId(event.provider, event.providerOrderId);
    if (!order) {
      // Kept, not dropped: our own order may still be waiting for the provider's answer (a cancel
      // racing it must still refund). Kept first, then looked up again, so that whichever of the
      // two sides comes second finds the other's write.
      await store.unmatched.keep(event);
      const arrived = await store.orders.byProviderOrderId(event.provider, event.providerOrderId);
      if (arrived) {
        await applyPendingEvents(arrived);
        return "applied";
      }
      logger.warn(
        { provider: event.provider, providerOrderId: event.providerOrderId, kind: event.kind },
        "webhook for an order not known yet: kept",
      );
      await notifier.notifyAdmins(
        "admin-webhook-unknown-order",
        { provider: event.provider, providerOrderId: event.providerOrderId, event: event.kind },
        `webhook-unknown:${event.deliveryId}`,
      );
      return "unknown_order";
    }
    const base = { orderId: order.id, product: order.productName };
    if (event.kind === "shipped") {
      const shipped = await transition(
        order.id,
        ["pending", "processing", "unknown", "delivery_failed"],
        "shipped",
        { trackingInfo: event.trackingInfo, shippingStatus: event.shippingStatus },
        event.shippingStatus,
      );
      // Already shipped: (re)queue the message anyway, as a delivery that failed between the
      // change and the queue is retried by the provider; the dedupe key keeps it to one.
      if (!shipped && order.state !== "shipped") {
        await deliveredAfterRefund(order);
        return "ignored";
      }
      await notifier.notifyUser({
        userId: order.userId,
        key: "order-shipped",
        args: { ...base, tracking: event.trackingInfo ?? "-", shippingStatus: event.shippingStatus ?? "-", email: order.email ?? "-" },
        dedupeKey: `order:${order.id}:shipped`,
      });
      // Also on a redelivery, like the message: the award is keyed by the order.
      await deps.onDelivered?.(shipped ?? order);
      await steps.growthDelivered(shipped ?? order);
      return shipped ? "applied" : "ignored";
    }
    if (event.kind === "failed_delivery") {
      const failed = await transition(order.id, ["pending", "processing", "unknown", "shipped"], "delivery_failed", {}, "failed_delivery");
      if (!failed && order.state !== "delivery_failed") return "ignored"; // (re)queued as for shipped
      await notifier.notifyUser({
        userId: order.userId,
        key: "order-delivery-failed",
        args: base,
        dedupeKey: `order:${order.id}:delivery_failed`,
      });
      await notifier.notifyAdmins(
        "admin-delivery-failed",
        { ...base, provider: order.provider },
        `order:${order.id}:delivery_failed:admin`,
      );
      return failed ? "applied" : "ignored";
    }
    // cancelled: the provider refunds the operator; we refund the reseller, once.
    if (!CHARGED_STATES.includes(order.state) && order.state !== "cancelled") return "ignored";
    const fresh = await refundOnce(order, "system", "provider_cancelled");
    const cancelled = await transition(order.id, CHARGED_STATES, "cancelled", {}, "cancelled by provider");
    // Told whenever the order is cancelled, even if an earlier delivery already refunded it but
    // failed before queueing the message; the dedupe key keeps it to one.
    if (!cancelled && order.state !== "cancelled") return "ignored";
    await notifier.notifyUser({
      userId: order.userId,
      key: "order-cancelled",
      args: { ...base, amount: money(order.price.amount, order.price.currency) },
      dedupeKey: `order:${order.id}:cancelled`,
    });
    return fresh ? "applied" : "ignored";
  }

  return { applyStatus, refreshStatus, poll, applyWebhook, applyPendingEvents };
}

export type ProviderSignals = ReturnType<typeof createProviderSignals>;
