import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import {
  ProviderError,
  type AccountSource,
  type ProviderDirectory,
  type Money,
  type ProviderOrderStatus,
  type WebhookEvent,
} from "../providers/types.js";
import type { OrderRecord, OrderState, Store } from "../store/types.js";
import type { Drafts } from "./drafts.js";
import { money, type Notifier } from "./notifications.js";
import type { Resellers } from "./resellers.js";
import { productKey, type Settings } from "./settings.js";

/** What the reseller's Confirm did, before anything is sent to the provider. */
export type AcceptOutcome =
  | { kind: "expired" }
  | { kind: "blocked"; reason: "pending" | "banned" | "rejected" | "maintenance" | "paused" | "provider_off" }
  | { kind: "insufficient"; balance: number; order: OrderRecord }
  | { kind: "existing"; order: OrderRecord }
  | { kind: "accepted"; order: OrderRecord };

/** Thrown by send() in a job when the provider's rate budget has no slot: nothing was sent; wait. */
export class ProviderBusy extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`provider busy: retry in ${retryAfterMs} ms`);
    this.name = "ProviderBusy";
  }
}
const BUSY_RETRY_MS = 2_000;
/** A provider that keeps answering 429 this long after the order was accepted: refused and refunded. */
const MAX_BUSY_WAIT_MS = 10 * 60_000;

/** The order event written just before a provider may hear of the order. */
const SENDING = "sending to the provider";

/** Refusal codes a reseller gets a specific reason for (locales: reason-<code>). */
const REFUSAL_REASONS = new Set(["insufficient_balance", "product_unavailable", "product_not_found", "request_expired", "invalid_request", "rate_limited"]);

export type PlaceOutcome =
  | { kind: "expired" }
  | { kind: "blocked"; reason: "pending" | "banned" | "rejected" | "maintenance" | "paused" | "provider_off" }
  | { kind: "insufficient"; balance: number; order: OrderRecord }
  | { kind: "existing"; order: OrderRecord }
  | { kind: "placed"; order: OrderRecord }
  | { kind: "refused"; order: OrderRecord; code: string }
  | { kind: "unknown"; order: OrderRecord };

/** Reconciliation attempts before an unknown order is left to an admin (with back-off, about a day). */
export const MAX_RECONCILE_ATTEMPTS = 20;

/** States in which an order still waits on the provider. */
export const OPEN_STATES: readonly OrderState[] = ["pending", "processing", "unknown"];
/** States in which the reseller's money is with us for this order (it can be refunded). */
const CHARGED_STATES: readonly OrderState[] = ["pending", "processing", "unknown", "completed", "shipped", "delivery_failed"];

export interface Scheduler {
  /** Hands an accepted order to the placement job (once per order); says whether it waits in line. */
  placement(orderId: string): Promise<{ queued: boolean }>;
  /**
   * Status poll `attempt` (0-based) of a chain of polls for an order; idempotent per chain and
   * attempt. Attempt 0 without a chain starts a new chain (a fresh job id: an order handed back
   * to polling is polled again even though its first chain's jobs are still remembered).
   */
  statusPoll(orderId: string, attempt: number, chain?: string): Promise<void>;
  /** Reconciliation of an `unknown` order, chained like statusPoll. */
  reconcile(orderId: string, attempt: number, chain?: string): Promise<void>;
}

export interface OrderServiceDeps {
  store: Store;
  providers: ProviderDirectory;
  drafts: Drafts;
  settings: Settings;
  resellers: Resellers;
  notifier: Notifier;
  scheduler: Scheduler;
  logger: Logger;
  metrics?: Metrics;
  sandbox?: boolean;
  /** How long a gametopup order may stay Pending before it is declared unknown. */
  pendingWindowMs: number;
  /** Told when an order reaches "completed" or "shipped" (loyalty points); must be idempotent. */
  onDelivered?: (order: OrderRecord) => Promise<void>;
}

export function createOrderService(deps: OrderServiceDeps) {
  const { store, providers, notifier, logger } = deps;

  function record(order: OrderRecord | undefined) {
    if (order) deps.metrics?.orders.inc({ provider: order.provider, state: order.state });
    return order;
  }

  async function transition(
    id: string,
    from: readonly OrderState[],
    to: OrderState,
    patch?: Parameters<Store["orders"]["transition"]>[3],
    note?: string,
  ) {
    return record(await store.orders.transition(id, from, to, patch, note));
  }

  const debitKey = (orderId: string) => `order:${orderId}:debit`;

  /** A delivered order's side effects must not turn its outcome into an error for the reseller. */
  async function delivered(order: OrderRecord) {
    await deps.onDelivered?.(order).catch((err: unknown) => logger.error({ err, orderId: order.id }, "delivered-order hook failed"));
  }

  /**
   * Returns the reseller's money for an order, once: the ledger's idempotency key makes a
   * second call (a duplicate webhook, an admin's second /refund, a retried job) a no-op. An
   * order whose debit never happened (a process that died between creating and charging it)
   * has nothing to return.
   */
  async function refundOnce(order: OrderRecord, actor: string, reason: string): Promise<boolean> {
    if (!(await store.ledger.entryByKey(debitKey(order.id)))) return false;
    const r = await store.ledger.apply({
      userId: order.userId,
      currency: order.price.currency,
      amount: order.price.amount,
      type: "refund",
      reason,
      actor,
      orderId: order.id,
      key: `order:${order.id}:refund`,
    });
    if (!r.ok) throw new Error("a refund can never be refused for funds");
    if (!r.duplicate) await store.orders.patch(order.id, { refundedAt: r.entry.at });
    return !r.duplicate;
  }

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

  /** What the provider says it charged, when above the cost we sold on: admins hear of it, margins use the real cost. */
  async function checkCharged(order: OrderRecord, charged: Money | undefined) {
    if (!charged || charged.currency !== order.cost.currency || charged.amount <= order.cost.amount) return;
    logger.warn({ orderId: order.id, cost: order.cost, charged }, "provider charged more than the cost we sold on");
    await store.orders.patch(order.id, { cost: charged });
    await notifier.notifyAdmins(
      "admin-cost-above",
      { orderId: order.id, provider: order.provider, product: order.productName, cost: money(order.cost.amount, order.cost.currency), charged: money(charged.amount, charged.currency) },
      `order:${order.id}:cost-above`,
    );
  }

  /**
   * The provider answered after the order left "pending" (the sweep on another process marked it
   * unknown, an admin refunded it). The answer is never thrown away: its provider id is kept (so
   * later webhooks and polls find the order) and it is applied as a status would be.
   */
  async function settleLateAnswer(order: OrderRecord, result: { providerOrderId: string; state: ProviderOrderStatus["state"]; productName?: string }) {
    logger.warn({ orderId: order.id, providerOrderId: result.providerOrderId }, "provider answered an order no longer pending: keeping its id and applying it");
    const now = (await store.orders.patch(order.id, { providerOrderId: result.providerOrderId })) ?? order;
    await applyPendingEvents(now);
    if (!OPEN_STATES.includes(now.state)) {
      // Refunded (or otherwise closed) here, yet the provider took it: only an admin can settle that.
      if (result.state !== "failed") {
        await notifier.notifyAdmins("admin-late-answer", { orderId: order.id, provider: order.provider, state: now.state }, `order:${order.id}:late-answer`);
      }
      return now;
    }
    if (now.state === "unknown" && (result.state === "pending" || result.state === "processing")) {
      const back = await transition(order.id, ["unknown"], "processing", {}, "provider answered late");
      if (back && providers.get(order.provider)?.status) await deps.scheduler.statusPoll(order.id, 0);
      return back ?? now;
    }
    return applyStatus(now, { providerOrderId: result.providerOrderId, state: result.state, productName: result.productName });
  }

  /** Applies the webhooks that arrived before this order's provider id was known. */
  async function applyPendingEvents(order: OrderRecord) {
    if (!order.providerOrderId) return;
    for (const event of await store.unmatched.take(order.provider, order.providerOrderId)) {
      logger.info({ orderId: order.id, kind: event.kind }, "applying a webhook that arrived before the order's answer");
      await applyWebhook(event);
    }
  }

  /**
   * The reseller's Confirm: checks, then the order and its debit (the create is the claim, the
   * debit one statement). Nothing is sent to the provider here: that is send(), from a job.
   */
  async function accept(draftId: string, userId: number): Promise<AcceptOutcome> {
    const existing = await store.orders.get(draftId);
    if (existing) return existing.userId === userId ? { kind: "existing", order: existing } : { kind: "expired" };
    const draft = await deps.drafts.get(draftId);
    if (!draft || draft.userId !== userId) return { kind: "expired" };
    const user = await deps.resellers.get(userId);
    if (!user) return { kind: "expired" };
    const block = deps.resellers.buyBlock(user, await deps.settings.maintenance());
    if (block) return { kind: "blocked", reason: block };
    if (productKey(draft.provider, draft.sku) in (await deps.settings.pricing()).paused) return { kind: "blocked", reason: "paused" };
    const ordering = providers.get(draft.provider)?.ordering;
    if (!ordering) return { kind: "blocked", reason: "provider_off" };

    const now = Date.now();
    const order: OrderRecord = {
      id: draft.id,
      userId,
      provider: draft.provider,
      sku: draft.sku,
      productName: draft.productName,
      quantity: draft.quantity,
      email: draft.email,
      playerId: draft.playerId,
      zone: draft.zone,
      price: draft.price,
      cost: draft.cost,
      unitCost: draft.unitCost,
      state: "pending",
      sandbox: deps.sandbox || undefined,
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, state: "pending" }],
    };
    // The create is the claim: whoever creates the order is the only one to debit and call out.
    if (!(await store.orders.create(order))) {
      const raced = await store.orders.get(draftId);
      return raced ? { kind: "existing", order: raced } : { kind: "expired" };
    }
    record(order);

    const debit = await store.ledger.apply({
      userId,
      currency: order.price.currency,
      amount: -order.price.amount,
      type: "debit",
      reason: "order",
      actor: `user:${userId}`,
      orderId: order.id,
      key: debitKey(order.id),
    });
    if (!debit.ok) {
      const failed = await transition(order.id, ["pending"], "failed", { failure: "insufficient_funds" }, "insufficient funds");
      return { kind: "insufficient", balance: debit.balance, order: failed ?? order };
    }
    await deps.drafts.discard(draftId);
    return { kind: "accepted", order };
  }

  /** The Confirm tap's whole job: accept, then queue the provider call. */
  async function confirm(draftId: string, userId: number): Promise<AcceptOutcome | { kind: "queued" | "sending"; order: OrderRecord }> {
    const accepted = await accept(draftId, userId);
    if (accepted.kind !== "accepted") return accepted;
    const busy = (await providers.get(accepted.order.provider)?.ordering?.busy?.().catch(() => false)) ?? false;
    const { queued } = await deps.scheduler.placement(accepted.order.id);
    return { kind: queued || busy ? "queued" : "sending", order: accepted.order };
  }

  /** Tells the reseller what the provider made of their order (the placement job's last step). */
  async function announce(outcome: PlaceOutcome) {
    if (!("order" in outcome)) return;
    const o = outcome.order;
    const base = { orderId: o.id, product: o.productName };
    const dedupeKey = `order:${o.id}:placed`;
    if (outcome.kind === "placed") {
      await notifier.notifyUser({ userId: o.userId, key: o.state === "completed" ? "order-done" : "order-processing", args: base, dedupeKey });
    } else if (outcome.kind === "refused") {
      const reason = REFUSAL_REASONS.has(outcome.code) ? `reason-${outcome.code}` : "reason-other";
      await notifier.notifyUser({ userId: o.userId, key: "order-refused", args: { ...base, reason: { t: reason }, amount: money(o.price.amount, o.price.currency) }, dedupeKey });
    } else if (outcome.kind === "unknown") {
      await notifier.notifyUser({ userId: o.userId, key: "order-unknown", args: base, dedupeKey });
    }
  }

  /**
   * Sends an accepted order to its provider and settles what it answers. `whenBusy: "wait"` (a
   * job): with no rate-limit slot in time, nothing is sent and ProviderBusy is thrown so the job
   * waits and runs again; "refuse": the order is refused unsent and refunded.
   */
  async function send(orderId: string, whenBusy: "wait" | "refuse" = "refuse"): Promise<PlaceOutcome> {
    const order = await store.orders.get(orderId);
    if (!order) return { kind: "expired" };
    // Already sent (a job run twice, or a sweep got there): never a second provider call.
    if (order.state !== "pending") return { kind: "existing", order };
    const ordering = providers.get(order.provider)?.ordering;
    if (!ordering) {
      await refundOnce(order, "system", "provider_off");
      const off = await transition(order.id, ["pending"], "refunded", { failure: "provider_off" }, "provider switched off");
      return { kind: "refused", order: off ?? order, code: "provider_off" };
    }
    // From here the provider may hear of the order: recorded first, so that a crash from now on
    // is never taken for an order that was not sent (the sweep would send it again).
    if (!(await transition(order.id, ["pending"], "pending", {}, SENDING))) return { kind: "existing", order: (await store.orders.get(order.id)) ?? order };

    try {
      const result = await ordering.placeOrder({
        ref: order.id,
        sku: order.sku,
        unitCost: order.unitCost,
        quantity: order.quantity,
        email: order.email,
        playerId: order.playerId,
        zone: order.zone,
      });
      await checkCharged(order, result.charged);
      if (result.state === "failed") {
        // The provider refused in its answer (gametopup's Batal at once): refunded and said so.
        await refundOnce(order, "system", "provider_failed");
        const refused = await transition(order.id, ["pending"], "refunded", { providerOrderId: result.providerOrderId, failure: "provider_failed" }, "refused by provider");
        return { kind: "refused", order: refused ?? (await settleLateAnswer(order, result)), code: "provider_failed" };
      }
      const state: OrderState = result.state === "completed" ? "completed" : "processing";
      const placed = await transition(order.id, ["pending"], state, {
        providerOrderId: result.providerOrderId,
        productName: result.productName ?? order.productName,
      });
      if (!placed) return { kind: "unknown", order: await settleLateAnswer(order, result) };
      await applyPendingEvents(placed);
      if (state === "completed") await delivered(placed);
      if (state === "processing" && providers.get(order.provider)?.status) await deps.scheduler.statusPoll(order.id, 0);
      return { kind: "placed", order: (await store.orders.get(order.id)) ?? placed };
    } catch (err) {
      // No slot in the provider's budget in time: nothing was sent. A job waits and tries again.
      if (whenBusy === "wait" && err instanceof ProviderError && err.code === "client_queue_full") throw new ProviderBusy(err.retryAfterMs ?? BUSY_RETRY_MS);
      // The provider's own 429 also means nothing was placed: wait as it asks, within reason, instead of refusing.
      if (whenBusy === "wait" && err instanceof ProviderError && err.code === "rate_limited" && Date.now() - order.createdAt < MAX_BUSY_WAIT_MS) {
        throw new ProviderBusy(err.retryAfterMs ?? BUSY_RETRY_MS);
      }
      if (err instanceof ProviderError && err.definite) {
        await refundOnce(order, "system", `provider_refused:${err.code}`);
        const refunded = await transition(order.id, ["pending"], "refunded", { failure: err.code }, err.message);
        if (err.kind === "auth") {
          await notifier.notifyAdmins("admin-provider-auth", { provider: order.provider, code: err.code }, `auth:${order.provider}:${err.code}`);
        }
        return { kind: "refused", order: refunded ?? order, code: err.code };
      }
      const why = err instanceof ProviderError ? `${err.kind}:${err.code}` : "internal_error";
      if (!(err instanceof ProviderError)) logger.error({ err, orderId: order.id }, "order placement crashed");
      await markUnknown(order, why);
      return { kind: "unknown", order: (await store.orders.get(order.id)) ?? order };
    }
  }

  /** accept() then send() in one go, for callers that wait for the provider themselves (tests, scripts). */
  async function place(draftId: string, userId: number): Promise<PlaceOutcome> {
    const accepted = await accept(draftId, userId);
    return accepted.kind === "accepted" ? send(accepted.order.id) : accepted;
  }

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
          args: { orderId: order.id, product: order.productName, amount: money(order.price.amount, order.price.currency), reason: status.note ?? "-" },
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

  /**
   * xinstitute orders carry no reference of ours, so a lost answer cannot be looked up. We
   * give admins the provider's recent order ids that match none of our orders: the lost one is
   * among them (or the order was never placed), and /refund or the provider's panel settles it.
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
    await notifier.notifyAdmins("admin-reconcile-manual", { orderId: order.id, provider: order.provider, candidates }, `order:${order.id}:manual`);
  }

  /**
   * One reconciliation attempt for an unknown order; returns whether to try again. After the
   * last attempt the order stays unknown for an admin, who is told so (never a silent end).
   */
  async function reconcile(orderId: string, attempt = 0): Promise<"done" | "again"> {
    const outcome = await reconcileOnce(orderId);
    if (outcome === "again" && attempt + 1 >= MAX_RECONCILE_ATTEMPTS) {
      const order = await store.orders.get(orderId);
      await notifier.notifyAdmins(
        "admin-reconcile-gave-up",
        { orderId, provider: order?.provider ?? "-", attempts: attempt + 1 },
        `order:${orderId}:reconcile-gave-up:${order?.history.filter((e) => e.state === "unknown").length ?? 0}`,
      );
      return "done";
    }
    return outcome;
  }

  async function reconcileOnce(orderId: string): Promise<"done" | "again"> {
    const order = await store.orders.get(orderId);
    if (!order || order.state !== "unknown") return "done";
    const adapter = providers.get(order.provider);
    if (!adapter?.status) {
      if (adapter?.account) await askAdminToMatch(order, adapter.account);
      return "done";
    }
    try {
      const { order: after, status } = await refreshStatus(order);
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
      logger.warn({ provider: event.provider, providerOrderId: event.providerOrderId, kind: event.kind }, "webhook for an order not known yet: kept");
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
      if (!shipped && order.state !== "shipped") return "ignored";
      await notifier.notifyUser({
        userId: order.userId,
        key: "order-shipped",
        args: { ...base, tracking: event.trackingInfo ?? "-", shippingStatus: event.shippingStatus ?? "-", email: order.email ?? "-" },
        dedupeKey: `order:${order.id}:shipped`,
      });
      // Also on a redelivery, like the message: the award is keyed by the order.
      await deps.onDelivered?.(shipped ?? order);
      return shipped ? "applied" : "ignored";
    }
    if (event.kind === "failed_delivery") {
      const failed = await transition(order.id, ["pending", "processing", "unknown", "shipped"], "delivery_failed", {}, "failed_delivery");
      if (!failed && order.state !== "delivery_failed") return "ignored"; // (re)queued as for shipped
      await notifier.notifyUser({ userId: order.userId, key: "order-delivery-failed", args: base, dedupeKey: `order:${order.id}:delivery_failed` });
      await notifier.notifyAdmins("admin-delivery-failed", { ...base, provider: order.provider }, `order:${order.id}:delivery_failed:admin`);
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

  /** Admin refund: once per order, whatever its state, unless it was never charged. */
  async function adminRefund(orderId: string, adminId: number): Promise<"refunded" | "already" | "not_charged" | "not_found"> {
    const order = await store.orders.get(orderId);
    if (!order) return "not_found";
    if (order.state === "failed" || !(await store.ledger.entryByKey(debitKey(order.id)))) return "not_charged";
    const fresh = await refundOnce(order, `admin:${adminId}`, "admin_refund");
    if (!fresh) return "already";
    await transition(order.id, CHARGED_STATES, "refunded", { failure: "admin_refund" }, `refunded by admin ${adminId}`);
    await notifier.notifyUser({
      userId: order.userId,
      key: "order-refunded",
      args: { orderId: order.id, product: order.productName, amount: money(order.price.amount, order.price.currency), reason: "-" },
      dedupeKey: `order:${order.id}:refunded`,
    });
    return "refunded";
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
      // provider is only called after the debit. Nothing was taken and nothing sent.
      if (!(await store.ledger.entryByKey(debitKey(order.id)))) {
        if (await transition(order.id, ["pending"], "failed", { failure: "interrupted_before_charge" }, "interrupted before the charge")) {
          logger.warn({ orderId: order.id }, "order interrupted before its charge: failed, nothing taken");
        }
      } else if (!order.history.some((e) => e.note === SENDING)) {
        // Charged but never handed to the provider (the process stopped between the two): send it now.
        logger.warn({ orderId: order.id }, "charged order never sent: queued for placement");
        await deps.scheduler.placement(order.id);
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
    for (const [state, jobs] of [["processing", queued.polls], ["unknown", queued.reconciles]] as const) {
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

  return { accept, confirm, send, announce, place, applyStatus, refreshStatus, poll, reconcile, applyWebhook, adminRefund, markUnknown, sweepInterrupted, reviveOrphans };
}

export type OrderService = ReturnType<typeof createOrderService>;
