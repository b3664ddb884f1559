import { NOT_SENT_CODES, ProviderError, type Money, type OrderPlacer, type ProviderOrderStatus } from "../../providers/types.js";
import type { OrderRecord, OrderState, PromoTakeRefusal } from "../../store/types.js";
import { money } from "../notifications.js";
import type { MaintenanceNotice } from "../maintenance.js";
import type { OrderServiceDeps } from "./deps.js";
import type { ProviderSignals } from "./signals.js";
import { debitKey, NOT_SENT, OPEN_STATES, SENDING, TURNED_AWAY, turnedAwaySince, type Transitions } from "./transitions.js";

/** What the reseller's Confirm did, before anything is sent to the provider. */
export type AcceptOutcome =
  | { kind: "expired" }
  | {
      kind: "blocked";
      reason: "pending" | "banned" | "rejected" | "maintenance" | "paused" | "provider_off";
      /** With reason "maintenance": what is in maintenance, and its note. */
      maintenance?: MaintenanceNotice;
    }
  | { kind: "insufficient"; balance: number; order: OrderRecord }
  /** The card's promo code could no longer be used (used up meanwhile, switched off…): nothing was charged. */
  | { kind: "promo"; reason: PromoTakeRefusal; order: OrderRecord }
  | { kind: "existing"; order: OrderRecord }
  | { kind: "accepted"; order: OrderRecord };

export type PlaceOutcome =
  | { kind: "expired" }
  | {
      kind: "blocked";
      reason: "pending" | "banned" | "rejected" | "maintenance" | "paused" | "provider_off";
      /** With reason "maintenance": what is in maintenance, and its note. */
      maintenance?: MaintenanceNotice;
    }
  | { kind: "insufficient"; balance: number; order: OrderRecord }
  | { kind: "promo"; reason: PromoTakeRefusal; order: OrderRecord }
  | { kind: "existing"; order: OrderRecord }
  | { kind: "placed"; order: OrderRecord }
  | { kind: "refused"; order: OrderRecord; code: string }
  | { kind: "unknown"; order: OrderRecord };

/** Thrown by send() in a job when the provider's rate budget has no slot: nothing was sent; wait. */
export class ProviderBusy extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`provider busy: retry in ${retryAfterMs} ms`);
    this.name = "ProviderBusy";
  }
}
const BUSY_RETRY_MS = 2_000;
/** A provider that keeps answering 429, or cannot be reached, this long after it first did so for an order: refused and refunded. */
const MAX_BUSY_WAIT_MS = 10 * 60_000;

/** A provider alert that repeats is announced again after this long. */
const ALERT_BUCKET_MS = 3_600_000;

/**
 * The dedupe key of "the provider refused our credentials": once an hour at most, since the
 * notification queue keeps job ids (its dedupe) for a week and a real failure must be heard.
 */
export const authAlertKey = (provider: string, code: string, now = Date.now()) =>
  `auth:${provider}:${code}:${Math.floor(now / ALERT_BUCKET_MS)}`;
/** Waits between attempts to record the provider's order id. */
const KEEP_ID_RETRIES_MS = [100, 300, 1_000, 2_000];

type PlaceAnswer = Awaited<ReturnType<OrderPlacer["placeOrder"]>>;

/** Refusal codes a reseller gets a specific reason for (locales: reason-<code>). */
const REFUSAL_REASONS = new Set([
  "insufficient_balance",
  "product_unavailable",
  "product_not_found",
  "request_expired",
  "invalid_request",
  "rate_limited",
  "unreachable",
  "price_changed",
]);

/**
 * A reseller taps Confirm: accept() claims and debits the order, confirm() queues it, the
 * placement job's send() hands it to the provider and settles the answer, announce() tells
 * the reseller.
 */
export function createPlacement(deps: OrderServiceDeps, steps: Transitions, signals: ProviderSignals) {
  const { store, providers, notifier, logger } = deps;
  const { record, transition, refundOnce, delivered, markUnknown } = steps;

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
    const block = deps.resellers.buyBlock(user);
    if (block) return { kind: "blocked", reason: block };
    // Every order passes here (a chat Confirm, a bulk line, Buy again): read at this instant, so a
    // card opened before maintenance began is refused at Confirm, before anything is taken.
    const held = await deps.maintenance.blockFor(user, draft.provider, draft.sku);
    if (held) return { kind: "blocked", reason: "maintenance", maintenance: held };
    if (await deps.priceBook.isPaused(draft.provider, draft.sku)) return { kind: "blocked", reason: "paused" };
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

    // Only while the order is still pending: a sweep that failed it meanwhile (this process
    // stalled between the create and here) wins, and nothing is taken.
    const debit = await store.ledger.debitOrder({
      userId,
      currency: order.price.currency,
      amount: -order.price.amount,
      type: "debit",
      reason: "order",
      actor: `user:${userId}`,
      orderId: order.id,
      key: debitKey(order.id),
      // The code's use is taken in the debit's own transaction, so its limits hold under any concurrency.
      promo: draft.promo && { code: draft.promo.code, discount: draft.promo.discount, currency: order.price.currency },
    });
    if (!debit.ok && debit.reason === "not_pending") {
      const now = await store.orders.get(order.id);
      return now ? { kind: "existing", order: now } : { kind: "expired" };
    }
    if (!debit.ok && debit.reason === "promo") {
      const failed = await transition(order.id, ["pending"], "failed", { failure: `promo_${debit.refusal}` }, "promo code refused");
      return { kind: "promo", reason: debit.refusal, order: failed ?? order };
    }
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
    const busy =
      (await providers
        .get(accepted.order.provider)
        ?.ordering?.busy?.()
        .catch(() => false)) ?? false;
    const { queued } = await deps.scheduler.placement(accepted.order.id);
    return { kind: queued || busy ? "queued" : "sending", order: accepted.order };
  }

  /** What the provider says it charged, when above the cost we sold on: admins hear of it, margins use the real cost. */
  async function checkCharged(order: OrderRecord, charged: Money | undefined) {
    if (!charged || charged.currency !== order.cost.currency || charged.amount <= order.cost.amount) return;
    logger.warn({ orderId: order.id, cost: order.cost, charged }, "provider charged more than the cost we sold on");
    await store.orders.patch(order.id, { cost: charged });
    await notifier.notifyAdmins(
      "admin-cost-above",
      {
        orderId: order.id,
        provider: order.provider,
        product: order.productName,
        cost: money(order.cost.amount, order.cost.currency),
        charged: money(charged.amount, charged.currency),
      },
      `order:${order.id}:cost-above`,
    );
  }

  /**
   * The provider answered after the order left "pending" (the sweep on another process marked it
   * unknown, an admin refunded it). The answer is never thrown away: its provider id is kept (so
   * later webhooks and polls find the order) and it is applied as a status would be.
   */
  async function settleLateAnswer(
    order: OrderRecord,
    result: { providerOrderId: string; state: ProviderOrderStatus["state"]; productName?: string },
  ) {
    logger.warn(
      { orderId: order.id, providerOrderId: result.providerOrderId },
      "provider answered an order no longer pending: keeping its id and applying it",
    );
    const now = (await store.orders.patch(order.id, { providerOrderId: result.providerOrderId })) ?? order;
    await signals.applyPendingEvents(now);
    if (!OPEN_STATES.includes(now.state)) {
      // Refunded (or otherwise closed) here, yet the provider took it: only an admin can settle that.
      if (result.state !== "failed") {
        await notifier.notifyAdmins(
          "admin-late-answer",
          { orderId: order.id, provider: order.provider, state: now.state },
          `order:${order.id}:late-answer`,
        );
      }
      return now;
    }
    if (now.state === "unknown" && (result.state === "pending" || result.state === "processing")) {
      const back = await transition(order.id, ["unknown"], "processing", {}, "provider answered late");
      if (back && providers.get(order.provider)?.status) await deps.scheduler.statusPoll(order.id, 0);
      return back ?? now;
    }
    return signals.applyStatus(now, { providerOrderId: result.providerOrderId, state: result.state, productName: result.productName });
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
    // A job with the provider's budget spent waits without touching the order: a backlog of
    // queued placements would otherwise claim and release each order in PostgreSQL every retry.
    if (whenBusy === "wait" && (await ordering.busy?.().catch(() => false))) throw new ProviderBusy(BUSY_RETRY_MS);
    // From here the provider may hear of the order: recorded first, so that a crash from now on
    // is never taken for an order that was not sent (the sweep would send it again).
    // One sender per order, whatever the processes: the claim is a compare-and-set in the store.
    if (!(await store.orders.claimSending(order.id, SENDING)))
      return { kind: "existing", order: (await store.orders.get(order.id)) ?? order };

    let result: PlaceAnswer;
    try {
      result = await ordering.placeOrder({
        ref: order.id,
        sku: order.sku,
        unitCost: order.unitCost,
        quantity: order.quantity,
        email: order.email,
        playerId: order.playerId,
        zone: order.zone,
      });
    } catch (err) {
      return notPlaced(order, err, whenBusy);
    }
    // The provider has it. Its id is written first (retried), before anything else can fail:
    // without it gametopup's status cannot be asked and xinstitute's webhooks match nothing.
    await keepProviderId(order, result.providerOrderId);
    try {
      return await settleAnswer(order, result);
    } catch (err) {
      logger.error({ err, orderId: order.id, providerOrderId: result.providerOrderId }, "settling the provider's answer failed");
      await markUnknown(order, "internal_error");
      return { kind: "unknown", order: (await store.orders.get(order.id)) ?? order };
    }
  }

  /** The provider's order id on our record, tried a few times: a reset connection must not lose it. */
  async function keepProviderId(order: OrderRecord, providerOrderId: string) {
    for (let attempt = 0; ; attempt++) {
      try {
        await store.orders.patch(order.id, { providerOrderId });
        return;
      } catch (err) {
        if (attempt >= KEEP_ID_RETRIES_MS.length) {
          // Logged with the id so an operator can link it (/link) when the database is back.
          logger.error({ err, orderId: order.id, provider: order.provider, providerOrderId }, "could not record the provider's order id");
          return;
        }
        await new Promise((r) => setTimeout(r, KEEP_ID_RETRIES_MS[attempt]));
      }
    }
  }

  /** What the provider answered, applied: refused at once, processing, or completed. */
  async function settleAnswer(order: OrderRecord, result: PlaceAnswer): Promise<PlaceOutcome> {
    if (result.state === "failed") {
      // The provider refused in its answer (gametopup's Batal at once): refunded and said so.
      await refundOnce(order, "system", "provider_failed");
      const refused = await transition(
        order.id,
        ["pending"],
        "refunded",
        { providerOrderId: result.providerOrderId, failure: "provider_failed" },
        "refused by provider",
      );
      return { kind: "refused", order: refused ?? (await settleLateAnswer(order, result)), code: "provider_failed" };
    }
    const state: OrderState = result.state === "completed" ? "completed" : "processing";
    const placed = await transition(order.id, ["pending"], state, {
      providerOrderId: result.providerOrderId,
      productName: result.productName ?? order.productName,
    });
    if (!placed) return { kind: "unknown", order: await settleLateAnswer(order, result) };
    // After the state is safe: a failure to tell admins about the cost never touches the order.
    await checkCharged(order, result.charged).catch((err: unknown) =>
      logger.error({ err, orderId: order.id }, "could not record what the provider charged"),
    );
    await signals.applyPendingEvents(placed);
    if (state === "completed") await delivered(placed);
    if (state === "processing" && providers.get(order.provider)?.status) await deps.scheduler.statusPoll(order.id, 0);
    return { kind: "placed", order: (await store.orders.get(order.id)) ?? placed };
  }

  /** The provider call failed: wait for the budget, refund a definite refusal, or hand an open question to reconciliation. */
  async function notPlaced(order: OrderRecord, err: unknown, whenBusy: "wait" | "refuse"): Promise<PlaceOutcome> {
    // No slot in the provider's budget in time (or no limiter to ask), the provider's own 429, or
    // no connection to it, within reason: nothing was placed. The claim is given back and the job
    // waits and tries again. Time in line for our own budget never counts (SPEC §3): the bound
    // runs from the provider's first refusal of this order.
    const notSent = err instanceof ProviderError && NOT_SENT_CODES.has(err.code);
    const turnedAway =
      err instanceof ProviderError &&
      (err.code === "rate_limited" || err.code === "unreachable") &&
      Date.now() - (turnedAwaySince(order) ?? Date.now()) < MAX_BUSY_WAIT_MS;
    if (whenBusy === "wait" && (notSent || turnedAway)) {
      await store.orders.releaseSending(order.id, notSent ? NOT_SENT : TURNED_AWAY);
      throw new ProviderBusy(err.retryAfterMs ?? BUSY_RETRY_MS);
    }
    if (err instanceof ProviderError && err.definite) {
      await refundOnce(order, "system", `provider_refused:${err.code}`);
      const refunded = await transition(order.id, ["pending"], "refunded", { failure: err.code }, err.message);
      if (err.kind === "auth") {
        await notifier.notifyAdmins(
          "admin-provider-auth",
          { provider: order.provider, code: err.code },
          authAlertKey(order.provider, err.code),
        );
      }
      return { kind: "refused", order: refunded ?? order, code: err.code };
    }
    const why = err instanceof ProviderError ? `${err.kind}:${err.code}` : "internal_error";
    if (!(err instanceof ProviderError)) logger.error({ err, orderId: order.id }, "order placement crashed");
    await markUnknown(order, why);
    return { kind: "unknown", order: (await store.orders.get(order.id)) ?? order };
  }

  /** accept() then send() in one go, for callers that wait for the provider themselves (tests, scripts). */
  async function place(draftId: string, userId: number): Promise<PlaceOutcome> {
    const accepted = await accept(draftId, userId);
    return accepted.kind === "accepted" ? send(accepted.order.id) : accepted;
  }

  /** Tells the reseller what the provider made of their order (the placement job's last step). */
  async function announce(outcome: PlaceOutcome) {
    if (!("order" in outcome)) return;
    const order = outcome.order;
    const base = { orderId: order.id, product: order.productName };
    const dedupeKey = `order:${order.id}:placed`;
    if (outcome.kind === "placed") {
      await notifier.notifyUser({
        userId: order.userId,
        key: order.state === "completed" ? "order-done" : "order-processing",
        args: base,
        dedupeKey,
      });
    } else if (outcome.kind === "refused") {
      const reason = REFUSAL_REASONS.has(outcome.code) ? `reason-${outcome.code}` : "reason-other";
      await notifier.notifyUser({
        userId: order.userId,
        key: "order-refused",
        args: { ...base, reason: { t: reason }, amount: money(order.price.amount, order.price.currency) },
        dedupeKey,
      });
    } else if (outcome.kind === "unknown") {
      await notifier.notifyUser({ userId: order.userId, key: "order-unknown", args: base, dedupeKey });
    }
  }

  return { accept, confirm, send, place, announce };
}
