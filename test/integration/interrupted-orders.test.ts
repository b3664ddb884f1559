import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chargeOrder, pendingOrder } from "../support/fixtures.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, type Harness } from "../support/harness.js";

/** An order as place() leaves it when the process dies right after creating it, ten minutes ago. */
const stranded = (id: string, userId: number) => pendingOrder(id, userId, Date.now() - 10 * 60_000);

describe.skipIf(!redisAvailable || !postgresAvailable)("orders interrupted by a crash", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  it("are failed when never charged, sent when charged but never sent, or swept to unknown and reported", async () => {
    const s = h.app.services;
    await h.reseller(9101);
    await h.credit(9101, 80_000, "IDR");
    const debit = (orderId: string) => chargeOrder(h.app.store.ledger, 9101, orderId);
    // Died before the debit: nothing was charged.
    await h.app.store.orders.create(stranded("RAAAAAAAAA1", 9101));
    // Died after the debit, before the order was handed to the provider.
    await h.app.store.orders.create(stranded("RAAAAAAAAA2", 9101));
    await debit("RAAAAAAAAA2");
    // Died while the provider had it (the "sending" event was written).
    const sending = stranded("RAAAAAAAAA4", 9101);
    await h.app.store.orders.create({
      ...sending,
      history: [...sending.history, { at: sending.createdAt + 1, state: "pending", note: "sending to the provider" }],
    });
    await debit("RAAAAAAAAA4");
    // Claimed, given back unsent (the provider's budget was full), then its delayed job was lost.
    const released = stranded("RAAAAAAAAA5", 9101);
    await h.app.store.orders.create({
      ...released,
      history: [
        ...released.history,
        { at: released.createdAt + 1, state: "pending", note: "sending to the provider" },
        { at: released.createdAt + 2, state: "pending", note: "not sent: the provider is busy" },
      ],
    });
    await debit("RAAAAAAAAA5");
    const seen = h.admin.messages().length;
    const sentBefore = h.gametopup.control.requests("order").length;

    expect(await s.orders.sweepInterrupted(60_000)).toBe(4);
    // Never charged means never sent (the provider is called after the debit): failed, quietly.
    expect(await h.app.store.orders.get("RAAAAAAAAA1")).toMatchObject({ state: "failed", failure: "interrupted_before_charge" });
    // Charged, never sent (or its claim given back): sent now, once each.
    for (const id of ["RAAAAAAAAA2", "RAAAAAAAAA5"]) {
      for (let i = 0; i < 100 && (await h.app.store.orders.get(id))?.state === "pending"; i++) await new Promise((r) => setTimeout(r, 50));
      expect((await h.app.store.orders.get(id))?.state).toBe("processing");
    }
    expect(h.gametopup.control.requests("order").length - sentBefore).toBe(2);
    // The provider may have it: unknown, admins told, funds held.
    expect((await h.app.store.orders.get("RAAAAAAAAA4"))?.state).toBe("unknown");
    await h.admin.waitFor((m) => m.slice(seen).some((x) => /RAAAAAAAAA4/.test(x.text) && /unknown outcome/.test(x.text)), 10_000);
    expect(
      h.admin
        .messages()
        .slice(seen)
        .some((x) => /RAAAAAAAAA[125]/.test(x.text)),
    ).toBe(false);
    expect(await s.orders.sweepInterrupted(60_000)).toBe(0);

    expect(await s.orders.adminRefund("RAAAAAAAAA1", 1)).toBe("not_charged");
    expect(await h.balance(9101, "IDR")).toBe(80_000 - 3 * 21_780);
    expect(await s.orders.adminRefund("RAAAAAAAAA4", 1)).toBe("refunded");
    expect(await s.orders.adminRefund("RAAAAAAAAA4", 1)).toBe("already");
    expect(await h.balance(9101, "IDR")).toBe(80_000 - 2 * 21_780);
  });

  it("leaves a fresh pending order alone (a handler may still be placing it)", async () => {
    const s = h.app.services;
    await h.app.store.orders.create({ ...stranded("RAAAAAAAAA3", 9101), createdAt: Date.now() });
    expect(await s.orders.sweepInterrupted(60_000)).toBe(0);
    expect((await h.app.store.orders.get("RAAAAAAAAA3"))?.state).toBe("pending");
  });

  it("never refunds an order that completed while a stale copy of it said 'open'", async () => {
    const s = h.app.services;
    await h.reseller(9102);
    await h.credit(9102, 50_000, "IDR");
    const product = (await s.catalog.products()).find((p) => p.provider === "gametopup" && p.sku === "1")!;
    const draft = await s.drafts.create(9102, product, await s.catalog.price(product, "member"), { playerId: "12345678" });
    const placed = await s.orders.place(draft.id, 9102);
    expect(placed.kind).toBe("placed");
    const stale = (await h.app.store.orders.get(draft.id))!;
    await s.orders.applyStatus(stale, { providerOrderId: stale.providerOrderId!, state: "completed" });
    const balance = await h.balance(9102, "IDR");
    const after = await s.orders.applyStatus(stale, { providerOrderId: stale.providerOrderId!, state: "failed", note: "late Batal" });
    expect(after.state).toBe("completed");
    expect(await h.balance(9102, "IDR")).toBe(balance);
  });
});
