import type { OrderRecord, OrderState, Store } from "../../store/types.js";
import { money } from "../notifications.js";
import type { OrderServiceDeps } from "./deps.js";

/** States in which an order still waits on the provider. */
export const OPEN_STATES: readonly OrderState[] = ["pending", "processing", "unknown"];
/** States in which the reseller's money is with us for this order (it can be refunded). */
export const CHARGED_STATES: readonly OrderState[] = ["pending", "processing", "unknown", "completed", "shipped", "delivery_failed"];

/** The order event written just before a provider may hear of the order. */
export const SENDING = "sending to the provider";
/** The order event when a claimed order was not sent after all (no slot in the provider's budget). */
export const NOT_SENT = "not sent: the provider is busy";
/** The order event when the provider answered 429 or could not be reached: not placed, tried again. */
export const TURNED_AWAY = "not placed: the provider asked us to wait or could not be reached";

/** Whether the provider may have heard of the order: its last claim was not given back. */
export const mayHaveBeenSent = (order: OrderRecord): boolean =>
  order.sentAt !== undefined ||
  order.history.findLast((e) => e.note === SENDING || e.note === NOT_SENT || e.note === TURNED_AWAY)?.note === SENDING;

/**
 * An admin refunded the order while the provider might still deliver it (it was pending,
 * processing or unknown): a late delivery must still reach the admins, who paid for it twice.
 */
export const refundedWhileOpen = (order: OrderRecord): boolean => {
  if (order.state !== "refunded") return false;
  const at = order.history.findLastIndex((e) => e.state === "refunded");
  const before = order.history[at - 1];
  return before !== undefined && OPEN_STATES.includes(before.state);
};

/** Since when the provider itself has been turning the order away (its first 429 or unreachable), if it has. */
export const turnedAwaySince = (order: OrderRecord): number | undefined => order.history.find((e) => e.note === TURNED_AWAY)?.at;

/** The ledger key of an order's one debit: its presence is the proof the reseller paid. */
export const debitKey = (orderId: string) => `order:${orderId}:debit`;

/**
 * The steps every journey shares: a guarded state change (counted in the metrics), the refund
 * that can happen only once, the delivered hook, and the hand-over of an order whose outcome
 * nobody knows to reconciliation.
 */
export function createTransitions(deps: OrderServiceDeps) {
  const { store, notifier, logger } = deps;

  function record(order: OrderRecord | undefined) {
    if (order) deps.metrics?.orders.inc({ provider: order.provider, state: order.state });
    return order;
  }

  /** Moves the order to `to` only from one of `from`; undefined when it was in another state. */
  async function transition(
    id: string,
    from: readonly OrderState[],
    to: OrderState,
    patch?: Parameters<Store["orders"]["transition"]>[3],
    note?: string,
  ) {
    return record(await store.orders.transition(id, from, to, patch, note));
  }

  /** A delivered order's side effects must not turn its outcome into an error for the reseller. */
  async function delivered(order: OrderRecord) {
    await deps.onDelivered?.(order).catch((err: unknown) => logger.error({ err, orderId: order.id }, "delivered-order hook failed"));
    await growthDelivered(order);
  }

  /**
   * The one place a delivered order pays its referrer's commission and counts for the reseller's
   * tier: every path to "completed" or "shipped" (placement, poll, webhook, reconciliation)
   * comes here, and the commission's ledger key makes a second arrival a no-op.
   */
  async function growthDelivered(order: OrderRecord) {
    await deps.growth?.orderDelivered(order).catch((err: unknown) => logger.error({ err, orderId: order.id }, "growth hook failed"));
  }

  /**
   * Returns the reseller's money for an order, once: the ledger's idempotency key makes a
   * second call (a duplicate webhook, an admin's second /refund, a retried job) a no-op. An
   * order whose debit never happened (a process that died between creating and charging it)
   * has nothing to return.
   */
  async function refundOnce(order: OrderRecord, actor: string, reason: string): Promise<boolean> {
    if (!(await store.ledger.entryByKey(debitKey(order.id)))) return false;
    const refund = await store.ledger.apply({
      userId: order.userId,
      currency: order.price.currency,
      amount: order.price.amount,
      type: "refund",
      reason,
      actor,
      orderId: order.id,
      key: `order:${order.id}:refund`,
    });
    if (!refund.ok) throw new Error("a refund can never be refused for funds");
    if (!refund.duplicate) {
      await store.orders.patch(order.id, { refundedAt: refund.entry.at });
      // A refunded order earns no commission: take back one already paid (a delivered order an
      // admin refunds, a shipped one the provider cancels), never below the referrer's zero.
      await deps.growth?.orderRefunded(order).catch((err: unknown) => logger.error({ err, orderId: order.id }, "referral reversal failed"));
    }
    // A refunded order gives its promo use back (SPEC §7); once, whoever refunds, even on a retry.
    await store.promos.release(order.id);
    return !refund.duplicate;
  }

  /** The provider's outcome cannot be known now: funds stay held, admins hear, reconciliation starts. */
  /** Moves an open order to unknown (admins alerted, reconciliation started); false when another got there first. */
  async function markUnknown(order: OrderRecord, why: string): Promise<boolean> {
    const next = await transition(order.id, ["pending", "processing"], "unknown", { failure: why }, why);
    if (!next) return false;
    logger.error({ orderId: order.id, provider: order.provider, why }, "order outcome unknown: funds held");
    // One alert per time the order goes unknown (a second spell is news too).
    const spell = next.history.filter((e) => e.state === "unknown").length;
    await notifier.notifyAdmins(
      "admin-order-unknown",
      { orderId: order.id, provider: order.provider, reason: why },
      `order:${order.id}:unknown:${spell}`,
    );
    await deps.scheduler.reconcile(order.id, 0);
    return true;
  }

  /** The provider delivered an order that was refunded while open: the admins decide (once per order). */
  async function deliveredAfterRefund(order: OrderRecord) {
    if (!refundedWhileOpen(order)) return false;
    logger.warn({ orderId: order.id, provider: order.provider }, "provider delivered an order refunded while open");
    await notifier.notifyAdmins(
      "admin-refunded-delivered",
      { orderId: order.id, provider: order.provider, amount: money(order.price.amount, order.price.currency) },
      `order:${order.id}:refunded-delivered`,
    );
    return true;
  }

  return { record, transition, delivered, growthDelivered, refundOnce, markUnknown, deliveredAfterRefund };
}

export type Transitions = ReturnType<typeof createTransitions>;
