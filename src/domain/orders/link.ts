import type { OrderServiceDeps } from "./deps.js";
import type { ProviderSignals } from "./signals.js";
import type { Transitions } from "./transitions.js";

export type LinkOutcome =
  | { kind: "linked"; applied: number; state: string }
  | { kind: "not_found" }
  | { kind: "already" }
  | { kind: "has_other"; providerOrderId: string }
  | { kind: "taken"; orderId: string };

/**
 * An admin's /link: the provider's order id for an order whose answer was lost, so the webhooks
 * kept for that id (unmatched_events) apply, and later ones and status polls find the order.
 */
export function createLink(deps: OrderServiceDeps, steps: Transitions, signals: ProviderSignals) {
  const { store, providers, logger } = deps;

  async function linkProviderOrder(orderId: string, providerOrderId: string, adminId: number): Promise<LinkOutcome> {
    const order = await store.orders.get(orderId);
    if (!order) return { kind: "not_found" };
    if (order.providerOrderId === providerOrderId) return { kind: "already" };
    if (order.providerOrderId) return { kind: "has_other", providerOrderId: order.providerOrderId };
    const other = await store.orders.byProviderOrderId(order.provider, providerOrderId);
    if (other) return { kind: "taken", orderId: other.id };
    let linked = await store.orders.patch(order.id, { providerOrderId });
    if (!linked) return { kind: "not_found" };
    logger.info({ orderId, provider: order.provider, providerOrderId, adminId }, "provider order linked by an admin");
    // The provider has it: an order nobody knew the outcome of goes back to waiting for its news.
    // (A pending one is left to its placement, which may be in flight.)
    if (linked.state === "unknown") {
      const back = await steps.transition(order.id, ["unknown"], "processing", {}, `linked by admin ${adminId}`);
      if (back) {
        linked = back;
        if (providers.get(order.provider)?.status) await deps.scheduler.statusPoll(order.id, 0);
      }
    }
    const before = linked.history.length;
    await signals.applyPendingEvents(linked);
    const after = (await store.orders.get(order.id)) ?? linked;
    return { kind: "linked", applied: after.history.length - before, state: after.state };
  }

  return { linkProviderOrder };
}
