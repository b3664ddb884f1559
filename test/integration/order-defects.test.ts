import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ProviderId } from "../../src/providers/types.js";
import { pendingOrder } from "../support/fixtures.js";
import { startHarness, tap, toConfirmCard, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/** The defects an adversarial review found in the order paths; each test failed before its fix. */
describe.skipIf(!redisAvailable || !postgresAvailable)("order paths under interleavings", () => {
  let h: Harness;
  let nextId = 7700;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      timings: { pollDelaysMs: [400], reconcileDelaysMs: [200, 400], pendingWindowMs: 1_200 },
    });
  });
  afterAll(() => h?.close());
  beforeEach(() => {
    h.gametopup.control.reset();
    h.xinstitute.control.reset();
  });

  const s = () => h.app.services;
  const draftFor = async (
    userId: number,
    provider: ProviderId,
    sku: string,
    input: { email?: string; quantity?: number; playerId?: string; zone?: string },
  ) => {
    const product = (await s().catalog.product(provider, sku))!;
    return s().drafts.create(userId, product, await s().catalog.price(product, "member"), input);
  };

  it("tells the reseller an order the provider refused in its answer (Batal at once) was refused and refunded", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    await toConfirmCard(u);
    h.gametopup.control.answerNextOrderWith("Batal", "Player ID tidak ditemukan");
    const seen = u.messages().length;
    await tap(u, /Confirm/);
    const reply = await u.waitForMessage({ match: /refused|placed/, after: seen });
    expect(reply.text).toMatch(/refused/);
    expect(reply.text).toMatch(/refunded/);
    expect(await h.balance(u.id, "IDR")).toBe(100_000);
  });

  it("keeps the provider's answer for an order that left 'pending' during the call, and follows it up", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const draft = await draftFor(u.id, "gametopup", "1", { playerId: "12345678", zone: "2001" });
    h.gametopup.control.failNext("order", { answerAfterMs: 600 });
    const placing = s().orders.place(draft.id, u.id);
    await waitFor(
      async () => ((await h.app.store.orders.get(draft.id))?.state === "pending" ? true : undefined),
      2_000,
      "the order to exist",
    );
    // Another process's sweep decides the order was interrupted while the answer is on its way.
    await waitFor(async () => ((await s().orders.sweepInterrupted(0)) > 0 ? true : undefined), 2_000, "the sweep");
    expect((await h.app.store.orders.get(draft.id))?.state).toBe("unknown");
    await placing;
    const after = (await h.app.store.orders.get(draft.id))!;
    const [trx] = h.gametopup.control.transactions();
    expect(after.providerOrderId).toBe(trx!.order_id);
    expect(after.state).toBe("processing");
    h.gametopup.control.setTransactionStatus(trx!.order_id, "Success", "ok", "LateNick");
    await waitFor(
      async () => ((await h.app.store.orders.get(draft.id))?.state === "completed" ? true : undefined),
      5_000,
      "the follow-up poll",
    );
  });

  it("applies a cancellation that arrived before the order's own answer: refunded once", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 20_000, "MMK");
    const draft = await draftFor(u.id, "xinstitute", "SPOTIFY_1M", { email: "c@example.com", quantity: 1 });
    h.xinstitute.control.failNext("order", { answerAfterMs: 800 });
    const placing = s().orders.place(draft.id, u.id);
    await waitFor(async () => h.xinstitute.control.orders()[0], 3_000, "the provider to have the order");
    const providerOrderId = h.xinstitute.control.orders()[0]!.order_id;
    const delivery = await h.xinstitute.control.cancel(providerOrderId);
    expect(delivery.attempts.at(-1)?.status).toBe(200);
    const out = await placing;
    expect(out.kind).toBe("placed");
    const after = (await h.app.store.orders.get(draft.id))!;
    expect(after.state).toBe("cancelled");
    expect(await h.balance(u.id, "MMK")).toBe(20_000);
    const refunds = (await h.app.store.ledger.entries(u.id, { limit: 20 })).filter((e) => e.type === "refund");
    expect(refunds).toHaveLength(1);
    await u.waitForMessage({ match: /was cancelled by the provider/, after: 0 });
  });

  it("records what the provider really charged when it is above the cost, and tells the admins", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "MMK");
    const draft = await draftFor(u.id, "xinstitute", "SPOTIFY_1M", { email: "c@example.com", quantity: 1 });
    // The provider's price goes up between the card (cached catalogue) and the order.
    h.xinstitute.control.setProductStatus("SPOTIFY_1M", { originalPrice: 20_000 }); // GOLD price 15,000
    const seen = h.admin.messages().length;
    const out = await s().orders.place(draft.id, u.id);
    expect(out.kind).toBe("placed");
    const after = (await h.app.store.orders.get(draft.id))!;
    expect(after.cost.amount).toBe(15_000);
    expect(after.cost.amount).toBeGreaterThan(draft.cost.amount);
    await h.admin.waitForMessage({ match: new RegExp(`${draft.id}.*charged`, "s"), after: seen });
  });

  it("still tells the admins when an order refunded while unknown is delivered after all (reconciliation goes on)", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const draft = await draftFor(u.id, "gametopup", "1", { playerId: "12345678", zone: "2001" });
    expect((await s().orders.place(draft.id, u.id)).kind).toBe("placed");
    const placed = (await h.app.store.orders.get(draft.id))!;
    await s().orders.markUnknown(placed, "test");
    expect(await s().orders.adminRefund(draft.id, 1)).toBe("refunded");
    expect(await h.balance(u.id, "IDR")).toBe(100_000);
    const seen = h.admin.messages().length;
    h.gametopup.control.setTransactionStatus(placed.providerOrderId!, "Success", "ok", "Late");
    await h.admin.waitForMessage({ match: new RegExp(`delivered order ${draft.id}.*refunded here`, "s"), after: seen, timeoutMs: 10_000 });
    expect((await h.app.store.orders.get(draft.id))?.state).toBe("refunded");
    expect(await h.balance(u.id, "IDR")).toBe(100_000);
  });

  it("tells the admins when an order refunded while open is shipped by the provider's webhook", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 20_000, "MMK");
    const draft = await draftFor(u.id, "xinstitute", "SPOTIFY_1M", { email: "c@example.com", quantity: 1 });
    expect((await s().orders.place(draft.id, u.id)).kind).toBe("placed");
    expect(await s().orders.adminRefund(draft.id, 1)).toBe("refunded");
    const seen = h.admin.messages().length;
    const providerOrderId = (await h.app.store.orders.get(draft.id))!.providerOrderId!;
    expect((await h.xinstitute.control.ship(providerOrderId)).attempts.at(-1)?.status).toBe(200);
    await h.admin.waitForMessage({ match: new RegExp(`delivered order ${draft.id}.*refunded here`, "s"), after: seen });
    expect(await h.balance(u.id, "MMK")).toBe(20_000);
  });

  it("tells a price change from bad credentials: dearer is refused as a price change, cheaper is signed anew", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const seen = h.admin.messages().length;
    try {
      // Dearer since the card: gametopup answers "Invalid hash combination" to the old price.
      const dearer = await draftFor(u.id, "gametopup", "1", { playerId: "12345678", zone: "2001" });
      h.gametopup.control.setPrice("1", 21_000);
      const refused = await s().orders.place(dearer.id, u.id);
      expect(refused).toMatchObject({ kind: "refused", code: "price_changed" });
      expect(await h.balance(u.id, "IDR")).toBe(100_000);
      await s().orders.announce(refused);
      await u.waitForMessage({ match: /price changed since your order was priced/, after: 0 });
      // Cheaper since the card: placed, signed at what it costs now.
      h.gametopup.control.setPrice("1", 19_800);
      const cheaper = await draftFor(u.id, "gametopup", "1", { playerId: "12345678", zone: "2001" });
      h.gametopup.control.setPrice("1", 19_000);
      expect((await s().orders.place(cheaper.id, u.id)).kind).toBe("placed");
      const trx = h.gametopup.control.transactions().find((t) => t.ref_id === cheaper.id);
      expect(trx?.harga).toBe(19_000);
      expect(await h.balance(u.id, "IDR")).toBe(100_000 - cheaper.price.amount);
      // Neither was taken for a credential failure.
      await new Promise((r) => setTimeout(r, 300));
      expect(
        h.admin
          .messages()
          .slice(seen)
          .some((m) => /credentials/.test(m.text)),
      ).toBe(false);
    } finally {
      h.gametopup.control.setPrice("1", 19_800);
    }
  });

  it("alerts again when an order goes unknown a second time, and polls it again when found pending", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const draft = await draftFor(u.id, "gametopup", "1", { playerId: "12345678", zone: "2001" });
    const seen = h.admin.messages().length;
    expect((await s().orders.place(draft.id, u.id)).kind).toBe("placed");
    // Pending longer than the (shortened) window: unknown, reconciled, found pending, polled again, unknown again...
    await h.admin.waitFor(
      (m) => m.slice(seen).filter((x) => x.text.includes(draft.id) && /unknown outcome/.test(x.text)).length >= 2,
      10_000,
    );
    const order = (await h.app.store.orders.get(draft.id))!;
    expect(order.history.filter((e) => e.state === "processing").length).toBeGreaterThanOrEqual(2);
    // ...and a Batal that comes at last is still refunded.
    h.gametopup.control.setTransactionStatus(order.providerOrderId!, "Batal", "gagal");
    await waitFor(async () => ((await h.app.store.orders.get(draft.id))?.state === "refunded" ? true : undefined), 10_000, "the refund");
    expect(await h.balance(u.id, "IDR")).toBe(100_000);
  });
});

describe.skipIf(!redisAvailable || !postgresAvailable)("guards that no other test proves", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase(), timings: { pollDelaysMs: [600_000] } });
  });
  afterAll(() => h?.close());

  it("a refund returns only money that was taken: a cancelled order that was never charged refunds nothing", async () => {
    const s = h.app.services;
    const u = await h.reseller(7800);
    await h.credit(u.id, 10_000, "IDR");
    const now = Date.now();
    // As a crash between creating an order and charging it leaves it, then seen by the provider's status.
    await h.app.store.orders.create({ ...pendingOrder("RNOTCHARGED", u.id, now), state: "processing", providerOrderId: "TRX-NC-1" });
    await s.orders.applyStatus((await h.app.store.orders.get("RNOTCHARGED"))!, {
      providerOrderId: "TRX-NC-1",
      state: "failed",
      note: "Batal",
    });
    expect(await h.balance(u.id, "IDR")).toBe(10_000);
    expect((await h.app.store.ledger.entries(u.id, { limit: 10 })).filter((e) => e.type === "refund")).toEqual([]);
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
  });

  it("one confirmation is one order: the same card confirmed twice at once calls the provider once", async () => {
    const s = h.app.services;
    const u = await h.reseller(7801);
    await h.credit(u.id, 100_000, "IDR");
    const product = (await s.catalog.product("gametopup", "1"))!;
    const draft = await s.drafts.create(u.id, product, await s.catalog.price(product, "member"), { playerId: "12345678" });
    const before = h.gametopup.control.requests("order").length;
    const outs = await Promise.all([s.orders.place(draft.id, u.id), s.orders.place(draft.id, u.id), s.orders.place(draft.id, u.id)]);
    expect(outs.filter((o) => o.kind === "placed")).toHaveLength(1);
    expect(h.gametopup.control.requests("order").length - before).toBe(1);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - draft.price.amount);
  });
});
