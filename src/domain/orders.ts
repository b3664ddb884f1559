import { createAdminRefund } from "./orders/admin-refund.js";
import type { OrderServiceDeps } from "./orders/deps.js";
import { createLink } from "./orders/link.js";
import { createPlacement } from "./orders/placement.js";
import { createReconciliation } from "./orders/reconciliation.js";
import { createProviderSignals } from "./orders/signals.js";
import { createTransitions } from "./orders/transitions.js";

export type { AdminRefundOutcome } from "./orders/admin-refund.js";
export type { OrderServiceDeps, Scheduler } from "./orders/deps.js";
export type { LinkOutcome } from "./orders/link.js";
export { ProviderBusy, type AcceptOutcome, type PlaceOutcome } from "./orders/placement.js";
export { MAX_RECONCILE_ATTEMPTS } from "./orders/reconciliation.js";
export { OPEN_STATES } from "./orders/transitions.js";

/**
 * The order service, one entry over the journeys in orders/: placement.ts (a reseller taps
 * Confirm), signals.ts (a provider answers, polls, ships or cancels), reconciliation.ts (lost
 * outcomes and the sweeps), admin-refund.ts; transitions.ts holds the guarded state change and
 * the refund-once they share.
 */
export function createOrderService(deps: OrderServiceDeps) {
  const steps = createTransitions(deps);
  const signals = createProviderSignals(deps, steps);
  const placement = createPlacement(deps, steps, signals);
  const reconciliation = createReconciliation(deps, steps, signals, placement.announce);
  const { adminRefund } = createAdminRefund(deps, steps);
  const { linkProviderOrder } = createLink(deps, steps, signals);

  return {
    accept: placement.accept,
    confirm: placement.confirm,
    send: placement.send,
    announce: placement.announce,
    place: placement.place,
    applyStatus: signals.applyStatus,
    refreshStatus: signals.refreshStatus,
    poll: signals.poll,
    applyWebhook: signals.applyWebhook,
    reconcile: reconciliation.reconcile,
    markUnknown: steps.markUnknown,
    sweepInterrupted: reconciliation.sweepInterrupted,
    reviveOrphans: reconciliation.reviveOrphans,
    adminRefund,
    linkProviderOrder,
  };
}

export type OrderService = ReturnType<typeof createOrderService>;
