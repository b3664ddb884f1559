import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const WALLETS = 50;
const PER_WALLET = 10;
const AFFORDABLE = 7;

/**
 * Two bot processes (each with its own PostgreSQL pool and Redis connections) sell to the same
 * resellers at once, every card confirmed on both: the database alone keeps the money right.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("500 purchases racing over 50 wallets in two processes", () => {
  let h: Harness;
  let other: App;
  beforeAll(async () => {
    // Status polls out of the way: this is about the money, not gametopup's 30 status calls a minute.
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase(), timings: { pollDelaysMs: [600_000] } });
    other = await h.another();
  });
  afterAll(() => h?.close());

  it("charges every order at most once, never overdraws, and leaves a clean ledger", async () => {
    const s = h.app.services;
    const product = (await s.catalog.products()).find((p) => p.provider === "gametopup" && p.sku === "1")!;
    const price = await s.catalog.price(product, "member");
    const users = Array.from({ length: WALLETS }, (_, i) => 20_000 + i);
    for (const id of users) {
      await h.reseller(id);
      await h.credit(id, price.amount * AFFORDABLE, "IDR");
    }
    const drafts = (
      await Promise.all(
        users.map((id) =>
          Promise.all(
            Array.from({ length: PER_WALLET }, () => s.drafts.create(id, product, price, { playerId: "12345678", zone: "2001" })),
          ),
        ),
      )
    ).flat();
    expect(drafts).toHaveLength(500);

    // Each card confirmed on both processes at the same moment (a double tap across instances).
    const outcomes = await Promise.all(
      drafts.flatMap((d) => [s.orders.place(d.id, d.userId), other.services.orders.place(d.id, d.userId)]),
    );
    // Every card ends as one order at most, whichever process won it.
    const placed = outcomes.filter((o) => o.kind === "placed").map((o) => (o.kind === "placed" ? o.order : undefined)!);
    expect(new Set(placed.map((o) => o.id)).size).toBe(placed.length);
    expect(h.gametopup.control.requests("order")).toHaveLength(placed.length);
    // Orders the provider's client-side budget turned away were refunded; the rest are charged once.
    for (const id of users) {
      const mine = placed.filter((o) => o.userId === id).length;
      expect(mine).toBeLessThanOrEqual(AFFORDABLE);
      expect(await h.balance(id, "IDR")).toBe(price.amount * (AFFORDABLE - mine));
      const entries = await h.app.store.ledger.entries(id, { limit: 100 });
      expect(Math.min(...entries.map((e) => e.balanceAfter))).toBeGreaterThanOrEqual(0);
      const debited = new Set(entries.filter((e) => e.type === "debit").map((e) => e.orderId));
      expect(debited.size).toBe(entries.filter((e) => e.type === "debit").length);
    }
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
    expect(await other.store.reports.ledgerCheck()).toEqual([]);
  }, 60_000);
});
