import { describe, expect, it } from "vitest";
import { MAX_RECONCILE_ATTEMPTS } from "../../src/domain/orders.js";
import type { WebhookEvent } from "../../src/providers/types.js";
import { deferred, orderWorld, providerError } from "../support/order-world.js";

/**
 * The order state machine, specified against the in-memory store and in-process fake
 * providers. Each transition the service makes, what it refuses, and that every provider
 * signal can arrive twice or late without changing the outcome.
 */

const webhook = (providerOrderId: string, kind: WebhookEvent["kind"], deliveryId = `${kind}-1`): WebhookEvent => ({
  provider: "xinstitute",
  deliveryId,
  kind,
  providerOrderId,
  trackingInfo: kind === "shipped" ? "TRACK-1" : undefined,
});

describe("placement: from pending", () => {
  it("pending → processing: the provider took it; a status poll is scheduled and the reseller told it is on its way", async () => {
    const w = orderWorld();
    const order = await w.accepted(await w.reseller(5_000));
    const outcome = await w.orders.send(order.id);
    await w.orders.announce(outcome);
    expect(outcome.kind).toBe("placed");
    expect(await w.state(order.id)).toBe("processing");
    expect((await w.store.orders.get(order.id))?.providerOrderId).toBe(`P-${order.id}`);
    expect(w.jobs.polls).toEqual([order.id]);
    expect(w.messages.delivered(order.userId)).toEqual(["order-processing"]);
  });

  it("pending → processing without a status source (xinstitute): no poll, webhooks will tell", async () => {
    const w = orderWorld();
    const order = await w.sent(await w.reseller(5_000), 1_000, "xinstitute");
    expect(order.state).toBe("processing");
    expect(w.jobs.polls).toEqual([]);
  });

  it("pending → completed: delivered at once, the delivered hook runs, the reseller is told it is done", async () => {
    const w = orderWorld();
    w.gametopup.answers.push({ providerOrderId: "T1", state: "completed" });
    const order = await w.accepted(await w.reseller(5_000));
    await w.orders.announce(await w.orders.send(order.id));
    expect(await w.state(order.id)).toBe("completed");
    expect(w.deliveredOrders).toEqual([order.id]);
    expect(w.jobs.polls).toEqual([]);
    expect(w.messages.delivered(order.userId)).toEqual(["order-done"]);
  });

  it("pending → refunded: a failed answer (gametopup's Batal at once) refunds and says why", async () => {
    const w = orderWorld();
    w.gametopup.answers.push({ providerOrderId: "T1", state: "failed" });
    const user = await w.reseller(5_000);
    const order = await w.accepted(user, 1_000);
    const outcome = await w.orders.send(order.id);
    await w.orders.announce(outcome);
    expect(outcome).toMatchObject({ kind: "refused", code: "provider_failed" });
    expect(await w.state(order.id)).toBe("refunded");
    expect(await w.entriesOf(order)).toEqual(["debit -1000", "refund 1000"]);
    expect(await w.balance(user)).toBe(5_000);
    expect(w.messages.delivered(user)).toEqual(["order-refused"]);
  });

  it("pending → refunded: a definite refusal (rejected, auth) refunds; auth also tells the admins", async () => {
    const w = orderWorld();
    w.gametopup.answers.push(providerError("rejected", "product_unavailable"), providerError("auth", "bad_key"));
    const user = await w.reseller(5_000);
    const rejected = await w.sent(user);
    const unauthorised = await w.sent(user);
    expect([rejected.state, rejected.failure, unauthorised.state]).toEqual(["refunded", "product_unavailable", "refunded"]);
    expect(await w.balance(user)).toBe(5_000);
    expect(w.messages.admins.map((m) => m.key)).toEqual(["admin-provider-auth"]);
  });

  it("pending → refunded unsent when the provider was switched off after the Confirm", async () => {
    const w = orderWorld();
    const order = await w.accepted(await w.reseller(5_000));
    w.enabled.delete("gametopup");
    expect(await w.orders.send(order.id)).toMatchObject({ kind: "refused", code: "provider_off" });
    expect(w.gametopup.placed).toEqual([]);
    expect(await w.entriesOf(order)).toEqual(["debit -1000", "refund 1000"]);
  });

  it("pending → unknown: a timeout holds the funds, alerts admins once and starts reconciliation", async () => {
    const w = orderWorld();
    w.gametopup.answers.push(providerError("timeout", "timeout"));
    const user = await w.reseller(5_000);
    const order = await w.accepted(user);
    const outcome = await w.orders.send(order.id);
    await w.orders.announce(outcome);
    expect(outcome.kind).toBe("unknown");
    expect(await w.state(order.id)).toBe("unknown");
    expect(await w.balance(user)).toBe(4_000);
    expect(w.jobs.reconciles).toEqual([order.id]);
    expect(w.messages.admins.map((m) => m.key)).toEqual(["admin-order-unknown"]);
    expect(w.messages.delivered(user)).toEqual(["order-unknown"]);
  });

  it("pending → failed: a wallet short of the price is never charged and nothing is sent", async () => {
    const w = orderWorld();
    const user = await w.reseller(500);
    const outcome = await w.orders.confirm((await w.draft(user, 1_000)).id, user);
    expect(outcome).toMatchObject({ kind: "insufficient", balance: 500 });
    if (outcome.kind !== "insufficient") throw new Error("unreachable");
    expect(outcome.order.state).toBe("failed");
    expect(await w.entriesOf(outcome.order)).toEqual([]);
    expect(w.jobs.placements).toEqual([]);
    expect(await w.balance(user)).toBe(500);
  });

  it("a Confirm queues the placement; sending again (a job run twice) never calls the provider twice", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const outcome = await w.orders.confirm((await w.draft(user, 1_000)).id, user);
    expect(outcome.kind).toBe("sending");
    if (outcome.kind !== "sending") throw new Error("unreachable");
    expect(w.jobs.placements).toEqual([outcome.order.id]);
    expect((await w.orders.send(outcome.order.id)).kind).toBe("placed");
    expect((await w.orders.send(outcome.order.id)).kind).toBe("existing");
    expect(w.gametopup.placed).toHaveLength(1);
    // Nor refunds it when the provider was switched off since: it was sent.
    w.enabled.delete("gametopup");
    expect((await w.orders.send(outcome.order.id)).kind).toBe("existing");
    expect(await w.entriesOf(outcome.order)).toEqual(["debit -1000"]);
  });
});

describe("placement: one sender per order", () => {
  it("two sends of one order at once (a re-queued job racing the first) call the provider once", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const order = await w.accepted(user);
    const answer = deferred<{ providerOrderId: string; state: "processing" }>();
    w.gametopup.answers.push(answer.promise);
    const first = w.orders.send(order.id, "wait");
    const second = await w.orders.send(order.id, "wait");
    expect(second.kind).toBe("existing");
    answer.settle({ providerOrderId: "TRX-1", state: "processing" });
    expect((await first).kind).toBe("placed");
    expect(w.gametopup.placed).toHaveLength(1);
  });

  it("a provider with no budget gives the claim back: the job sends the order later, and only then", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const order = await w.accepted(user);
    w.gametopup.answers.push(providerError("rate_limited", "client_queue_full"));
    await expect(w.orders.send(order.id, "wait")).rejects.toThrow(/provider busy/);
    expect(await w.store.orders.get(order.id)).not.toHaveProperty("sentAt");
    expect((await w.orders.send(order.id, "wait")).kind).toBe("placed");
    // The fake records the refused attempt too (in production no request left: no slot was free).
    expect(w.gametopup.placed).toHaveLength(2);
    expect(await w.entriesOf(order)).toEqual(["debit -1000"]);
  });

  it("a charged order whose placement job died before the call is sent again by the sweep under a fresh job", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const order = await w.accepted(user);
    expect(await w.orders.sweepInterrupted(-1)).toBe(1);
    expect(w.jobs.placements).toEqual([order.id]);
    expect(w.jobs.placementAgain).toEqual([true]);
  });
});

describe("provider signals: status answers and polls", () => {
  it("processing → completed on a poll: told once, delivered hook once, even when the status is seen twice", async () => {
    const w = orderWorld();
    const order = await w.sent(await w.reseller(5_000));
    w.gametopup.statuses.set(`P-${order.id}`, { providerOrderId: `P-${order.id}`, state: "completed", nickname: "Hero" });
    expect(await w.orders.poll(order.id)).toBe("done");
    const after = await w.store.orders.get(order.id);
    await w.orders.applyStatus(after!, { providerOrderId: `P-${order.id}`, state: "completed" });
    expect(after).toMatchObject({ state: "completed", nickname: "Hero" });
    expect(w.messages.users.filter((n) => n.key === "order-completed")).toHaveLength(1);
    expect(w.deliveredOrders).toEqual([order.id]);
  });

  it("processing → refunded on a failed status: one refund, one message, even for a stale copy answered twice", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const order = await w.sent(user);
    const failed = { providerOrderId: `P-${order.id}`, state: "failed" as const, note: "Batal" };
    await w.orders.applyStatus(order, failed);
    await w.orders.applyStatus(order, failed);
    expect(await w.state(order.id)).toBe("refunded");
    expect(await w.entriesOf(order)).toEqual(["debit -1000", "refund 1000"]);
    expect(w.messages.delivered(user)).toEqual(["order-refunded"]);
  });

  it("processing → unknown when a poll finds it still pending past the window; polls again inside it", async () => {
    const w = orderWorld({ pendingWindowMs: 60_000 });
    const order = await w.sent(await w.reseller(5_000));
    w.gametopup.statuses.set(`P-${order.id}`, { providerOrderId: `P-${order.id}`, state: "pending" });
    expect(await w.orders.poll(order.id)).toBe("again");
    expect(await w.state(order.id)).toBe("processing");

    const late = orderWorld({ pendingWindowMs: -1 });
    const stuck = await late.sent(await late.reseller(5_000));
    late.gametopup.statuses.set(`P-${stuck.id}`, { providerOrderId: `P-${stuck.id}`, state: "pending" });
    expect(await late.orders.poll(stuck.id)).toBe("done");
    expect(await late.state(stuck.id)).toBe("unknown");
    expect(late.jobs.reconciles).toEqual([stuck.id]);
  });

  it("a poll that fails keeps polling and changes nothing", async () => {
    const w = orderWorld();
    const order = await w.sent(await w.reseller(5_000));
    w.gametopup.statuses.set(`P-${order.id}`, providerError("unavailable", "http_503"));
    expect(await w.orders.poll(order.id)).toBe("again");
    expect(await w.state(order.id)).toBe("processing");
  });

  it("a late Batal after completion changes nothing: no refund, the order stays completed", async () => {
    const w = orderWorld();
    w.gametopup.answers.push({ providerOrderId: "T1", state: "completed" });
    const user = await w.reseller(5_000);
    const order = await w.sent(user);
    const after = await w.orders.applyStatus(order, { providerOrderId: "T1", state: "failed", note: "Batal" });
    expect(after.state).toBe("completed");
    expect(await w.entriesOf(order)).toEqual(["debit -1000"]);
    expect(w.messages.users.map((n) => n.key)).not.toContain("order-refunded");
  });
});

describe("reconciliation: from unknown", () => {
  async function unknownOrder(w: ReturnType<typeof orderWorld>) {
    w.gametopup.answers.push(providerError("timeout", "timeout"));
    const order = await w.sent(await w.reseller(5_000));
    expect(order.state).toBe("unknown");
    return order;
  }

  it("unknown → processing: found pending at the provider, handed back to polling", async () => {
    const w = orderWorld();
    const order = await unknownOrder(w);
    // The answer was lost: the status is asked by our own ref.
    w.gametopup.statuses.set(order.id, { providerOrderId: "T9", state: "pending" });
    expect(await w.orders.reconcile(order.id)).toBe("done");
    expect(await w.store.orders.get(order.id)).toMatchObject({ state: "processing", providerOrderId: "T9" });
    expect(w.jobs.polls).toEqual([order.id]);
  });

  it("unknown → completed and unknown → refunded, from what the provider says", async () => {
    const w = orderWorld();
    const done = await unknownOrder(w);
    const cancelled = await unknownOrder(w);
    w.gametopup.statuses.set(done.id, { providerOrderId: "T1", state: "completed" });
    w.gametopup.statuses.set(cancelled.id, { providerOrderId: "T2", state: "failed" });
    await w.orders.reconcile(done.id);
    await w.orders.reconcile(cancelled.id);
    expect([await w.state(done.id), await w.state(cancelled.id)]).toEqual(["completed", "refunded"]);
    expect(await w.entriesOf(cancelled)).toEqual(["debit -1000", "refund 1000"]);
    expect(w.deliveredOrders).toEqual([done.id]);
  });

  it("a not-found proves nothing: the order stays unknown, tried again, and admins hear when the attempts run out", async () => {
    const w = orderWorld();
    const order = await unknownOrder(w);
    expect(await w.orders.reconcile(order.id, 0)).toBe("again");
    expect(await w.orders.reconcile(order.id, MAX_RECONCILE_ATTEMPTS - 1)).toBe("done");
    expect(await w.state(order.id)).toBe("unknown");
    expect(await w.entriesOf(order)).toEqual(["debit -1000"]);
    expect(w.messages.admins.map((m) => m.key)).toEqual(["admin-order-unknown", "admin-reconcile-gave-up"]);
  });

  it("without a status source, admins get the provider's recent ids that match none of our orders", async () => {
    const w = orderWorld();
    w.xinstitute.answers.push(providerError("timeout", "timeout", "xinstitute"), { providerOrderId: "X-OURS", state: "processing" });
    const lost = await w.sent(await w.reseller(5_000), 1_000, "xinstitute");
    await w.sent(await w.reseller(5_000), 1_000, "xinstitute");
    w.xinstitute.recentOrderIds.push("X-OURS", "X-LOST");
    expect(await w.orders.reconcile(lost.id)).toBe("done");
    expect(w.messages.admins.at(-1)).toMatchObject({ key: "admin-reconcile-manual", args: { orderId: lost.id, candidates: "X-LOST" } });
  });
});

describe("provider signals: webhooks (xinstitute)", () => {
  it("processing → shipped: told once and the delivered hook runs, however often the webhook comes", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const order = await w.sent(user, 1_000, "xinstitute");
    const event = webhook(`P-${order.id}`, "shipped");
    expect(await w.orders.applyWebhook(event)).toBe("applied");
    expect(await w.orders.applyWebhook(event)).toBe("ignored");
    expect(await w.store.orders.get(order.id)).toMatchObject({ state: "shipped", trackingInfo: "TRACK-1" });
    expect(w.messages.delivered(user)).toEqual(["order-shipped"]);
    expect(new Set(w.deliveredOrders)).toEqual(new Set([order.id]));
  });

  it("→ cancelled: the reseller is refunded once, however often the webhook comes", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const order = await w.sent(user, 1_000, "xinstitute");
    expect(await w.orders.applyWebhook(webhook(`P-${order.id}`, "cancelled"))).toBe("applied");
    expect(await w.orders.applyWebhook(webhook(`P-${order.id}`, "cancelled", "cancelled-2"))).toBe("ignored");
    expect(await w.state(order.id)).toBe("cancelled");
    expect(await w.entriesOf(order)).toEqual(["debit -1000", "refund 1000"]);
    expect(await w.balance(user)).toBe(5_000);
    expect(w.messages.delivered(user)).toEqual(["order-cancelled"]);
  });

  it("a shipped order cancelled afterwards is refunded (the provider refunded the operator)", async () => {
    const w = orderWorld();
    const order = await w.sent(await w.reseller(5_000), 1_000, "xinstitute");
    await w.orders.applyWebhook(webhook(`P-${order.id}`, "shipped"));
    await w.orders.applyWebhook(webhook(`P-${order.id}`, "cancelled"));
    expect(await w.state(order.id)).toBe("cancelled");
    expect(await w.entriesOf(order)).toEqual(["debit -1000", "refund 1000"]);
  });

  it("→ delivery_failed: user and admins told once; a later shipment still ships it", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const order = await w.sent(user, 1_000, "xinstitute");
    expect(await w.orders.applyWebhook(webhook(`P-${order.id}`, "failed_delivery"))).toBe("applied");
    expect(await w.orders.applyWebhook(webhook(`P-${order.id}`, "failed_delivery"))).toBe("ignored");
    expect(await w.state(order.id)).toBe("delivery_failed");
    expect(w.messages.delivered(user)).toEqual(["order-delivery-failed"]);
    expect(new Set(w.messages.admins.map((m) => m.dedupeKey))).toEqual(new Set([`order:${order.id}:delivery_failed:admin`]));
    expect(await w.orders.applyWebhook(webhook(`P-${order.id}`, "shipped"))).toBe("applied");
    expect(await w.state(order.id)).toBe("shipped");
    expect(await w.entriesOf(order)).toEqual(["debit -1000"]);
  });

  it("a webhook for an order whose answer has not come yet is kept and applied when it does", async () => {
    const w = orderWorld();
    const answer = deferred<{ providerOrderId: string; state: "processing" }>();
    w.xinstitute.answers.push(answer.promise);
    const user = await w.reseller(5_000);
    const order = await w.accepted(user, 1_000, "xinstitute");
    const sending = w.orders.send(order.id);
    expect(await w.orders.applyWebhook(webhook("X-77", "cancelled"))).toBe("unknown_order");
    expect(w.messages.admins.map((m) => m.key)).toEqual(["admin-webhook-unknown-order"]);
    answer.settle({ providerOrderId: "X-77", state: "processing" });
    await sending;
    expect(await w.state(order.id)).toBe("cancelled");
    expect(await w.entriesOf(order)).toEqual(["debit -1000", "refund 1000"]);
  });
});

describe("what is never allowed", () => {
  it("no terminal state is left: completed, refunded, failed and cancelled orders ignore later signals", async () => {
    const w = orderWorld();
    const user = await w.reseller(10_000);
    w.gametopup.answers.push({ providerOrderId: "DONE", state: "completed" }, { providerOrderId: "BATAL", state: "failed" });
    const completed = await w.sent(user);
    const refunded = await w.sent(user);
    const cancelled = await w.sent(user, 1_000, "xinstitute");
    await w.orders.applyWebhook(webhook(`P-${cancelled.id}`, "cancelled"));
    const failed = await w.orders.confirm((await w.draft(user, 1_000_000)).id, user);

    await w.orders.applyStatus(refunded, { providerOrderId: "BATAL", state: "completed" });
    await w.orders.applyWebhook(webhook(`P-${cancelled.id}`, "shipped", "late-ship"));
    await w.orders.applyWebhook(webhook(`P-${cancelled.id}`, "failed_delivery", "late-fail"));
    for (const order of [completed, refunded, cancelled]) await w.orders.markUnknown(order, "late");
    if (failed.kind !== "insufficient") throw new Error("expected a refused charge");
    expect(await w.orders.send(failed.order.id)).toMatchObject({ kind: "existing" });

    expect([await w.state(completed.id), await w.state(refunded.id), await w.state(cancelled.id), await w.state(failed.order.id)]).toEqual([
      "completed",
      "refunded",
      "cancelled",
      "failed",
    ]);
    expect(w.jobs.reconciles).toEqual([]);
    expect(w.deliveredOrders).toEqual([completed.id]);
  });

  it("an order answered after the sweep declared it unknown goes back to polling with the provider's id", async () => {
    const w = orderWorld();
    const answer = deferred<{ providerOrderId: string; state: "processing" }>();
    w.gametopup.answers.push(answer.promise);
    const order = await w.accepted(await w.reseller(5_000));
    const sending = w.orders.send(order.id);
    expect(await w.orders.sweepInterrupted(-1)).toBe(1);
    expect(await w.state(order.id)).toBe("unknown");
    answer.settle({ providerOrderId: "LATE", state: "processing" });
    expect((await sending).kind).toBe("unknown");
    expect(await w.store.orders.get(order.id)).toMatchObject({ state: "processing", providerOrderId: "LATE" });
    expect(w.jobs.polls).toEqual([order.id]);
  });

  it("an order the provider took after an admin refunded it is left to an admin, never refunded twice", async () => {
    const w = orderWorld();
    const answer = deferred<{ providerOrderId: string; state: "completed" }>();
    w.gametopup.answers.push(answer.promise);
    const order = await w.accepted(await w.reseller(5_000));
    const sending = w.orders.send(order.id);
    expect(await w.orders.adminRefund(order.id, 1)).toBe("refunded");
    answer.settle({ providerOrderId: "TOOK", state: "completed" });
    await sending;
    expect(await w.store.orders.get(order.id)).toMatchObject({ state: "refunded", providerOrderId: "TOOK" });
    expect(await w.entriesOf(order)).toEqual(["debit -1000", "refund 1000"]);
    expect(w.messages.admins.map((m) => m.key)).toContain("admin-late-answer");
  });

  it("no refund without a debit: an order created but never charged gets nothing back, whatever the provider says", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const charged = await w.accepted(user, 1_000, "xinstitute");
    // A process died between creating these orders and charging them; the provider knows them.
    const cancelled = { ...charged, id: "never-charged-1", providerOrderId: "NC-1" };
    const failed = { ...charged, id: "never-charged-2", providerOrderId: "NC-2", provider: "gametopup" as const };
    await w.store.orders.create(cancelled);
    await w.store.orders.create(failed);
    await w.orders.applyWebhook(webhook("NC-1", "cancelled"));
    await w.orders.applyStatus(failed, { providerOrderId: "NC-2", state: "failed" });
    expect(await w.entriesOf(cancelled)).toEqual([]);
    expect(await w.entriesOf(failed)).toEqual([]);
    expect(await w.balance(user)).toBe(4_000);
    expect(w.messages.users.map((n) => n.key)).not.toContain("order-refunded");
  });

  it("admin refund: once per order; never for an order that was not charged or does not exist", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const order = await w.sent(user);
    const short = await w.orders.confirm((await w.draft(user, 9_000)).id, user);
    if (short.kind !== "insufficient") throw new Error("expected a refused charge");
    expect(await w.orders.adminRefund(order.id, 1)).toBe("refunded");
    expect(await w.orders.adminRefund(order.id, 1)).toBe("already");
    expect(await w.orders.adminRefund(short.order.id, 1)).toBe("not_charged");
    expect(await w.orders.adminRefund("nope", 1)).toBe("not_found");
    // A refunded order the provider cancels later is not refunded again.
    await w.orders.applyStatus(order, { providerOrderId: `P-${order.id}`, state: "failed" });
    expect(await w.entriesOf(order)).toEqual(["debit -1000", "refund 1000"]);
    expect(await w.balance(user)).toBe(5_000);
  });
});

describe("the sweeps", () => {
  it("never charged → failed; charged, never sent → placement; sent without an answer → unknown", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const unsent = await w.accepted(user);
    // A process died between creating the order and charging it.
    const uncharged = { ...unsent, id: "uncharged" };
    await w.store.orders.create(uncharged);
    const onTheWire = await w.accepted(user);
    w.gametopup.answers.push(deferred<never>().promise);
    void w.orders.send(onTheWire.id);
    const queued = await w.accepted(user);

    expect(await w.orders.sweepInterrupted(-1, new Set([queued.id]))).toBe(3);
    expect(await w.store.orders.get("uncharged")).toMatchObject({ state: "failed", failure: "interrupted_before_charge" });
    expect(await w.state(unsent.id)).toBe("pending");
    expect(w.jobs.placements).toEqual([unsent.id]);
    expect(await w.state(onTheWire.id)).toBe("unknown");
    expect(w.jobs.reconciles).toEqual([onTheWire.id]);
    // Waiting in line for the provider's budget: not interrupted.
    expect(await w.state(queued.id)).toBe("pending");
    expect(await w.entriesOf(uncharged)).toEqual([]);
  });

  it("an order younger than the threshold is left alone", async () => {
    const w = orderWorld();
    await w.accepted(await w.reseller(5_000));
    expect(await w.orders.sweepInterrupted(60_000)).toBe(0);
    expect(w.jobs.placements).toEqual([]);
  });

  it("revives open orders that have no job queued, once their own handler had time", async () => {
    const w = orderWorld();
    const polled = await w.sent(await w.reseller(5_000));
    const orphan = await w.sent(await w.reseller(5_000));
    w.gametopup.answers.push(providerError("timeout", "timeout"));
    const lost = await w.sent(await w.reseller(5_000));
    const jobs = { polls: new Set([polled.id]), reconciles: new Set<string>() };
    expect(await w.orders.reviveOrphans(jobs, 60_000)).toBe(0);
    w.jobs.polls.length = 0;
    w.jobs.reconciles.length = 0;
    expect(await w.orders.reviveOrphans(jobs, -1)).toBe(2);
    expect(w.jobs.polls).toEqual([orphan.id]);
    expect(w.jobs.reconciles).toEqual([lost.id]);
  });
});
