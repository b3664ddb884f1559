import type { AccountSource } from "../../providers/types.js";
import type { OrderRecord } from "../../store/types.js";
import type { OrderServiceDeps } from "./deps.js";
import type { ProviderSignals } from "./signals.js";
import { debitKey, mayHaveBeenSent, refundedWhileOpen, type Transitions } from "./transitions.js";

/** Reconciliation attempts before an unknown order is left to an admin (with back-off, about a day). */
export const MAX_RECONCILE_ATTEMPTS = 20;

/**
 * Orders whose outcome we lost (a timeout, a crash, a deploy, an emptied Redis): reconciliation
 * asks the provider about an unknown order; the sweeps find orders interrupted mid-journey and
 * open orders left without a job, from the database.
 */
export function createReconciliation(
  deps: OrderServiceDeps,
  steps: Transitions,
  signals: ProviderSignals,
  /** Tells the reseller an order's outcome (the placement's announce). */
  announce: (outcome: { kind: "unknown"; order: OrderRecord }) => Promise<void>,
) {
  const { store, providers, notifier, logger } = deps;
  const { transition, markUnknown } = steps;

  /**
   * xinstitute orders carry no reference of ours, so a lost answer cannot be looked up. We
   * give admins the provider's recent order ids that match none of our orders: the lost one is
   * among them (or the order never reached them), and /refund or the provider's panel settles it.
   */
  async function askAdminToMatch(order: OrderRecord, account: AccountSource) {
    let candidates = "-";
    try {
      const recent = (await account.getAccount()).recentOrderIds ?? [];
      const unmatched: string[] = [];
      for (const id of recent) if (!(await store.orders.byProviderOrderId(order.provider, id))) unmatched.push(id);
      if (unmatched.length) candidates = unmatched.slice(0, 10).join(", ");
    } catch (err) {
      logger.warn({ err, orderId: order.id }, "could not read the provider account for reconciliation");
    }
    await notifier.notifyAdmins(
      "admin-reconcile-manual",
      { orderId: order.id, provider: order.provider, candidates },
      `order:${order.id}:manual`,
    );
  }

  /** An order refunded while open, still asked about: applyStatus reports a late delivery to the admins. */
  async function watchRefunded(order: OrderRecord): Promise<"done" | "again"> {
    if (!providers.get(order.provider)?.status) return "done";
    try {
      const { status } = await signals.refreshStatus(order);
      return status?.state === "pending" || status?.state === "processing" ? "again" : "done";
    } catch (err) {
      logger.warn({ err, orderId: order.id }, "status of a refunded order could not be read");
      return "again";
    }
  }

  async function reconcileOnce(orderId: string): Promise<"done" | "again"> {
    const order = await store.orders.get(orderId);
    if (order && refundedWhileOpen(order)) return watchRefunded(order);
    if (order?.state !== "unknown") return "done";
    const adapter = providers.get(order.provider);
    if (!adapter?.status) {
      if (adapter?.account) await askAdminToMatch(order, adapter.account);
      return "done";
    }
    try {
      const { order: after, status } = await signals.refreshStatus(order);
      if (after.state !== "unknown") return "done";
      // The provider has it and it is still pending: hand it back to polling.
      if (status?.state === "pending") {
        const back = await transition(order.id, ["unknown"], "processing", {}, "found at provider");
        if (back) await deps.scheduler.statusPoll(order.id, 0);
        return "done";
      }
    } catch (err) {
      // A "not found" for our ref_id proves nothing: the document looks orders up by the
      // provider's id, which we never received. The order stays unknown for an admin to settle.
      logger.warn({ err, orderId }, "reconciliation attempt failed");
    }
    return "again";
  }

  /**
   * One reconciliation attempt for an unknown order; returns whether to try again. After the
   * last attempt the order stays unknown for an admin, who is told so (never a silent end).
   */
  async function reconcile(orderId: string, attempt = 0): Promise<"done" | "again"> {
    const outcome = await reconcileOnce(orderId);
    if (outcome === "again" && attempt + 1 >= MAX_RECONCILE_ATTEMPTS) {
      const order = await store.orders.get(orderId);
      // A refunded order was already settled by an admin: the watch just ends.
      if (order?.state === "refunded") return "done";
      await notifier.notifyAdmins(
        "admin-reconcile-gave-up",
        { orderId, provider: order?.provider ?? "-", attempts: attempt + 1 },
        `order:${orderId}:reconcile-gave-up:${order?.history.filter((e) => e.state === "unknown").length ?? 0}`,
      );
      return "done";
    }
    return outcome;
  }

  /**
   * Orders still in our own "pending" (created, perhaps charged, provider not yet answered) long
   * after any handler could be working on them were interrupted by a crash or a deploy: they
   * become unknown, so admins hear of them and reconciliation starts. Never silently held.
   */
  async function sweepInterrupted(olderThanMs: number, placing: ReadonlySet<string> = new Set()): Promise<number> {
    let swept = 0;
    for (const id of await store.orders.idsInState("pending")) {
      // Waiting in line for the provider's budget (or being sent right now): not interrupted.
      if (placing.has(id)) continue;
      const order = await store.orders.get(id);
      if (order?.state !== "pending" || Date.now() - order.createdAt <= olderThanMs) continue;
      // No debit: the process stopped (or the database went away) before charging, and the
      // provider is only called after the debit. Nothing was taken and nothing sent. The check and
      // the verdict hold the order's row lock, so a stalled debit landing now is refused, not lost.
      if (!(await store.ledger.entryByKey(debitKey(order.id)))) {
        const failed = await store.orders.failUncharged(
          order.id,
          { failure: "interrupted_before_charge" },
          "interrupted before the charge",
        );
        if (steps.record(failed)) logger.warn({ orderId: order.id }, "order interrupted before its charge: failed, nothing taken");
      } else if (!mayHaveBeenSent(order)) {
        // Charged but never handed to the provider (the process stopped between the two, its
        // placement job failed before the call, or its claim was given back and the job lost):
        // send it now, under a fresh job id.
        logger.warn({ orderId: order.id }, "charged order never sent: queued for placement");
        await deps.scheduler.placement(order.id, { again: true });
      } else if (await markUnknown(order, "interrupted")) {
        // The placement died with its process: the reseller was told "received" and nothing since.
        await announce({ kind: "unknown", order });
      }
      swept++;
    }
    return swept;
  }

  /**
   * The backstop that rebuilds work from the database: every open order that should have a
   * status poll or a reconciliation queued and has none (Redis was emptied, a chain ended, a
   * process died between a state change and its job) gets a new chain. Orders changed within
   * `quietMs` are left alone: their own handler may be about to queue their job.
   */
  async function reviveOrphans(queued: { polls: ReadonlySet<string>; reconciles: ReadonlySet<string> }, quietMs: number): Promise<number> {
    let revived = 0;
    for (const [state, jobs] of [
      ["processing", queued.polls],
      ["unknown", queued.reconciles],
    ] as const) {
      for (const id of await store.orders.idsInState(state)) {
        if (jobs.has(id)) continue;
        const order = await store.orders.get(id);
        if (!order || order.state !== state || Date.now() - order.updatedAt < quietMs || !providers.get(order.provider)?.status) continue;
        logger.info({ orderId: id, state }, "open order had no job queued: rescheduled");
        await (state === "processing" ? deps.scheduler.statusPoll(id, 0) : deps.scheduler.reconcile(id, 0));
        revived++;
      }
    }
    return revived;
  }

  return { reconcile, sweepInterrupted, reviveOrphans };
}
