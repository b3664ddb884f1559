import { money } from "../notifications.js";
import type { OrderServiceDeps } from "./deps.js";
import { CHARGED_STATES, debitKey, refundedWhileOpen, type Transitions } from "./transitions.js";

export type AdminRefundOutcome = "refunded" | "already" | "not_charged" | "not_found";

/** An admin's /refund: the reseller's money back whatever the provider did. */
export function createAdminRefund(deps: OrderServiceDeps, steps: Transitions) {
  const { store, notifier } = deps;

  /** Admin refund: once per order, whatever its state (a failed order can carry a debit), unless nothing was charged. */
  async function adminRefund(orderId: string, adminId: number): Promise<AdminRefundOutcome> {
    const order = await store.orders.get(orderId);
    if (!order) return "not_found";
    if (!(await store.ledger.entryByKey(debitKey(order.id)))) return "not_charged";
    const fresh = await steps.refundOnce(order, `admin:${adminId}`, "admin_refund");
    if (!fresh) return "already";
    const refunded = await steps.transition(
      order.id,
      [...CHARGED_STATES, "failed"],
      "refunded",
      { failure: "admin_refund" },
      `refunded by admin ${adminId}`,
    );
    // The provider may still deliver it: keep asking, so a late delivery reaches the admins (an
    // unknown order's reconciliation chain is already asking, and now watches the refund).
    const watch = refunded && refundedWhileOpen(refunded) && order.state !== "unknown" && deps.providers.get(order.provider)?.status;
    if (watch) await deps.scheduler.reconcile(order.id, 0);
    await notifier.notifyUser({
      userId: order.userId,
      key: "order-refunded",
      args: { orderId: order.id, product: order.productName, amount: money(order.price.amount, order.price.currency), reason: "-" },
      dedupeKey: `order:${order.id}:refunded`,
    });
    return "refunded";
  }

  return { adminRefund };
}
