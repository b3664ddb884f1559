import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, type Harness } from "../support/harness.js";

describe.skipIf(!redisAvailable || !postgresAvailable)("concurrent purchases against one wallet (real Redis, fake gametopup)", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  it("50 purchases against a wallet that covers 10: exactly 10 orders, balance 0, never negative", async () => {
    const s = h.app.services;
    const userId = 6001;
    await h.reseller(userId);
    const product = (await s.catalog.products()).find((p) => p.provider === "gametopup" && p.sku === "1")!;
    const price = await s.catalog.price(product, "member");
    await h.credit(userId, price.amount * 10, "IDR");

    const drafts = await Promise.all(
      Array.from({ length: 50 }, () => s.drafts.create(userId, product, price, { playerId: "12345678", zone: "2001" })),
    );
    const outcomes = await Promise.all(drafts.map((d) => s.orders.place(d.id, userId)));

    expect(outcomes.filter((o) => o.kind === "placed")).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === "insufficient")).toHaveLength(40);
    expect(h.gametopup.control.requests("order")).toHaveLength(10);
    expect(await h.balance(userId, "IDR")).toBe(0);
    const entries = await h.app.store.ledger.entries(userId, { limit: 1000 });
    expect(Math.min(...entries.map((e) => e.balanceAfter))).toBeGreaterThanOrEqual(0);
    expect(entries.reduce((sum, e) => sum + e.amount, 0)).toBe(0);

    // The same 50 cards tapped again: nothing more is charged or ordered.
    const again = await Promise.all(drafts.map((d) => s.orders.place(d.id, userId)));
    expect(again.every((o) => o.kind === "existing")).toBe(true);
    expect(h.gametopup.control.requests("order")).toHaveLength(10);
    expect(await h.balance(userId, "IDR")).toBe(0);
  });

  it("refuses a card placed by someone else", async () => {
    const s = h.app.services;
    await h.reseller(6002);
    await h.reseller(6003);
    await h.credit(6003, 100_000, "IDR");
    const product = (await s.catalog.products()).find((p) => p.provider === "gametopup" && p.sku === "1")!;
    const draft = await s.drafts.create(6002, product, await s.catalog.price(product, "member"), { playerId: "12345678" });
    expect((await s.orders.place(draft.id, 6003)).kind).toBe("expired");
    expect(await h.balance(6003, "IDR")).toBe(100_000);
  });
});
