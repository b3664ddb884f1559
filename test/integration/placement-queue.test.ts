import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderBusy } from "../../src/domain/orders/placement.js";
import { chargeOrder, pendingOrder } from "../support/fixtures.js";
import { startHarness, tap, toConfirmCard, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/** Confirm charges and answers at once; the provider call is a job that waits for the provider's budget. */
describe.skipIf(!redisAvailable || !postgresAvailable)("placement as a queued job", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  it("answers the Confirm tap at once while the provider is slow, then messages the outcome", async () => {
    const u = await h.reseller(8801);
    await h.credit(u.id, 100_000, "IDR");
    await toConfirmCard(u);
    h.gametopup.control.setLatency("order", 2_500);
    const seen = u.messages().length;
    const tapped = Date.now();
    await tap(u, /Confirm/);
    const received = await u.waitForMessage({ match: /received/, after: seen, timeoutMs: 2_000 });
    expect(Date.now() - tapped).toBeLessThan(2_000);
    expect(received.text).toMatch(/21,780/);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - 21_780);
    const placed = await u.waitForMessage({ match: /placed/, after: seen, timeoutMs: 8_000 });
    expect(Date.now() - tapped).toBeGreaterThanOrEqual(2_500);
    expect(placed.text).toContain(/R[0-9A-Z]{10}/.exec(received.text)![0]);
    h.gametopup.control.setLatency("order", 0);
  });

  it("never refuses an order because others came first: twelve at once wait for xinstitute's 10-per-10 s and all go through", async () => {
    const s = h.app.services;
    const users = Array.from({ length: 12 }, (_, i) => 8900 + i);
    const product = (await s.catalog.product("xinstitute", "SPOTIFY_1M"))!;
    const price = await s.catalog.price(product, "member");
    const drafts: Awaited<ReturnType<typeof s.drafts.create>>[] = [];
    for (const id of users) {
      await h.reseller(id);
      await h.credit(id, price.amount, "MMK");
      drafts.push(await s.drafts.create(id, product, price, { email: `c${id}@example.com`, quantity: 1 }));
    }
    const before = h.xinstitute.control.requests("order").length;
    const allProcessing = (list: typeof drafts) => async () => {
      const states = await Promise.all(list.map(async (d) => (await h.app.store.orders.get(d.id))?.state));
      return states.every((st) => st === "processing") ? true : undefined;
    };
    // Ten at once use up the documented burst...
    const first = await Promise.all(drafts.slice(0, 10).map((d) => s.orders.confirm(d.id, d.userId)));
    expect(first.every((o) => o.kind === "sending" || o.kind === "queued")).toBe(true);
    await waitFor(allProcessing(drafts.slice(0, 10)), 10_000, "the first ten orders to reach the provider");
    // ...so the next two are told they wait in line, and go through when the window allows.
    const next = await Promise.all(drafts.slice(10).map((d) => s.orders.confirm(d.id, d.userId)));
    expect(next.map((o) => o.kind)).toEqual(["queued", "queued"]);
    await waitFor(allProcessing(drafts), 25_000, "all twelve orders to reach the provider");
    expect(h.xinstitute.control.requests("order").length - before).toBe(12);
    for (const id of users) expect(await h.balance(id, "MMK")).toBe(0);
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
  }, 40_000);

  it("counts the ten minutes of 429s from the provider's first refusal, not from the wait in our own queue", async () => {
    const s = h.app.services;
    await h.reseller(8950);
    await h.credit(8950, 100_000, "IDR");
    const charge = (orderId: string) => chargeOrder(h.app.store.ledger, 8950, orderId);
    const tooMany = { status: 429, body: { status: "error", message: "Too many requests", code: 429 }, headers: { "retry-after": "0" } };
    // Waited eleven minutes in line for the budget; now the provider's first 429 (twice: the call's own retry).
    const waited = pendingOrder("RQUEUEDLONG1", 8950, Date.now() - 11 * 60_000);
    await h.app.store.orders.create(waited);
    await charge(waited.id);
    h.gametopup.control.failNext("order", tooMany, 2);
    await expect(s.orders.send(waited.id, "wait")).rejects.toBeInstanceOf(ProviderBusy);
    expect(await h.app.store.orders.get(waited.id)).toMatchObject({ state: "pending" });
    expect(await h.balance(8950, "IDR")).toBe(100_000 - 21_780);
    // The provider has been turning this one away for eleven minutes: refused and refunded.
    const refused = pendingOrder("RQUEUEDLONG2", 8950, Date.now() - 12 * 60_000);
    await h.app.store.orders.create({
      ...refused,
      history: [
        ...refused.history,
        { at: Date.now() - 11 * 60_000, state: "pending", note: "not placed: the provider asked us to wait or could not be reached" },
      ],
    });
    await charge(refused.id);
    h.gametopup.control.failNext("order", tooMany, 2);
    expect((await s.orders.send(refused.id, "wait")).kind).toBe("refused");
    expect(await h.balance(8950, "IDR")).toBe(100_000 - 21_780);
    // The first one goes through when the provider has room again.
    expect((await s.orders.send(waited.id, "wait")).kind).toBe("placed");
  });
});
