import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { memoryKv, memoryRecords } from "../../src/store/memory/index.js";
import { createPool, migrate, postgresRecords } from "../../src/store/postgres/index.js";
import { KEY_PREFIX, redisKv } from "../../src/store/redis/index.js";
import type { Kv, NewPromo, Records } from "../../src/store/types.js";
import { createLogger } from "../../src/observability/logger.js";
import { pendingOrder } from "../support/fixtures.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of closers) await close();
});
const logger = createLogger({ level: "silent" });

const backends: [string, () => Promise<Records>][] = [["memory", async () => memoryRecords()]];
if (postgresAvailable) {
  backends.push([
    "postgres",
    async () => {
      const pool = createPool(await freshDatabase(), logger);
      await migrate(pool);
      const records = postgresRecords(pool);
      closers.push(() => records.close());
      return records;
    },
  ]);
}

const kvBackends: [string, () => Promise<Kv>][] = [["memory", async () => memoryKv()]];
if (redisAvailable) {
  kvBackends.push([
    "redis",
    async () => {
      const c = new Redis(await freshRedisDb());
      closers.push(async () => c.disconnect());
      return redisKv(c, KEY_PREFIX);
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

describe.each(backends)("records contract (%s)", (_name, make) => {
  let store: Records;
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
      Array.from({ length: 50 }, (_, i) => store.ledger.apply({ ...credit(2, -700, `d${i}`), type: "debit", orderId: `O2-${i}` })),
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

  it("pages ledger entries by the last one read, unshifted by newer entries", async () => {
    for (let i = 1; i <= 5; i++) await store.ledger.apply(credit(5, i, `b${i}`));
    const first = await store.ledger.entries(5, { limit: 2 });
    expect(first.map((e) => e.amount)).toEqual([5, 4]);
    await store.ledger.apply(credit(5, 6, "b6"));
    const next = await store.ledger.entries(5, { limit: 2, before: first.at(-1)!.id });
    expect(next.map((e) => e.amount)).toEqual([3, 2]);
    expect(await store.ledger.entries(5, { before: "no-such-entry" })).toEqual([]);
    expect(await store.ledger.entries(6, { before: first[0]!.id })).toEqual([]);
  });

  it("reads the wallet card (balances and newest entries) as the separate reads do", async () => {
    expect(await store.ledger.wallet(4, 10)).toEqual({ balances: {}, entries: [] });
    for (let i = 1; i <= 4; i++) await store.ledger.apply(credit(4, i * 1000, `w${i}`));
    await store.ledger.apply({ ...credit(4, 250, "w-usd"), currency: "USD", note: "usd", orderId: "O-W" });
    await store.ledger.apply({ ...credit(4, -500, "w-debit"), type: "debit", orderId: "O-W2" });
    const card = await store.ledger.wallet(4, 3);
    expect(card.balances).toEqual(await store.ledger.balances(4));
    expect(card.balances).toEqual({ IDR: 9500, USD: 250 });
    expect(card.entries).toEqual(await store.ledger.entries(4, { limit: 3 }));
    expect(card.entries.map((e) => e.key)).toEqual(["w-debit", "w-usd", "w4"]);
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

  it("lets one sender claim a pending order, gives a claim back, and never claims a closed one", async () => {
    await store.orders.create(order("SND1"));
    const [a, b] = await Promise.all([store.orders.claimSending("SND1", "sending"), store.orders.claimSending("SND1", "sending")]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((await store.orders.get("SND1"))?.sentAt).toBeGreaterThan(0);
    expect((await store.orders.releaseSending("SND1", "not sent"))?.sentAt).toBeUndefined();
    expect(await store.orders.claimSending("SND1", "sending")).toBeDefined();
    await store.orders.transition("SND1", ["pending"], "processing");
    expect(await store.orders.releaseSending("SND1", "not sent")).toBeUndefined();
    await store.orders.create(order("SND2"));
    await store.orders.transition("SND2", ["pending"], "failed");
    expect(await store.orders.claimSending("SND2", "sending")).toBeUndefined();
    expect((await store.orders.get("SND1"))?.history.map((e) => e.note ?? e.state)).toEqual([
      "pending",
      "sending",
      "not sent",
      "sending",
      "processing",
    ]);
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

  it("keeps a team role on the user, lists the team, and removes the role", async () => {
    for (const id of [61, 62])
      await store.users.createIfAbsent({ id, firstName: `T${id}`, status: "active", tier: "member", createdAt: 1 });
    expect(await store.users.patch(61, { teamRole: "finance" })).toMatchObject({ teamRole: "finance" });
    expect((await store.users.team()).map((u) => [u.id, u.teamRole])).toEqual([[61, "finance"]]);
    await store.users.patch(61, { teamRole: null });
    expect(await store.users.get(61)).not.toHaveProperty("teamRole");
    expect(await store.users.team()).toEqual([]);
  });

  it("keeps users, usernames, audit and kv", async () => {
    const u = { id: 5, firstName: "Ana", username: "AnaX", status: "pending" as const, tier: "member" as const, createdAt: 1 };
    expect((await store.users.createIfAbsent(u)).created).toBe(true);
    expect((await store.users.createIfAbsent({ ...u, firstName: "B" })).user.firstName).toBe("Ana");
    expect((await store.users.byUsername("@anax"))?.id).toBe(5);
    await store.audit.append({ at: 1, actor: 1, action: "a" });
    await store.audit.append({ at: 2, actor: 1, action: "b" });
    expect((await store.audit.recent(1))[0]?.action).toBe("b");
  });

  it("charges an order once and refunds it once, whatever the idempotency keys", async () => {
    await store.ledger.apply(credit(11, 5000, "seed11"));
    const debit = { ...credit(11, -1000, "d-a"), type: "debit" as const, orderId: "O11" };
    const first = await store.ledger.apply(debit);
    const second = await store.ledger.apply({ ...debit, key: "d-b" });
    expect(first.ok && !first.duplicate).toBe(true);
    expect(second.ok && second.duplicate && second.entry.key).toBe("d-a");
    const refund = { ...credit(11, 1000, "r-a"), type: "refund" as const, orderId: "O11" };
    await store.ledger.apply(refund);
    await store.ledger.apply({ ...refund, key: "r-b" });
    expect(await store.ledger.balances(11)).toEqual({ IDR: 5000 });
    expect(await store.reports.ledgerCheck()).toEqual([]);
  });

  it("debits an order only while it is pending, and fails only an order never charged", async () => {
    await store.ledger.apply(credit(13, 5000, "seed13"));
    await store.orders.create(order("O13a", 13));
    await store.orders.create(order("O13b", 13));
    const debit = (orderId: string) => ({ ...credit(13, -1100, `d-${orderId}`), type: "debit" as const, orderId });
    // O13a is failed first: its late debit takes nothing.
    expect((await store.orders.failUncharged("O13a", { failure: "interrupted_before_charge" }, "swept"))?.state).toBe("failed");
    expect(await store.ledger.debitOrder(debit("O13a"))).toEqual({ ok: false, reason: "not_pending", state: "failed" });
    expect(await store.ledger.debitOrder(debit("missing"))).toEqual({ ok: false, reason: "not_pending", state: undefined });
    // O13b is charged first: the sweep's verdict leaves it pending.
    const charged = await store.ledger.debitOrder(debit("O13b"));
    expect(charged.ok && !charged.duplicate).toBe(true);
    expect(await store.orders.failUncharged("O13b", {}, "swept")).toBeUndefined();
    expect((await store.orders.get("O13b"))?.state).toBe("pending");
    const again = await store.ledger.debitOrder(debit("O13b"));
    expect(again.ok && again.duplicate).toBe(true);
    // A retry after the order moved on is still its duplicate, not a refusal.
    await store.orders.transition("O13b", ["pending"], "processing");
    const later = await store.ledger.debitOrder(debit("O13b"));
    expect(later.ok && later.duplicate).toBe(true);
    expect(await store.ledger.balances(13)).toEqual({ IDR: 3900 });
  });

  it("answers a retried debit as a duplicate even after the balance ran out", async () => {
    await store.ledger.apply(credit(12, 1000, "seed12"));
    const debit = { ...credit(12, -1000, "d12"), type: "debit" as const, orderId: "O12" };
    expect((await store.ledger.apply(debit)).ok).toBe(true);
    const again = await store.ledger.apply(debit);
    expect(again.ok && again.duplicate).toBe(true);
    expect(await store.ledger.apply({ ...debit, key: "d12b", orderId: "O12b" })).toEqual({ ok: false, reason: "insufficient", balance: 0 });
  });

  it("keeps pricing changes atomic: a fixed price lifts a pause, the guard pauses only a loss", async () => {
    expect(await store.pricing.pauseIfBelow("gametopup:1", 900, "cost_above_fixed")).toBeUndefined(); // no fixed price
    expect(await store.pricing.fixPrice("gametopup:1", 800)).toEqual({ before: undefined, wasPaused: false });
    expect(await store.pricing.pauseIfBelow("gametopup:1", 800, "cost_above_fixed")).toBeUndefined(); // not a loss
    expect(await store.pricing.pauseIfBelow("gametopup:1", 900, "cost_above_fixed")).toEqual({ fixed: 800 });
    expect(await store.pricing.pauseIfBelow("gametopup:1", 900, "cost_above_fixed")).toBeUndefined(); // already paused
    expect(await store.pricing.resumeIfCovered("gametopup:1", 900, "cost_above_fixed")).toBe(false);
    expect(await store.pricing.resumeIfCovered("gametopup:1", 700, "cost_above_fixed")).toBe(true);
    await store.pricing.pauseIfBelow("gametopup:1", 900, "cost_above_fixed");
    expect(await store.pricing.fixPrice("gametopup:1", 1000)).toEqual({ before: 800, wasPaused: true });
    expect(await store.pricing.fixPrice("gametopup:1", null)).toEqual({ before: 1000, wasPaused: false });
    await Promise.all([
      store.pricing.setMarkup("vip", 3),
      store.pricing.fixPrice("gametopup:2", 500),
      store.pricing.setMarkup("member", 12.5),
    ]);
    expect(await store.pricing.snapshot()).toEqual({ markups: { vip: 3, member: 12.5 }, fixedPrices: { "gametopup:2": 500 }, paused: {} });
  });

  it("keeps maintenance entries: set, set only if absent, lift, lift only an automatic one", async () => {
    expect(await store.maintenance.list()).toEqual([]);
    const t0 = Date.now() - 10_000;
    expect(await store.maintenance.set({ scope: "bot", target: "", note: "upgrade", setBy: 7, setAt: t0, auto: false })).toBe(true);
    expect(
      await store.maintenance.set({ scope: "provider", target: "gametopup", note: "maintenance-auto-note", setAt: t0 + 1, auto: true }),
    ).toBe(true);
    // An automatic entry never overrides what is there; a manual one replaces it.
    expect(await store.maintenance.set({ scope: "provider", target: "gametopup", setAt: t0 + 2, auto: true }, { ifAbsent: true })).toBe(
      false,
    );
    expect(
      await store.maintenance.set({ scope: "product", target: "gametopup:ML5", note: "price check", setBy: 8, setAt: t0 + 3, auto: false }),
    ).toBe(true);
    expect(await store.maintenance.list()).toEqual([
      { scope: "bot", target: "", note: "upgrade", setBy: 7, setAt: t0, auto: false },
      { scope: "provider", target: "gametopup", note: "maintenance-auto-note", setBy: undefined, setAt: t0 + 1, auto: true },
      { scope: "product", target: "gametopup:ML5", note: "price check", setBy: 8, setAt: t0 + 3, auto: false },
    ]);
    expect(
      await store.maintenance.set({ scope: "provider", target: "gametopup", note: "by hand", setBy: 7, setAt: t0 + 4, auto: false }),
    ).toBe(true);
    expect(await store.maintenance.clear("provider", "gametopup", { autoOnly: true })).toBe(false);
    expect(await store.maintenance.clear("provider", "gametopup")).toBe(true);
    expect(await store.maintenance.clear("provider", "gametopup")).toBe(false);
    await store.maintenance.set({ scope: "provider", target: "xen", setAt: t0 + 5, auto: true });
    expect(await store.maintenance.clear("provider", "xen", { autoOnly: true })).toBe(true);
    expect((await store.maintenance.list()).map((e) => e.target)).toEqual(["", "gametopup:ML5"]);
  });

  it("reports sales, margin and resellers by state from the records", async () => {
    const now = Date.now();
    const sold = { ...order("S1", 21), createdAt: now - 1000 };
    const refunded = { ...order("S2", 21), createdAt: now - 1000, state: "refunded" as const };
    const old = { ...order("S3", 21), createdAt: now - 10 * 86_400_000 };
    for (const o of [sold, refunded, old]) await store.orders.create(o);
    expect(await store.reports.sales(now - 86_400_000)).toEqual([
      { provider: "gametopup", currency: "IDR", orders: 1, revenue: 1100, margin: 100 },
    ]);
    expect((await store.reports.sales(now - 30 * 86_400_000))[0]?.orders).toBe(2);
    for (const [id, status] of [
      [31, "active"],
      [32, "active"],
      [33, "pending"],
      [1, "active"],
    ] as const) {
      await store.users.createIfAbsent({ id, firstName: "R", status, tier: "member", createdAt: 1 });
    }
    expect(await store.reports.resellersByStatus([1])).toEqual({ active: 2, pending: 1 });
  });
  it("reports refunds, paid deposits and sales per local day for the operators' report", async () => {
    // 23:30 UTC on 10 March is 06:30 on 11 March in Jakarta (UTC+7).
    const lateUtc = Date.UTC(2026, 2, 10, 23, 30);
    const orders = [
      { ...order("T1", 51), createdAt: lateUtc },
      { ...order("T2", 51), createdAt: lateUtc + 3600_000, price: { amount: 900, currency: "IDR" } },
      { ...order("T3", 51), createdAt: lateUtc - 86_400_000, state: "failed" as const },
    ];
    for (const o of orders) await store.orders.create(o);
    const since = Date.UTC(2026, 2, 9);
    const until = Date.UTC(2026, 2, 12);
    expect(await store.reports.salesByDay(since, until, "Asia/Jakarta")).toEqual([
      { day: "2026-03-11", currency: "IDR", orders: 2, revenue: 2000 },
    ]);
    expect(await store.reports.salesByDay(since, until, "UTC")).toEqual([
      { day: "2026-03-10", currency: "IDR", orders: 1, revenue: 1100 },
      { day: "2026-03-11", currency: "IDR", orders: 1, revenue: 900 },
    ]);
    expect(await store.reports.salesByDay(since, lateUtc, "UTC")).toEqual([]);

    const before = Date.now() - 1;
    await store.ledger.apply(credit(51, 5000, "seed51"));
    for (const id of ["R1", "R2"]) {
      await store.ledger.apply({ ...credit(51, -700, `d-${id}`), type: "debit", orderId: id });
      await store.ledger.apply({ ...credit(51, 700, `r-${id}`), type: "refund", orderId: id });
    }
    const now = Date.now();
    const deposit = (id: string, amount: number, currency: string) => ({
      id,
      userId: 51,
      amount: { amount, currency },
      state: "open" as const,
      createdAt: now,
      updatedAt: now,
    });
    for (const d of [
      deposit("DP1", 50_000, "IDR"),
      deposit("DP2", 20_000, "IDR"),
      deposit("DP3", 9_000, "MMK"),
      deposit("DP4", 1_000, "IDR"),
    ])
      await store.deposits.create(d);
    for (const id of ["DP1", "DP2", "DP3"]) await store.deposits.settle(id, "paid");
    await store.deposits.settle("DP4", "expired");
    const after = Date.now() + 1000;
    expect(await store.reports.refunds(before, after)).toEqual([{ currency: "IDR", count: 2, sum: 1400 }]);
    expect(await store.reports.refunds(after, after + 1000)).toEqual([]);
    expect(await store.reports.depositsPaid(before, after)).toEqual([
      { currency: "IDR", count: 2, sum: 70_000 },
      { currency: "MMK", count: 1, sum: 9_000 },
    ]);
    expect(await store.reports.depositsPaid(before - 60_000, before)).toEqual([]);
  });

  it("settles a deposit out of 'open' once, and finds it by its bill", async () => {
    const now = Date.now();
    const d = { id: "D1", userId: 41, amount: { amount: 50_000, currency: "IDR" }, state: "open" as const, createdAt: now, updatedAt: now };
    expect(await store.deposits.create(d)).toBe(true);
    expect(await store.deposits.create(d)).toBe(false);
    expect(
      (await store.deposits.attachBill("D1", { billId: "B-1", payUrl: "https://pay.example/B-1", expiresAt: now + 60_000 }))?.billId,
    ).toBe("B-1");
    expect((await store.deposits.byBillId("B-1"))?.id).toBe("D1");
    expect((await store.deposits.open()).map((x) => x.id)).toEqual(["D1"]);
    const [a, b] = await Promise.all([store.deposits.settle("D1", "paid"), store.deposits.settle("D1", "expired")]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect(await store.deposits.open()).toEqual([]);
    expect((await store.deposits.byUser(41)).map((x) => x.id)).toEqual(["D1"]);
  });

  it("keeps one points award per order and never reopens a finished one", async () => {
    await store.orders.create(order("P1", 42));
    const now = Date.now();
    const award = {
      orderId: "P1",
      userId: 42,
      email: "r@example.com",
      points: 10,
      transactionId: "sandbox_0000000001",
      state: "pending" as const,
      attempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    expect((await store.awards.claim(award)).created).toBe(true);
    const again = await store.awards.claim({ ...award, transactionId: "sandbox_0000000002" });
    expect(again).toMatchObject({ created: false, award: { transactionId: "sandbox_0000000001" } });
    expect((await store.awards.update("P1", { transactionId: "sandbox_0000000003", attempts: 1 }))?.transactionId).toBe(
      "sandbox_0000000003",
    );
    expect((await store.awards.pending()).map((a) => a.orderId)).toEqual(["P1"]);
    expect((await store.awards.update("P1", { state: "awarded" }))?.state).toBe("awarded");
    expect(await store.awards.update("P1", { state: "failed" })).toBeUndefined();
    expect((await store.awards.byUser(42))[0]?.state).toBe("awarded");
    await store.licenceLinks.link("XS-ABC-DEF-GHI", 43);
    await store.licenceLinks.link("XS-ABC-DEF-GHI", 43);
    await store.licenceLinks.link("XS-ABC-DEF-GHI", 42);
    expect(await store.licenceLinks.users("XS-ABC-DEF-GHI")).toEqual([42, 43]);
  });

  it("keeps the newest saved customers per kind, moves a reused one to the front, and forgets only the owner's", async () => {
    const t0 = Date.now();
    const player = (value: string, zone: string | undefined, at: number, nickname?: string) =>
      store.customers.remember({ userId: 50, kind: "player", value, zone, nickname, usedAt: t0 + at }, 3);
    await player("1001", "2001", 1, "Alpha");
    await player("1002", undefined, 2);
    await player("1003", "7", 3);
    await store.customers.remember({ userId: 50, kind: "email", value: "a@example.com", usedAt: t0 + 4 }, 3);
    // 1001 is used again without a nickname: it moves to the front and keeps "Alpha".
    await player("1001", "2001", 5);
    // Same id, other zone: another customer. The oldest (1002) drops out of the three kept.
    await player("1001", "2002", 6);
    const players = await store.customers.list(50, "player", 10);
    expect(players.map((c) => `${c.value}/${c.zone ?? ""}`)).toEqual(["1001/2002", "1001/2001", "1003/7"]);
    expect(players[1]).toMatchObject({ userId: 50, kind: "player", nickname: "Alpha", usedAt: t0 + 5 });
    expect(players[0]!.nickname).toBeUndefined();
    // An older use recorded late does not push a newer one down.
    await player("1003", "7", 0);
    expect((await store.customers.list(50, "player", 10))[2]!.usedAt).toBe(t0 + 3);
    await store.customers.setNickname(50, "1003", "7", "Gamma");
    expect((await store.customers.list(50, "player", 1))[0]!.nickname).toBeUndefined();
    expect((await store.customers.list(50, "player", 10))[2]!.nickname).toBe("Gamma");
    expect((await store.customers.list(50, "email", 10)).map((c) => c.value)).toEqual(["a@example.com"]);
    expect(await store.customers.forget(51, players[0]!.id)).toBe(false);
    expect(await store.customers.forget(50, players[0]!.id)).toBe(true);
    expect(await store.customers.forget(50, players[0]!.id)).toBe(false);
    expect((await store.customers.list(50, "player", 10)).map((c) => c.value)).toEqual(["1001", "1003"]);
  });

  const transfer = (id: string, userId: number, fileUniqueId: string, createdAt = Date.now()) => ({
    id,
    userId,
    amount: 50_000,
    currency: "IDR",
    state: "submitted" as const,
    slip: { fileId: `file-${id}`, fileUniqueId, kind: "photo" as const },
    createdAt,
    updatedAt: createdAt,
  });
  const transferCredit = (key: string) => ({ key, reason: "transfer_deposit", actor: "admin:1" });

  it("keeps payees per currency and removes one once", async () => {
    const a = await store.transfers.addPayee({ currency: "IDR", label: "BCA", details: "123 a.n. PT", createdBy: 1 });
    const b = await store.transfers.addPayee({ currency: "MMK", label: "KBZPay", details: "09-1", createdBy: 1 });
    expect((await store.transfers.payees()).map((p) => p.label)).toEqual(["BCA", "KBZPay"]);
    expect((await store.transfers.payees("MMK")).map((p) => p.id)).toEqual([b.id]);
    expect(await store.transfers.removePayee(a.id)).toBe(true);
    expect(await store.transfers.removePayee(a.id)).toBe(false);
    expect((await store.transfers.payees()).map((p) => p.id)).toEqual([b.id]);
  });

  it("approves a transfer deposit once with its credit, and a reject after it changes nothing", async () => {
    expect(await store.transfers.create(transfer("T0000000001", 70, "slip-a"))).toBe(true);
    expect(await store.transfers.create(transfer("T0000000001", 70, "slip-a"))).toBe(false);
    expect(await store.transfers.openCount(70)).toBe(1);
    const changed = await store.transfers.changeAmount("T0000000001", 45_000);
    expect(changed).toMatchObject({ amount: 45_000, claimedAmount: 50_000 });
    const [x, y] = await Promise.all([
      store.transfers.approve("T0000000001", 1, transferCredit("T0000000001")),
      store.transfers.approve("T0000000001", 2, transferCredit("T0000000001")),
    ]);
    expect([x.kind, y.kind].sort()).toEqual(["approved", "decided"]);
    const won = x.kind === "approved" ? x : y;
    if (won.kind !== "approved") throw new Error("one approval wins");
    expect(won.entry).toMatchObject({ amount: 45_000, currency: "IDR", userId: 70, key: "T0000000001", balanceAfter: 45_000 });
    expect(await store.ledger.balances(70)).toEqual({ IDR: 45_000 });
    expect(await store.transfers.reject("T0000000001", 3, "late")).toBeUndefined();
    expect(await store.transfers.changeAmount("T0000000001", 1)).toBeUndefined();
    expect(await store.transfers.get("T0000000001")).toMatchObject({ state: "approved", reviewedBy: won.deposit.reviewedBy });
    expect(await store.transfers.openCount(70)).toBe(0);
    const totals = await store.transfers.approvedTotals(Date.now() - 60_000, Date.now() + 60_000);
    expect(totals).toEqual([{ currency: "IDR", count: 1, sum: 45_000 }]);
    expect(await store.transfers.approve("T000000000X", 1, transferCredit("T000000000X"))).toEqual({ kind: "decided", deposit: undefined });
  });

  it("rejects a transfer deposit once; an approve racing it gives one outcome", async () => {
    await store.transfers.create(transfer("T0000000002", 71, "slip-b"));
    const [r, a] = await Promise.all([
      store.transfers.reject("T0000000002", 1, "preset:unreadable"),
      store.transfers.approve("T0000000002", 2, transferCredit("T0000000002")),
    ]);
    const final = await store.transfers.get("T0000000002");
    if (final?.state === "rejected") {
      expect(r).toMatchObject({ reason: "preset:unreadable", reviewedBy: 1 });
      expect(a.kind).toBe("decided");
      expect(await store.ledger.balances(71)).toEqual({});
    } else {
      expect(r).toBeUndefined();
      expect(await store.ledger.balances(71)).toEqual({ IDR: 50_000 });
    }
  });

  it("finds the first deposit with a slip, keeps cards, and lets one caller raise an unreviewed deposit", async () => {
    const old = Date.now() - 3_600_000;
    await store.transfers.create(transfer("T0000000003", 72, "slip-c", old));
    await store.transfers.create(transfer("T0000000004", 72, "slip-c"));
    expect((await store.transfers.firstWithSlip("slip-c", "T0000000004"))?.id).toBe("T0000000003");
    expect(await store.transfers.firstWithSlip("slip-none", "T0000000004")).toBeUndefined();
    await store.transfers.addCard("T0000000003", { chatId: 1, messageId: 10 });
    await store.transfers.addCard("T0000000003", { chatId: 1, messageId: 10 });
    await store.transfers.addCard("T0000000003", { chatId: 2, messageId: 11 });
    expect(await store.transfers.cards("T0000000003")).toEqual([
      { chatId: 1, messageId: 10 },
      { chatId: 2, messageId: 11 },
    ]);
    const due = await store.transfers.unreviewedSince(Date.now() - 60_000);
    expect(due.map((d) => d.id)).toEqual(["T0000000003"]);
    const at = Date.now();
    const claims = await Promise.all([
      store.transfers.markRaised("T0000000003", undefined, at),
      store.transfers.markRaised("T0000000003", undefined, at),
    ]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect((await store.transfers.get("T0000000003"))?.raisedAt).toBe(at);
    expect(await store.transfers.unreviewedSince(Date.now() - 60_000)).toEqual([]);
  });

  it("reports admin credits apart from other credits", async () => {
    await store.ledger.apply({ ...credit(73, 7000, "admin-1"), reason: "admin_credit", actor: "admin:1" });
    await store.ledger.apply(credit(73, 3000, "other-1"));
    expect(await store.reports.adminCredits(Date.now() - 60_000, Date.now() + 60_000)).toEqual([{ currency: "IDR", count: 1, sum: 7000 }]);
  });

  it("keeps low-balance levels per user and currency", async () => {
    await store.lowBalance.set(60, "IDR", 50_000);
    await store.lowBalance.set(60, "MMK", 9_000);
    await store.lowBalance.set(60, "IDR", 40_000);
    await store.lowBalance.set(61, "IDR", 1);
    expect(await store.lowBalance.get(60, "IDR")).toBe(40_000);
    expect(await store.lowBalance.byUser(60)).toEqual({ IDR: 40_000, MMK: 9_000 });
    expect(await store.lowBalance.clear(60, "MMK")).toBe(1);
    expect(await store.lowBalance.clear(60, "MMK")).toBe(0);
    expect(await store.lowBalance.clear(60)).toBe(1);
    expect(await store.lowBalance.byUser(60)).toEqual({});
    expect(await store.lowBalance.get(61, "IDR")).toBe(1);
  });

  it("keeps one live API key per reseller, found by its hash; rotating and revoking end the old one", async () => {
    for (const id of [70, 71])
      await store.users.createIfAbsent({ id, firstName: `A${id}`, status: "active", tier: "member", createdAt: 1 });
    const key = (id: string, resellerId: number, at: number) => ({
      id,
      resellerId,
      keyHash: `hash-${id}`,
      keyHint: "rk_live_…abcd",
      callbackSecret: `whsec_${id}`,
      createdAt: at,
    });
    await store.api.replaceKey(key("k1", 70, 1_000));
    await store.api.replaceKey(key("k9", 71, 1_000));
    expect(await store.api.liveKey(70)).toEqual(key("k1", 70, 1_000));
    await store.api.replaceKey(key("k2", 70, 2_000));
    expect((await store.api.keyByHash("hash-k1"))?.revokedAt).toBe(2_000);
    expect((await store.api.liveKey(70))?.id).toBe("k2");
    expect(await store.api.revokeKey(70, 3_000)).toBe(true);
    expect(await store.api.revokeKey(70, 4_000)).toBe(false);
    expect(await store.api.liveKey(70)).toBeUndefined();
    expect((await store.api.keyByHash("hash-k2"))?.revokedAt).toBe(3_000);
    expect((await store.api.liveKey(71))?.id).toBe("k9");
    expect(await store.api.keyByHash("nope")).toBeUndefined();
    expect(await store.api.keyWithSettings("nope")).toBeUndefined();
    expect(await store.api.keyWithSettings("hash-k9")).toEqual({
      key: key("k9", 71, 1_000),
      settings: { resellerId: 71, allowedIps: [], notifyInChat: false },
    });
    await store.api.patchSettings(71, { allowedIps: ["10.0.0.0/8"], callbackUrl: "https://x.example/cb" });
    expect((await store.api.keyWithSettings("hash-k9"))?.settings).toEqual({
      resellerId: 71,
      allowedIps: ["10.0.0.0/8"],
      callbackUrl: "https://x.example/cb",
      notifyInChat: false,
    });
  });

  it("keeps API settings with defaults, patched field by field", async () => {
    await store.users.createIfAbsent({ id: 72, firstName: "S", status: "active", tier: "member", createdAt: 1 });
    expect(await store.api.settings(72)).toEqual({ resellerId: 72, allowedIps: [], notifyInChat: false });
    await store.api.patchSettings(72, { callbackUrl: "https://shop.example/cb", allowedIps: ["10.0.0.0/8", "2001:db8::/32"] });
    await store.api.patchSettings(72, { notifyInChat: true });
    const last = { at: 5, eventId: "evt_1", ok: false, status: 503 };
    expect(await store.api.patchSettings(72, { lastCallback: last })).toEqual({
      resellerId: 72,
      callbackUrl: "https://shop.example/cb",
      allowedIps: ["10.0.0.0/8", "2001:db8::/32"],
      notifyInChat: true,
      lastCallback: last,
    });
    await store.api.patchSettings(72, { callbackUrl: undefined });
    expect((await store.api.settings(72)).callbackUrl).toBeUndefined();
  });

  it("claims a ref_id once per reseller: every later claim gets the first one's order id and body hash", async () => {
    const claim = (resellerId: number, orderId: string, bodyHash: string) =>
      store.api.claimRef({ resellerId, refId: "ref-1", orderId, bodyHash, createdAt: 1_000 });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => claim(80, `R${i}`, i === 0 ? "h0" : `h${i}`)));
    const winner = results[0]!;
    for (const r of results) expect(r).toEqual(winner);
    expect(await store.api.ref(80, "ref-1")).toEqual(winner);
    expect(await store.api.refByOrder(winner.orderId)).toEqual(winner);
    // Another reseller's ref_id of the same text is its own.
    expect((await claim(81, "RX", "hx")).orderId).toBe("RX");
    expect(await store.api.ref(82, "ref-1")).toBeUndefined();
  });

  it("keeps callback events per order in seq order until delivered or given up", async () => {
    const ev = (orderId: string, seq: number) => ({
      eventId: `evt_${orderId}_${seq}`,
      orderId,
      resellerId: 90,
      seq,
      body: `{"seq":${seq}}`,
      createdAt: 1_000 + seq,
      attempts: 0,
    });
    expect(await store.api.addEvent(ev("RA", 2))).toBe(true);
    expect(await store.api.addEvent(ev("RA", 1))).toBe(true);
    expect(await store.api.addEvent(ev("RA", 1))).toBe(false);
    expect(await store.api.addEvent(ev("RB", 1))).toBe(true);
    expect((await store.api.openEvents("RA")).map((e) => e.seq)).toEqual([1, 2]);
    expect((await store.api.ordersWithOpenEvents(10)).sort()).toEqual(["RA", "RB"]);
    await store.api.markEvent("evt_RA_1", {});
    await store.api.markEvent("evt_RA_1", { deliveredAt: 2_000 });
    await store.api.markEvent("evt_RB_1", { givenUpAt: 3_000 });
    const open = await store.api.openEvents("RA");
    expect(open).toEqual([ev("RA", 2)]);
    expect(await store.api.ordersWithOpenEvents(10)).toEqual(["RA"]);
  });

  it("keeps the operator group's chat (following a migration), its removal and its topics per chat, one id per topic", async () => {
    const configured = -100_1234567890;
    expect(await store.operatorGroups.get(configured)).toBeUndefined();
    await store.operatorGroups.setRemoved(configured, 1_700_000_000_000);
    expect(await store.operatorGroups.get(configured)).toEqual({ chatId: configured, removedAt: 1_700_000_000_000 });
    await store.operatorGroups.setRemoved(configured, null);
    expect(await store.operatorGroups.get(configured)).toEqual({ chatId: configured });
    await store.operatorGroups.moveTo(configured, -100_9876543210);
    expect(await store.operatorGroups.get(configured)).toEqual({ chatId: -100_9876543210 });
    await store.operatorGroups.setRemoved(configured, 5);
    expect(await store.operatorGroups.get(configured)).toEqual({ chatId: -100_9876543210, removedAt: 5 });

    const chat = -100_9876543210;
    expect(await store.operatorGroups.topic(chat, "orders")).toBeUndefined();
    expect(await store.operatorGroups.setTopic(chat, "orders", 11, undefined)).toBe(11);
    // A racer that also saw none keeps the first id; a replacement needs the id it replaces.
    expect(await store.operatorGroups.setTopic(chat, "orders", 12, undefined)).toBe(11);
    expect(await store.operatorGroups.setTopic(chat, "orders", 13, 99)).toBe(11);
    expect(await store.operatorGroups.setTopic(chat, "orders", 14, 11)).toBe(14);
    expect(await store.operatorGroups.setTopic(chat, "orders", 15, 11)).toBe(14);
    expect(await store.operatorGroups.topic(chat, "orders")).toBe(14);
    expect(await store.operatorGroups.topic(chat, "deposits")).toBeUndefined();
    expect(await store.operatorGroups.topic(configured, "orders")).toBeUndefined();
  });
});

describe.each(backends)("referrals and tiers contract (%s)", (_name, make) => {
  let store: Records;
  beforeEach(async () => {
    store = await make();
  });

  it("binds a user once, never to themselves, under concurrent binds", async () => {
    expect(await store.growth.bind(7, 7, 1)).toBe(false);
    const binds = await Promise.all([1, 2, 3, 4, 5].map((r) => store.growth.bind(7, r, 1000 + r)));
    expect(binds.filter(Boolean)).toHaveLength(1);
    const first = await store.growth.referrerOf(7);
    expect(await store.growth.bind(7, 9, 5000)).toBe(false);
    expect(await store.growth.referrerOf(7)).toEqual(first);
    await store.growth.bind(8, first!.referrerId, 2000);
    expect(await store.growth.joined(first!.referrerId)).toBe(2);
    expect(await store.growth.referrerOf(99)).toBeUndefined();
  });

  it("keeps settings with defaults, and one currency's thresholds replaced as a whole", async () => {
    expect(await store.growth.settings()).toEqual({ referralBasisPoints: 0, referralMonths: 12, thresholds: {} });
    await store.growth.setReferral({ basisPoints: 250 });
    await store.growth.setReferral({ months: 6 });
    await store.growth.setThresholds("IDR", { reseller: 5_000_000, vip: 20_000_000 });
    await store.growth.setThresholds("MMK", { vip: 1_000 });
    await store.growth.setThresholds("IDR", { vip: 30_000_000 });
    expect(await store.growth.settings()).toEqual({
      referralBasisPoints: 250,
      referralMonths: 6,
      thresholds: { IDR: { vip: 30_000_000 }, MMK: { vip: 1_000 } },
    });
    await store.growth.setThresholds("MMK", {});
    expect((await store.growth.settings()).thresholds).toEqual({ IDR: { vip: 30_000_000 } });
  });

  it("records a commission once per order, its first reversal only, and sums what was kept", async () => {
    const c = { orderId: "O1", referrerId: 5, userId: 7, currency: "IDR", amount: 500, at: Date.UTC(2026, 11, 2) };
    await store.growth.recordCommission(c);
    await store.growth.recordCommission({ ...c, amount: 999 });
    await store.growth.recordCommission({ ...c, orderId: "O2", amount: 300, at: Date.UTC(2026, 10, 20) });
    expect(await store.growth.commission("O1")).toEqual({ ...c, reversed: 0, shortfall: 0 });
    expect(await store.growth.earned(5)).toEqual({ IDR: 800 });
    expect(await store.growth.earned(5, Date.UTC(2026, 11, 1))).toEqual({ IDR: 500 });
    await store.growth.recordReversal("O1", 120, 380, Date.UTC(2026, 11, 3));
    await store.growth.recordReversal("O1", 500, 0, Date.UTC(2026, 11, 4));
    expect(await store.growth.commission("O1")).toMatchObject({ reversed: 120, shortfall: 380 });
    expect(await store.growth.earned(5)).toEqual({ IDR: 680 });
    expect(await store.growth.shortfalls(5)).toEqual({ IDR: 380 });
    expect(await store.growth.shortfalls(7)).toEqual({});
    expect(await store.growth.commissionTotals(Date.UTC(2026, 11, 1), Date.UTC(2027, 0, 1))).toEqual({ IDR: 380 });
    expect(await store.growth.commission("nope")).toBeUndefined();
  });

  it("sums a reseller's delivered, unrefunded sales since a moment", async () => {
    const now = Date.now();
    const mk = async (id: string, state: "completed" | "shipped" | "processing" | "refunded", at = now, userId = 1) => {
      await store.orders.create(pendingOrder(id, userId, at, 1_000, 900));
      if (state !== "processing") await store.orders.transition(id, ["pending"], state);
      else await store.orders.transition(id, ["pending"], "processing");
    };
    await mk("S1", "completed");
    await mk("S2", "shipped");
    await mk("S3", "processing");
    await mk("S4", "refunded");
    await mk("S5", "completed", now - 40 * 24 * 3600_000);
    await mk("S6", "completed", now, 2);
    expect(await store.growth.completedSales(1, now - 30 * 24 * 3600_000)).toEqual({ IDR: 2_000 });
    expect((await store.growth.sellersSince(now - 30 * 24 * 3600_000)).sort()).toEqual([1, 2]);
  });
});

describe.each(backends)("support tickets contract (%s)", (_name, make) => {
  // One database for the block (each case uses its own resellers): every database costs a drop at the end.
  let store: Records;
  beforeAll(async () => {
    store = await make();
  });

  it("holds the open-ticket limit under 10 concurrent opens, and frees a slot on close", async () => {
    const opened = await Promise.all(Array.from({ length: 10 }, () => store.support.open(70, 3)));
    expect(opened.filter((o) => o.ok)).toHaveLength(3);
    expect(opened.filter((o) => !o.ok)).toEqual(Array.from({ length: 7 }, () => ({ ok: false, open: 3 })));
    const open = await store.support.openOf(70);
    expect(open.map((t) => t.status)).toEqual(["open", "open", "open"]);
    // Newest first; another reseller's limit is their own.
    expect(open.map((t) => t.id)).toEqual([...open.map((t) => t.id)].sort((a, b) => b - a));
    expect((await store.support.open(71, 3)).ok).toBe(true);
    const first = open[2]!;
    const closed = await store.support.close(first.id, 1);
    expect(closed).toMatchObject({ closed: true, ticket: { id: first.id, status: "closed", closedBy: 1 } });
    expect(closed.closed && closed.ticket.closedAt).toBeGreaterThan(0);
    // A second close changes nothing and tells the ticket as it is.
    expect(await store.support.close(first.id, 2)).toMatchObject({ closed: false, ticket: { status: "closed", closedBy: 1 } });
    expect(await store.support.close(999_999, 1)).toEqual({ closed: false });
    expect((await store.support.open(70, 3)).ok).toBe(true);
    expect(await store.support.open(70, 3)).toEqual({ ok: false, open: 3 });
  });

  it("finds a ticket by the message a team chat shows, or by the reseller's", async () => {
    const o = await store.support.open(72, 3);
    if (!o.ok) throw new Error("not opened");
    const t = o.ticket.id;
    await store.support.record({ ticketId: t, kind: "card", fromUserId: 72, teamChatId: 1, teamMessageId: 10, resellerMessageId: 5 });
    await store.support.record({
      ticketId: t,
      kind: "in",
      fromUserId: 72,
      teamChatId: -100123,
      teamThreadId: 7,
      teamMessageId: 10,
      resellerMessageId: 5,
    });
    await store.support.record({ ticketId: t, kind: "out", fromUserId: 1, teamChatId: 1, teamMessageId: 12, resellerMessageId: 6 });
    expect(await store.support.byTeamMessage(1, 10)).toMatchObject({ ticket: { id: t, resellerId: 72 }, message: { kind: "card" } });
    expect(await store.support.byTeamMessage(-100123, 10)).toMatchObject({ message: { kind: "in", teamThreadId: 7 } });
    expect(await store.support.byTeamMessage(1, 11)).toBeUndefined();
    expect(await store.support.byResellerMessage(72, 6)).toMatchObject({ ticket: { id: t }, message: { kind: "out", fromUserId: 1 } });
    // The same message id in another reseller's chat is not this ticket's.
    expect(await store.support.byResellerMessage(73, 6)).toBeUndefined();
    const all = await store.support.messages(t);
    expect(all.map((m) => m.kind)).toEqual(["card", "in", "out"]);
    expect(all[0]).not.toHaveProperty("teamThreadId");
    expect(all[0]!.createdAt).toBeGreaterThan(0);
    expect(await store.support.get(t)).toMatchObject({ id: t, status: "open" });
    expect(await store.support.get(t)).not.toHaveProperty("closedAt");
  });
});

describe.each(backends)("promo codes contract (%s)", (_name, make) => {
  let store: Records;
  beforeEach(async () => {
    store = await make();
  });
  const promo = (code: string, more: Partial<NewPromo> = {}): NewPromo => ({
    code,
    discount: { kind: "amount", amount: 100, currency: "IDR" },
    createdBy: 1,
    ...more,
  });
  const debit = (userId: number, orderId: string, code?: string) => ({
    ...credit(userId, -1000, `debit:${orderId}`),
    type: "debit" as const,
    orderId,
    ...(code && { promo: { code, discount: 100, currency: "IDR" } }),
  });

  it("keeps promo codes: added once, listed, read back with every field, switched off", async () => {
    const full = promo("FULL10", {
      discount: { kind: "percent", bp: 1250 },
      maxUses: 10,
      perReseller: 2,
      until: Date.UTC(2030, 0, 2),
      min: { amount: 50_000, currency: "IDR" },
      product: "gametopup:1",
    });
    expect(await store.promos.add(full)).toBe(true);
    expect(await store.promos.add({ ...full, maxUses: 99 })).toBe(false);
    expect(await store.promos.add(promo("PLAIN"))).toBe(true);
    expect(await store.promos.get("FULL10")).toMatchObject({ ...full, active: true, used: 0 });
    expect(await store.promos.get("PLAIN")).toEqual(expect.not.objectContaining({ maxUses: expect.anything() }));
    expect((await store.promos.list()).map((p) => p.code).sort()).toEqual(["FULL10", "PLAIN"]);
    expect((await store.promos.turnOff("PLAIN"))?.active).toBe(false);
    expect(await store.promos.turnOff("NOPE")).toBeUndefined();
    expect(await store.promos.get("NOPE")).toBeUndefined();
  });

  it("takes a code's use in the order's debit: both or neither, and each refusal by name", async () => {
    await store.ledger.apply(credit(21, 10_000, "seed21"));
    await store.promos.add(promo("ONE", { maxUses: 1 }));
    await store.promos.add(promo("OFF"));
    await store.promos.turnOff("OFF");
    await store.promos.add(promo("OLD", { until: Date.now() - 1000 }));
    for (const id of ["P1", "P2", "P3", "P4", "P5", "P6"]) await store.orders.create(order(id, 21));

    const took = await store.ledger.debitOrder(debit(21, "P1", "ONE"));
    expect(took.ok && !took.duplicate).toBe(true);
    expect(await store.promos.useOf("P1")).toMatchObject({ code: "ONE", userId: 21, discount: 100, currency: "IDR" });
    expect((await store.promos.get("ONE"))?.used).toBe(1);
    // A retried debit takes no second use.
    const again = await store.ledger.debitOrder(debit(21, "P1", "ONE"));
    expect(again.ok && again.duplicate).toBe(true);
    expect((await store.promos.get("ONE"))?.used).toBe(1);

    expect(await store.ledger.debitOrder(debit(21, "P2", "ONE"))).toEqual({ ok: false, reason: "promo", refusal: "used_up" });
    expect(await store.ledger.debitOrder(debit(21, "P3", "OFF"))).toEqual({ ok: false, reason: "promo", refusal: "off" });
    expect(await store.ledger.debitOrder(debit(21, "P4", "OLD"))).toEqual({ ok: false, reason: "promo", refusal: "expired" });
    expect(await store.ledger.debitOrder(debit(21, "P5", "GHOST"))).toEqual({ ok: false, reason: "promo", refusal: "unknown" });
    // Refused codes took nothing: one debit in all.
    expect(await store.ledger.balances(21)).toEqual({ IDR: 9000 });
    expect(await store.promos.useOf("P2")).toBeUndefined();

    // Not enough funds: the use is not taken either.
    await store.promos.add(promo("MANY"));
    await store.ledger.apply({ ...credit(21, -9000, "drain21"), type: "adjustment" });
    expect(await store.ledger.debitOrder(debit(21, "P6", "MANY"))).toEqual({ ok: false, reason: "insufficient", balance: 0 });
    expect((await store.promos.get("MANY"))?.used).toBe(0);
    expect(await store.promos.useOf("P6")).toBeUndefined();
  });

  it("holds uses=10 under 40 concurrent debits, and per=1 for one reseller", async () => {
    await store.promos.add(promo("TEN", { maxUses: 10 }));
    await store.promos.add(promo("ONCE", { perReseller: 1 }));
    for (let i = 0; i < 40; i++) {
      await store.ledger.apply(credit(100 + i, 5000, `seed-${i}`));
      await store.orders.create(order(`T${i}`, 100 + i));
    }
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => store.ledger.debitOrder(debit(100 + i, `T${i}`, "TEN"))));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok && r.reason === "promo" && r.refusal === "used_up")).toHaveLength(30);
    expect((await store.promos.get("TEN"))?.used).toBe(10);
    expect((await store.promos.given("TEN"))[0]).toMatchObject({ currency: "IDR", count: 10, sum: 1000 });

    await store.ledger.apply(credit(200, 5000, "seed200"));
    for (const id of ["U1", "U2", "U3"]) await store.orders.create(order(id, 200));
    const taps = await Promise.all(["U1", "U2", "U3"].map((id) => store.ledger.debitOrder(debit(200, id, "ONCE"))));
    expect(taps.filter((r) => r.ok)).toHaveLength(1);
    expect(taps.filter((r) => !r.ok && r.reason === "promo" && r.refusal === "per_reseller")).toHaveLength(2);
    expect(await store.promos.usesBy("ONCE", 200)).toBe(1);
  });

  it("gives a use back once when its order is refunded, and counts discounts by time", async () => {
    await store.ledger.apply(credit(31, 5000, "seed31"));
    await store.promos.add(promo("BACK", { maxUses: 1, perReseller: 1 }));
    await store.orders.create(order("B1", 31));
    await store.orders.create(order("B2", 31));
    expect((await store.ledger.debitOrder(debit(31, "B1", "BACK"))).ok).toBe(true);
    expect((await store.promos.discounts(Date.now() - 60_000, Date.now() + 60_000))[0]).toMatchObject({ sum: 100, count: 1 });
    const [one, two] = await Promise.all([store.promos.release("B1"), store.promos.release("B1")]);
    expect([one, two].filter(Boolean)).toHaveLength(1);
    expect(await store.promos.release("B1")).toBe(false);
    expect(await store.promos.release("NEVER")).toBe(false);
    expect((await store.promos.get("BACK"))?.used).toBe(0);
    expect(await store.promos.usesBy("BACK", 31)).toBe(0);
    expect((await store.promos.useOf("B1"))?.releasedAt).toBeDefined();
    expect(await store.promos.discounts(Date.now() - 60_000, Date.now() + 60_000)).toEqual([]);
    // The use given back can be taken again.
    expect((await store.ledger.debitOrder(debit(31, "B2", "BACK"))).ok).toBe(true);
  });
});

describe.each(kvBackends)("kv contract (%s)", (_name, make) => {
  it("sets if absent with a time to live, and counts", async () => {
    const kv = await make();
    expect(await kv.setIfAbsent("lock", "1", 50)).toBe(true);
    expect(await kv.setIfAbsent("lock", "1", 50)).toBe(false);
    await new Promise((r) => setTimeout(r, 80));
    expect(await kv.setIfAbsent("lock", "1", 50)).toBe(true);
    // Released by its owner only: a holder whose lease lapsed cannot free the next holder's lock.
    expect(await kv.setIfAbsent("owned", "token-b", 5_000)).toBe(true);
    expect(await kv.deleteIf("owned", "token-a")).toBe(false);
    expect(await kv.setIfAbsent("owned", "token-c", 5_000)).toBe(false);
    expect(await kv.deleteIf("owned", "token-b")).toBe(true);
    expect(await kv.setIfAbsent("owned", "token-c", 5_000)).toBe(true);
    expect(await kv.incr("c", "a", 2)).toBe(2);
    expect(await kv.counters("c")).toEqual({ a: 2 });
  });
  it("counts in a window that expires (rate limits)", async () => {
    const kv = await make();
    expect(await kv.incr("w", "n", 1, 60)).toBe(1);
    expect(await kv.incr("w", "n", 1, 60)).toBe(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(await kv.counters("w")).toEqual({});
    expect(await kv.incr("w", "n", 1, 60)).toBe(1);
  });
});
