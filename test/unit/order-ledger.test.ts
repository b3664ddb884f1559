import { describe, expect, it } from "vitest";
import type { WebhookEvent } from "../../src/providers/types.js";
import { orderWorld, providerError } from "../support/order-world.js";

/**
 * The ledger rules the order service relies on, over the in-memory store (the integration
 * suites run the same contract against PostgreSQL): a balance is the sum of its entries, never
 * below zero, every entry applied once per idempotency key, one debit and one refund per order.
 */

describe("the ledger under the order machine", () => {
  it("after a busy mix of outcomes every balance is the sum of its entries and the check finds nothing", async () => {
    const w = orderWorld();
    const users = [await w.reseller(10_000), await w.reseller(3_000)];
    w.gametopup.answers.push(
      { providerOrderId: "A", state: "completed" },
      { providerOrderId: "B", state: "failed" },
      providerError("timeout", "timeout"),
      providerError("rejected", "product_unavailable"),
    );
    for (const user of users) for (let i = 0; i < 3; i++) await w.sent(user, 1_000);
    const xin = await w.sent(users[0]!, 500, "xinstitute");
    const cancel: WebhookEvent = { provider: "xinstitute", deliveryId: "c1", kind: "cancelled", providerOrderId: `P-${xin.id}` };
    await w.orders.applyWebhook(cancel);
    await w.orders.applyWebhook(cancel);

    for (const user of users) {
      const entries = await w.store.ledger.entries(user, { limit: 1_000 });
      expect(await w.balance(user)).toBe(entries.reduce((sum, e) => sum + e.amount, 0));
      expect(entries.every((e) => e.balanceAfter >= 0)).toBe(true);
    }
    expect(await w.store.reports.ledgerCheck()).toEqual([]);
    // First reseller: 3 charged, the Batal refunded, the timeout held; the cancelled 500 back.
    // Second: 3 charged, the rejected one refunded.
    expect([await w.balance(users[0]!), await w.balance(users[1]!)]).toEqual([8_000, 1_000]);
  });

  it("never below zero: the last order a wallet cannot cover is refused whole, and nothing else moves", async () => {
    const w = orderWorld();
    const user = await w.reseller(2_500);
    await w.accepted(user, 1_000);
    await w.accepted(user, 1_000);
    const third = await w.orders.accept((await w.draft(user, 1_000)).id, user);
    expect(third).toMatchObject({ kind: "insufficient", balance: 500 });
    expect(await w.balance(user)).toBe(500);
    const refused = await w.store.ledger.apply({
      userId: user,
      currency: "IDR",
      amount: -501,
      type: "adjustment",
      reason: "test",
      actor: "admin:1",
      key: "too-much",
    });
    expect(refused).toEqual({ ok: false, reason: "insufficient", balance: 500 });
    expect(await w.store.ledger.entryByKey("too-much")).toBeUndefined();
  });

  it("one debit per order: the same Confirm twice, or at once, charges once", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const draft = await w.draft(user, 1_000);
    const [first, second] = await Promise.all([w.orders.accept(draft.id, user), w.orders.accept(draft.id, user)]);
    const third = await w.orders.confirm(draft.id, user);
    expect([first.kind, second.kind, third.kind].sort()).toEqual(["accepted", "existing", "existing"]);
    if (third.kind !== "existing") throw new Error("unreachable");
    expect(await w.entriesOf(third.order)).toEqual(["debit -1000"]);
    // Even under another key, the store refuses a second debit of the same order.
    const again = await w.store.ledger.apply({
      userId: user,
      currency: "IDR",
      amount: -1_000,
      type: "debit",
      reason: "order",
      actor: `user:${user}`,
      orderId: third.order.id,
      key: "another",
    });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(await w.balance(user)).toBe(4_000);
  });

  it("another reseller's tap on someone's card is not an order and charges no one", async () => {
    const w = orderWorld();
    const owner = await w.reseller(5_000);
    const stranger = await w.reseller(5_000);
    const draft = await w.draft(owner, 1_000);
    expect(await w.orders.accept(draft.id, stranger)).toEqual({ kind: "expired" });
    expect([await w.balance(owner), await w.balance(stranger)]).toEqual([5_000, 5_000]);
  });

  it("idempotency keys: an entry applied twice under one key moves the balance once and returns the first entry", async () => {
    const w = orderWorld();
    const user = await w.reseller(0);
    const credit = {
      userId: user,
      currency: "IDR",
      amount: 700,
      type: "credit" as const,
      reason: "deposit",
      actor: "admin:1",
      key: "deposit:42",
    };
    const first = await w.store.ledger.apply(credit);
    const second = await w.store.ledger.apply({ ...credit, amount: 9_999 });
    expect(first).toMatchObject({ ok: true, duplicate: false });
    expect(second).toMatchObject({ ok: true, duplicate: true });
    if (!first.ok || !second.ok) throw new Error("unreachable");
    expect(second.entry).toEqual(first.entry);
    expect(await w.balance(user)).toBe(700);
  });

  it("an order's refund is keyed by the order: a cancel, a failed status and an admin's /refund pay it once together", async () => {
    const w = orderWorld();
    const user = await w.reseller(5_000);
    const order = await w.sent(user, 1_000, "xinstitute");
    await w.orders.applyWebhook({ provider: "xinstitute", deliveryId: "c1", kind: "cancelled", providerOrderId: `P-${order.id}` });
    await w.orders.applyStatus(order, { providerOrderId: `P-${order.id}`, state: "failed" });
    expect(await w.orders.adminRefund(order.id, 1)).toBe("already");
    expect(await w.entriesOf(order)).toEqual(["debit -1000", "refund 1000"]);
    expect((await w.store.ledger.entryByKey(`order:${order.id}:refund`))?.amount).toBe(1_000);
    expect((await w.store.orders.get(order.id))?.refundedAt).toBeTypeOf("number");
    expect(await w.balance(user)).toBe(5_000);
  });
});
