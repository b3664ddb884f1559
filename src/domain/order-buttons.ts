import type { OrderState } from "../store/types.js";
import type { ActionButton, Notification, Notifier } from "./notifications.js";
import { REORDERABLE_STATES } from "./reorder.js";

/** Orders the customer has received: these have a receipt to forward. */
export const RECEIPT_STATES: readonly OrderState[] = ["completed", "shipped"];

/** Receipt and Buy again, as far as the order's state allows them. */
export function orderButtons(orderId: string, state: OrderState): ActionButton[][] {
  const row: ActionButton[] = [];
  if (RECEIPT_STATES.includes(state)) row.push({ key: "btn-receipt", action: { kind: "order-receipt", orderId } });
  if (REORDERABLE_STATES.includes(state)) row.push({ key: "btn-buy-again", action: { kind: "buy-again", orderId } });
  return row.length ? [row] : [];
}

/** The order pushes and the state each one announces. */
const PUSHES: Record<string, OrderState> = {
  "order-completed": "completed",
  "order-shipped": "shipped",
  "order-refunded": "refunded",
  "order-cancelled": "cancelled",
  "order-delivery-failed": "delivery_failed",
  // The placement job's outcomes: completed at once, or refused and refunded at once.
  "order-done": "completed",
  "order-refused": "refunded",
};

/**
 * Gives every order push (an order completed, shipped, refunded, cancelled, undelivered) its
 * Receipt and Buy again buttons. Done on the way to the queue, by message id, so the order code
 * that decides what to say stays unaware of these buttons.
 */
export function withOrderButtons(notifier: Notifier): Notifier {
  return {
    ...notifier,
    notifyUser(n: Notification) {
      const state = PUSHES[n.key];
      const orderId = n.args?.orderId;
      if (!state || n.buttons || typeof orderId !== "string") return notifier.notifyUser(n);
      return notifier.notifyUser({ ...n, buttons: orderButtons(orderId, state) });
    },
  };
}
