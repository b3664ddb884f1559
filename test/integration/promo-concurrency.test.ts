import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, type Harness } from "../support/harness.js";

/**
 * SPEC §7: a promo code's limits hold under any concurrency, because its use is taken in the
 * debit's own PostgreSQL transaction. Two bot processes (two Apps on one PostgreSQL and Redis)
 * confirm at once, through the domain as a Confirm tap does.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("promo codes under concurrency (two processes, PostgreSQL)", () => {
  let h: Harness;
  let other: App;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
    other = await h.another();
  });
  afterAll(() => h?.close());

  const product = async () => (await h.app.services.catalog.products()).find((p) => p.provider === "gametopup" && p.sku === "1")!;
  /** A reseller's card with the code applied, as the 🎟 button leaves it. */
  const card = async (userId: number, code: string) => {
    const s = h.app.services;
    const p = await product();
    const draft = await s.drafts.create(userId, p, await s.catalog.price(p, "member"), { playerId: "12345678", zone: "2001" });
    const applied = await s.promos.applyToDraft(draft.id, userId, code);
    if (!applied.ok) throw new Error(`the code did not apply: ${applied.reason}`);
    return applied;
  };

  it("uses=10 and 100 resellers confirming at once in two processes: exactly 10 discounted orders, the rest charged nothing", async () => {
    const s = h.app.services;
    await s.promos.add({ code: "TEN", discount: { kind: "amount", amount: 500, currency: "IDR" }, maxUses: 10, createdBy: 1 });
    const ids = Array.from({ length: 100 }, (_, i) => 7000 + i);
    const cards = [];
    for (const id of ids) {
      await h.reseller(id);
      const c = await card(id, "TEN");
      await h.credit(id, c.full.amount, "IDR");
      cards.push(c);
    }
    const outcomes = await Promise.all(cards.map((c, i) => (i % 2 === 0 ? s : other.services).orders.accept(c.draft.id, c.draft.userId)));
    const accepted = outcomes.filter((o) => o.kind === "accepted");
    expect(accepted).toHaveLength(10);
    expect(outcomes.filter((o) => o.kind === "promo" && o.reason === "used_up")).toHaveLength(90);
    for (const o of accepted) {
      expect(o.order.price.amount).toBe(cards[0]!.full.amount - 500);
      expect(await h.balance(o.order.userId, "IDR")).toBe(500);
      expect((await h.app.store.promos.useOf(o.order.id))?.discount).toBe(500);
    }
    // The 90 refused were charged nothing, and their orders are failed, never sent.
    for (const o of outcomes.filter((x) => x.kind === "promo")) {
      expect(await h.balance(o.order.userId, "IDR")).toBe(cards[0]!.full.amount);
      expect((await h.app.store.orders.get(o.order.id))?.state).toBe("failed");
    }
    expect((await s.promos.get("TEN"))?.used).toBe(10);
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
  });

  it("per=1 and one reseller's double tap on two cards at once (two processes): one discount", async () => {
    const s = h.app.services;
    await s.promos.add({ code: "ONCE", discount: { kind: "percent", bp: 100 }, perReseller: 1, createdBy: 1 });
    await h.reseller(7200);
    const a = await card(7200, "ONCE");
    const b = await card(7200, "ONCE");
    await h.credit(7200, a.full.amount * 2, "IDR");
    const [x, y] = await Promise.all([s.orders.accept(a.draft.id, 7200), other.services.orders.accept(b.draft.id, 7200)]);
    expect([x.kind, y.kind].sort()).toEqual(["accepted", "promo"]);
    expect([x, y].find((o) => o.kind === "promo")).toMatchObject({ reason: "per_reseller" });
    expect(await s.promos.usesBy("ONCE", 7200)).toBe(1);
    // The same card tapped twice is one order: no second use, no second charge.
    const again = await other.services.orders.accept((x.kind === "accepted" ? a : b).draft.id, 7200);
    expect(again.kind).toBe("existing");
    expect(await s.promos.usesBy("ONCE", 7200)).toBe(1);
  });

  it("a refund gives the use back, once, and the code can be used again", async () => {
    const s = h.app.services;
    await s.promos.add({ code: "BACK", discount: { kind: "amount", amount: 300, currency: "IDR" }, maxUses: 1, createdBy: 1 });
    await h.reseller(7300);
    await h.reseller(7301);
    const first = await card(7300, "BACK");
    await h.credit(7300, first.full.amount, "IDR");
    const out = await s.orders.accept(first.draft.id, 7300);
    expect(out.kind).toBe("accepted");
    expect((await s.promos.get("BACK"))?.used).toBe(1);
    // Used up now: another reseller's card refuses the code.
    const p = await product();
    const late = await s.drafts.create(7301, p, await s.catalog.price(p, "member"), { playerId: "12345678" });
    expect(await s.promos.applyToDraft(late.id, 7301, "back")).toEqual({ ok: false, reason: "used_up" });

    expect(await Promise.all([s.orders.adminRefund(first.draft.id, 1), other.services.orders.adminRefund(first.draft.id, 1)])).toEqual(
      expect.arrayContaining(["refunded", "already"]),
    );
    expect(await h.balance(7300, "IDR")).toBe(first.full.amount);
    expect((await s.promos.get("BACK"))?.used).toBe(0);
    const again = await s.promos.applyToDraft(late.id, 7301, "BACK");
    expect(again.ok).toBe(true);
  });
});
