import { Redis } from "ioredis";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { memoryStore } from "../../src/store/memory/index.js";
import { redisStore } from "../../src/store/redis/index.js";
import type { Store } from "../../src/store/types.js";
import { pendingOrder } from "../support/fixtures.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const clients: Redis[] = [];
afterAll(() => clients.forEach((c) => c.disconnect()));

const backends: [string, () => Promise<Store>][] = [["memory", async () => memoryStore()]];
if (redisAvailable) {
  backends.push([
    "redis",
    async () => {
      const c = new Redis(await freshRedisDb());
      clients.push(c);
      return redisStore(c);
    },
  ]);
}

const order = (id: string, userId = 1) => pendingOrder(id, userId, Date.now(), 1100, 1000);

const credit = (userId: number, amount: number, key: string) => ({
  userId,
  currency: "IDR",
  amount,
  type: "credit" as const,
  reason: "test",
  actor: "system",
  key,
});

describe.each(backends)("store contract (%s)", (_name, make) => {
  let store: Store;
  beforeEach(async () => {
    store = await make();
  });

  it("applies a ledger entry once per idempotency key", async () => {
    const a = await store.ledger.apply(credit(1, 5000, "k1"));
    const b = await store.ledger.apply(credit(1, 5000, "k1"));
    expect(a.ok && !a.duplicate).toBe(true);
    expect(b.ok && b.duplicate).toBe(true);
    expect(await store.ledger.balances(1)).toEqual({ IDR: 5000 });
    expect(await store.ledger.entries(1, { limit: 10 })).toHaveLength(1);
  });

  it("never lets a balance go below zero under 50 concurrent debits", async () => {
    await store.ledger.apply(credit(2, 10 * 700, "seed"));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => store.ledger.apply({ ...credit(2, -700, `d${i}`), type: "debit" })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok)).toHaveLength(40);
    expect(await store.ledger.balances(2)).toEqual({ IDR: 0 });
    const entries = await store.ledger.entries(2, { limit: 100 });
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(0);
    expect(Math.min(...entries.map((e) => e.balanceAfter))).toBeGreaterThanOrEqual(0);
  });

  it("pages ledger entries newest first and keeps totals", async () => {
    for (let i = 1; i <= 5; i++) await store.ledger.apply(credit(3, i, `p${i}`));
    const page = await store.ledger.entries(3, { offset: 1, limit: 2 });
    expect(page.map((e) => e.amount)).toEqual([4, 3]);
    expect((await store.ledger.totals())["IDR:credit"]).toBe(15);
  });

  it("transitions orders only from the expected state", async () => {
    expect(await store.orders.create(order("A1"))).toBe(true);
    expect(await store.orders.create(order("A1"))).toBe(false);
    const moved = await store.orders.transition("A1", ["pending"], "processing", { providerOrderId: "INV-9" }, "accepted");
    expect(moved?.state).toBe("processing");
    expect(await store.orders.transition("A1", ["pending"], "failed")).toBeUndefined();
    expect((await store.orders.byProviderOrderId("gametopup", "INV-9"))?.id).toBe("A1");
    expect(await store.orders.idsInState("processing")).toEqual(["A1"]);
    expect(await store.orders.idsInState("pending")).toEqual([]);
    await store.orders.transition("A1", ["processing"], "completed");
    expect(await store.orders.idsInState("processing")).toEqual([]);
    const final = await store.orders.get("A1");
    expect(final?.history.map((h) => h.state)).toEqual(["pending", "processing", "completed"]);
  });

  it("races two transitions from one state: exactly one wins", async () => {
    await store.orders.create(order("B1"));
    const [x, y] = await Promise.all([
      store.orders.transition("B1", ["pending"], "refunded"),
      store.orders.transition("B1", ["pending"], "refunded"),
    ]);
    expect([x, y].filter(Boolean)).toHaveLength(1);
  });

  it("lists a user's orders newest first", async () => {
    const o1 = { ...order("C1", 9), createdAt: 1000 };
    const o2 = { ...order("C2", 9), createdAt: 2000 };
    await store.orders.create(o1);
    await store.orders.create(o2);
    expect((await store.orders.byUser(9)).map((o) => o.id)).toEqual(["C2", "C1"]);
    expect(await store.orders.countByUser(9)).toBe(2);
  });

  it("merges concurrent user patches of different fields without losing either", async () => {
    const u = { id: 6, firstName: "Old", status: "pending" as const, tier: "member" as const, createdAt: 1, blockedAt: 5 };
    await store.users.createIfAbsent(u);
    await Promise.all([store.users.patch(6, { firstName: "New", blockedAt: null }), store.users.patch(6, { status: "active" })]);
    const after = await store.users.get(6);
    expect(after).toMatchObject({ firstName: "New", status: "active", tier: "member" });
    expect(after).not.toHaveProperty("blockedAt");
    expect(await store.users.patch(999, { status: "active" })).toBeUndefined();
  });

  it("keeps users, usernames, audit and kv", async () => {
    const u = { id: 5, firstName: "Ana", username: "AnaX", status: "pending" as const, tier: "member" as const, createdAt: 1 };
    expect((await store.users.createIfAbsent(u)).created).toBe(true);
    expect((await store.users.createIfAbsent({ ...u, firstName: "B" })).user.firstName).toBe("Ana");
    expect((await store.users.byUsername("@anax"))?.id).toBe(5);
    await store.audit.append({ at: 1, actor: 1, action: "a" });
    await store.audit.append({ at: 2, actor: 1, action: "b" });
    expect((await store.audit.recent(1))[0]?.action).toBe("b");
    expect(await store.kv.setIfAbsent("lock", "1", 50)).toBe(true);
    expect(await store.kv.setIfAbsent("lock", "1", 50)).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(await store.kv.setIfAbsent("lock", "1", 50)).toBe(true);
  });
});
