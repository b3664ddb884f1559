import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commissionKey, reversalKey } from "../../src/domain/growth.js";
import type { ProviderId } from "../../src/providers/types.js";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/**
 * SPEC §7's commission at the orders' one completion point, on PostgreSQL: whichever signals
 * report the same delivery (a poll, a reconciliation's status read, a webhook, each again), the
 * referrer is paid once; an admin refund takes it back without taking a balance below zero.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("referral commissions", () => {
  let h: Harness;
  let nextId = 9100;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      // Long delays: the test drives every poll and reconciliation itself.
      timings: { pollDelaysMs: [60_000], reconcileDelaysMs: [60_000] },
    });
    await h.app.store.growth.setReferral({ basisPoints: 1000 }); // 10 % of the margin
  });
  afterAll(() => h?.close());

  const s = () => h.app.services;
  const store = () => h.app.store;

  /** A referred reseller with an order the provider has accepted (Pending), not yet complete. */
  async function openOrder() {
    const referrer = await h.reseller(nextId++);
    const referred = await h.reseller(nextId++);
    expect(await store().growth.bind(referred.id, referrer.id, Date.now() - 1000)).toBe(true);
    await h.credit(referred.id, 100_000, "IDR");
    const product = (await s().catalog.product("gametopup" as ProviderId, "1"))!;
    const draft = await s().drafts.create(referred.id, product, await s().catalog.price(product, "member"), {
      playerId: "12345678",
      zone: "2001",
    });
    const placed = await s().orders.place(draft.id, referred.id);
    expect(placed.kind).toBe("placed");
    const order = (await store().orders.get(draft.id))!;
    expect(order.state).toBe("processing");
    const expected = Math.floor(((order.price.amount - order.cost.amount) * 1000) / 10_000);
    expect(expected).toBeGreaterThan(0);
    return { referrer, referred, order, expected };
  }

  it("pays one commission when a poll, a reconciliation and a webhook all complete the order at once", async () => {
    const { referrer, order, expected } = await openOrder();
    h.gametopup.control.setTransactionStatus(order.providerOrderId!, "Success");
    const webhook = {
      provider: order.provider,
      deliveryId: `d-${order.id}`,
      kind: "shipped" as const,
      providerOrderId: order.providerOrderId!,
    };
    await Promise.all([
      s().orders.poll(order.id), // the status poll's job
      s().orders.refreshStatus(order), // what reconciliation does with its (same, stale) copy
      s().orders.applyWebhook(webhook),
      s().orders.applyStatus(order, { state: "completed", providerOrderId: order.providerOrderId! }),
    ]);
    // And each once more, as retried jobs and a redelivered webhook would.
    await Promise.all([s().orders.poll(order.id), s().orders.reconcile(order.id), s().orders.applyWebhook(webhook)]);

    const delivered = (await store().orders.get(order.id))!;
    expect(["completed", "shipped"]).toContain(delivered.state);
    const entries = (await store().ledger.entries(referrer.id)).filter((e) => e.reason === "referral");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ amount: expected, key: commissionKey(order.id), currency: "IDR" });
    expect(await h.balance(referrer.id, "IDR")).toBe(expected);
    expect(await store().growth.commission(order.id)).toMatchObject({ amount: expected, referrerId: referrer.id });
    expect(await s().growth.summary(referrer.id)).toMatchObject({ joined: 1, month: { IDR: expected }, all: { IDR: expected } });
    expect(await store().reports.ledgerCheck()).toEqual([]);
  });

  it("pays nothing for an order that failed, or for a reseller nobody referred", async () => {
    const { referrer, order } = await openOrder();
    h.gametopup.control.setTransactionStatus(order.providerOrderId!, "Batal");
    await s().orders.poll(order.id);
    expect((await store().orders.get(order.id))?.state).toBe("refunded");
    expect(await store().ledger.entryByKey(commissionKey(order.id))).toBeUndefined();
    expect(await h.balance(referrer.id, "IDR")).toBe(0);

    const loner = await h.reseller(nextId++);
    await h.credit(loner.id, 100_000, "IDR");
    const product = (await s().catalog.product("gametopup" as ProviderId, "1"))!;
    const draft = await s().drafts.create(loner.id, product, await s().catalog.price(product, "member"), { playerId: "1", zone: "1" });
    await s().orders.place(draft.id, loner.id);
    const placed = (await store().orders.get(draft.id))!;
    await s().orders.applyStatus(placed, { state: "completed", providerOrderId: placed.providerOrderId! });
    expect(await store().ledger.entryByKey(commissionKey(draft.id))).toBeUndefined();
  });

  it("takes the commission back on an admin refund only down to zero, and records the shortfall", async () => {
    const { referrer, referred, order, expected } = await openOrder();
    await s().orders.applyStatus(order, { state: "completed", providerOrderId: order.providerOrderId! });
    expect(await h.balance(referrer.id, "IDR")).toBe(expected);
    // The referrer spent most of it: only 3 is left to take back.
    await store().ledger.apply({
      userId: referrer.id,
      currency: "IDR",
      amount: -(expected - 3),
      type: "adjustment",
      reason: "admin_debit",
      actor: "system",
      key: `spend:${order.id}`,
    });
    expect(await s().orders.adminRefund(order.id, h.app.services.adminIds[0] ?? 1)).toBe("refunded");
    expect(await s().orders.adminRefund(order.id, h.app.services.adminIds[0] ?? 1)).toBe("already");
    expect(await h.balance(referrer.id, "IDR")).toBe(0);
    expect(await h.balance(referred.id, "IDR")).toBe(100_000);
    expect((await store().ledger.entryByKey(reversalKey(order.id)))?.amount).toBe(-3);
    expect(await store().growth.commission(order.id)).toMatchObject({ amount: expected, reversed: 3, shortfall: expected - 3 });
    expect(await store().growth.shortfalls(referrer.id)).toEqual({ IDR: expected - 3 });
    // What was kept: nothing (the commission is gone, partly as a shortfall).
    expect((await s().growth.summary(referrer.id)).all).toEqual({ IDR: expected - 3 });
    expect(await store().reports.ledgerCheck()).toEqual([]);
  });

  it("keeps no commission for an order an admin refunds while its completion is being applied", async () => {
    const runs = await Promise.all(Array.from({ length: 6 }, () => openOrder()));
    for (const r of runs) await h.credit(r.referrer.id, 10_000, "IDR");
    await Promise.all(
      runs.flatMap(({ order }) => [
        s().orders.applyStatus(order, { state: "completed", providerOrderId: order.providerOrderId! }),
        s().orders.adminRefund(order.id, 1),
      ]),
    );
    for (const { referrer, order } of runs) {
      expect((await store().orders.get(order.id))?.state).toBe("refunded");
      // Whatever the interleaving: paid and taken back, or never paid.
      expect(await h.balance(referrer.id, "IDR"), order.id).toBe(10_000);
    }
    expect(await store().reports.ledgerCheck()).toEqual([]);
  });

  it("takes the whole commission back when the balance allows", async () => {
    const { referrer, order, expected } = await openOrder();
    await s().orders.applyStatus(order, { state: "completed", providerOrderId: order.providerOrderId! });
    await h.credit(referrer.id, 1_000, "IDR");
    expect(await s().orders.adminRefund(order.id, 1)).toBe("refunded");
    expect(await h.balance(referrer.id, "IDR")).toBe(1_000);
    expect(await store().growth.commission(order.id)).toMatchObject({ reversed: expected, shortfall: 0 });
    expect(await store().growth.shortfalls(referrer.id)).toEqual({});
  });
});
