import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fakes/telegram/index.js";
import { pendingOrder } from "../support/fixtures.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, startTopup, tap, toConfirmCard, type Harness } from "../support/harness.js";

// Mobile Legends 86 Diamonds costs Rp 19.800 at the fake; member markup 10% → Rp 21.780.
const PRICE = 21_780;
const ML86 = "gametopup:1";

describe.skipIf(!redisAvailable || !postgresAvailable)("promo codes through the bot and the API (SPEC §7)", () => {
  let h: Harness;
  let nextId = 8000;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      env: { API_RATE_PER_SECOND: "1000", TRUSTED_PROXIES: "127.0.0.1" },
    });
  });
  afterAll(() => h?.close());

  const admin = async (text: string, match?: RegExp) => {
    const seen = h.admin.messages().length;
    await h.admin.send(text);
    return (await h.admin.waitForMessage({ after: seen, match })).text;
  };
  /** A use of `code` taken by an earlier order of `userId` (the store's own debit path). */
  const useUp = async (code: string, userId: number) => {
    const id = `RUSE${String(nextId++).padStart(6, "0")}`;
    await h.credit(userId, PRICE, "IDR");
    await h.app.store.orders.create(pendingOrder(id, userId, Date.now(), PRICE));
    const r = await h.app.store.ledger.debitOrder({
      userId,
      currency: "IDR",
      amount: -PRICE,
      type: "debit",
      reason: "order",
      actor: "test",
      orderId: id,
      key: `order:${id}:debit`,
      promo: { code, discount: 100, currency: "IDR" },
    });
    expect(r.ok).toBe(true);
  };
  /** Taps 🎟 on the newest card and types `code`; the bot's answer. */
  const tryCode = async (u: FakeUser, code: string, match?: RegExp) => {
    let seen = u.messages().length;
    await tap(u, /Promo code/);
    await u.waitForMessage({ after: seen, match: /Type your promo code/ });
    seen = u.messages().length;
    await u.send(code);
    return u.waitForMessage({ after: seen, match });
  };

  it("/promo add, list, off and <CODE>; bad forms answered with what is wrong", async () => {
    expect(await admin("/promo add")).toMatch(/Usage: \/promo add/);
    expect(await admin("/promo add X1 10")).toMatch(/Usage/);
    expect(await admin("/promo add HEMAT 150%")).toMatch(/is not a discount/);
    expect(await admin("/promo add HEMAT 10% colour=red")).toMatch(/do not understand/);
    expect(await admin("/promo add HEMAT 10% min=5000")).toMatch(/names its currency/);
    expect(await admin("/promo add HEMAT 10% until=2026-02-30")).toMatch(/do not understand/);
    expect(await admin("/promo add LIST 10%")).toMatch(/not a promo code/);
    expect(await admin("/promo add HEMAT 1000 XYZ")).toMatch(/XYZ/);
    expect(await admin("/promo off")).toMatch(/Usage/);

    expect(await admin("/promo")).toMatch(/No promo codes yet/);
    expect(await admin("/promo add hemat 10% uses=100 per=2 until=2099-12-31")).toMatch(
      /HEMAT.*added[\s\S]*used 0 of 100 · 2 per reseller · until 2099-12-31/,
    );
    expect(await admin("/promo add HEMAT 5%")).toMatch(/exists already/);
    expect(await admin("/promo add FLAT 1000 IDR min=10000 product=gametopup:1")).toMatch(/FLAT/);
    const list = await admin("/promo list");
    expect(list).toMatch(/HEMAT/);
    expect(list).toMatch(/FLAT.*1,000.*from IDR\s10,000 · only gametopup:1/);
    expect(await admin("/promo off NOPE")).toMatch(/There is no promo code/);
    expect(await admin("/promo HEMAT")).toMatch(/used 0 of 100[\s\S]*No discount given yet/);
    const audit = await h.app.store.audit.recent(10);
    expect(audit.map((a) => a.action)).toContain("promo_add");
  });

  it("the card's 🎟 button: each refusal in one line, the clamp at cost, then the new price, and Confirm charges it", async () => {
    const s = h.app.services;
    const add = (code: string, more: Record<string, unknown> = {}) =>
      s.promos.add({ code, discount: { kind: "amount", amount: 1000, currency: "IDR" }, createdBy: 1, ...more });
    await add("OFFC");
    await s.promos.turnOff("OFFC");
    await add("OLDC", { until: Date.now() - 1000 });
    await add("USEDC", { maxUses: 1 });
    await add("PERC", { perReseller: 1 });
    await add("MINC", { min: { amount: 50_000, currency: "IDR" } });
    await add("PRODC", { product: "xinstitute:abc" });
    await add("BIG20", { discount: { kind: "percent", bp: 2000 } });
    await add("TRIM", { discount: { kind: "percent", bp: 450 } });
    const u = await h.reseller(nextId++);
    await useUp("USEDC", 1);
    await useUp("PERC", u.id);
    await h.credit(u.id, 100_000, "IDR");
    const before = await h.balance(u.id, "IDR");
    const card = await toConfirmCard(u);
    expect(card.text).toMatch(/IDR\s21,780/);

    expect((await tryCode(u, "nope")).text).toBe("There is no such promo code.");
    // The flow waits for another code after a refusal.
    const line = async (code: string) => {
      const seen = u.messages().length;
      await u.send(code);
      return (await u.waitForMessage({ after: seen })).text;
    };
    expect(await line("offc")).toBe("This promo code has been switched off.");
    expect(await line("OLDC")).toBe("This promo code has expired.");
    expect(await line("USEDC")).toBe("This promo code has been used up.");
    expect(await line("PERC")).toBe("You have already used this promo code as often as it allows.");
    expect(await line("MINC")).toBe("This order is below the promo code's minimum.");
    expect(await line("PRODC")).toBe("This promo code is not for this product.");

    // 20% would be Rp 4.356, but the price stops at the cost (Rp 19.800): Rp 1.980 off.
    const clamped = await line("big20");
    expect(clamped).toMatch(/Price: IDR\s19,800/);
    expect(clamped).toMatch(/BIG20.*IDR\s21,780 → you save IDR\s1,980/);
    expect(clamped).toMatch(/cannot go below our cost/);
    // The old card lost its buttons: the new one is the card to confirm.
    expect(u.messages().find((m) => m.message_id === card.message_id)?.reply_markup).toBeUndefined();

    // Another code on the same card replaces the first; 4.5% of Rp 21.780 (980.1) rounds down to Rp 980.
    const trimmed = (await tryCode(u, "TRIM", /Confirm your order/)).text;
    expect(trimmed).toMatch(/Price: IDR\s20,800/);
    expect(trimmed).toMatch(/you save IDR\s980/);
    expect(trimmed).not.toMatch(/below our cost/);

    const seen = u.messages().length;
    await tap(u, /Confirm/);
    const placed = await u.waitForMessage({ match: /placed|accepted|order/i, after: seen });
    expect(placed.text).toMatch(/20,800/);
    expect(await h.balance(u.id, "IDR")).toBe(before - 20_800);
    const orderId = /R[0-9A-Z]{10}/.exec(placed.text)![0];
    expect((await h.app.store.promos.useOf(orderId))?.discount).toBe(980);
    expect(await admin("/promo TRIM")).toMatch(/used 1 of ∞[\s\S]*Discount given: IDR\s980/);
    // /stats shows the discounts given, as already out of the sales (revenue is what was paid).
    expect(await admin("/stats", /Promo discounts/)).toMatch(/Promo discounts: 3, total IDR\s1,180/);
  });

  it("a code switched off after the card showed it: Confirm charges nothing and says why", async () => {
    const s = h.app.services;
    await s.promos.add({ code: "GONE", discount: { kind: "amount", amount: 500, currency: "IDR" }, createdBy: 1 });
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "IDR");
    await toConfirmCard(u);
    expect((await tryCode(u, "GONE", /Confirm your order/)).text).toMatch(/you save IDR\s500/);
    expect(await admin("/promo off GONE")).toMatch(/GONE.*is off/);
    const seen = u.messages().length;
    await tap(u, /Confirm/);
    const refused = await u.waitForMessage({ after: seen, match: /Nothing was charged/ });
    expect(refused.text).toMatch(/switched off/);
    expect(await h.balance(u.id, "IDR")).toBe(50_000);
  });

  it("a bulk card takes a code on every line; the lines beyond its uses are not placed and nothing is charged for them", async () => {
    const s = h.app.services;
    await s.promos.add({ code: "BULK2", discount: { kind: "amount", amount: 500, currency: "IDR" }, maxUses: 2, createdBy: 1 });
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    await startTopup(u, /86 Diamonds/);
    await tap(u, /Bulk/);
    await u.waitForMessage({ match: /Bulk top-up/ });
    let seen = u.messages().length;
    await u.send("7000001 2001\n7000002 2001\n7000003 2001");
    await u.waitForMessage({ after: seen, match: /Confirm your bulk top-up/ });
    const card = await tryCode(u, "bulk2", /Confirm your bulk top-up/);
    expect(card.text).toMatch(/BULK2.*every line.*you save IDR\s500/);
    seen = u.messages().length;
    await tap(u, /Confirm/);
    const result = await u.waitForMessage({ after: seen, match: /orders received|Not placed/ });
    expect(result.text).toMatch(/2 of 3 orders received/);
    expect(result.text).toMatch(/Not placed \(1\): This promo code has been used up/);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - 2 * (PRICE - 500));
    expect((await s.promos.get("BULK2"))?.used).toBe(2);
  });

  it("Buy again's card takes a code too; the provider's refusal refunds the discounted price and gives the use back", async () => {
    const s = h.app.services;
    await s.promos.add({ code: "AGAIN1", discount: { kind: "amount", amount: 300, currency: "IDR" }, maxUses: 1, createdBy: 1 });
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const first = await toConfirmCard(u);
    let seen = u.messages().length;
    await u.press(/Confirm/, { messageId: first.message_id });
    const placed = await u.waitForMessage({ after: seen, match: /placed/ });
    const orderId = /R[0-9A-Z]{10}/.exec(placed.text)![0];
    const trx = (await h.app.store.orders.get(orderId))!.providerOrderId!;
    seen = u.messages().length;
    h.gametopup.control.setTransactionStatus(trx, "Success");
    const push = await u.waitForMessage({ after: seen, match: new RegExp(`${orderId}.*completed`, "s"), timeoutMs: 10_000 });
    const paid = await h.balance(u.id, "IDR");

    await u.press(/Buy again/, { messageId: push.message_id });
    await u.waitForMessage({ match: /Confirm your order/, after: seen });
    const card = await tryCode(u, "AGAIN1", /Confirm your order/);
    expect(card.text).toMatch(/Price: IDR\s21,480/);
    h.gametopup.control.failNext("order", { status: 400, body: { status: "error", message: "Saldo tidak cukup", code: 400 } });
    seen = u.messages().length;
    await u.press(/Confirm/, { messageId: card.message_id });
    const refused = await u.waitForMessage({ after: seen, match: /refused/ });
    expect(refused.text).toMatch(/21,480/);
    expect(await h.balance(u.id, "IDR")).toBe(paid);
    expect((await s.promos.get("AGAIN1"))?.used).toBe(0);
    const again = /R[0-9A-Z]{10}/.exec(refused.text)![0];
    expect((await h.app.store.promos.useOf(again))?.releasedAt).toBeDefined();
  });

  it("API orders take promo_code: the discounted price, or a 422 naming promo_code and nothing charged", async () => {
    const s = h.app.services;
    await s.promos.add({ code: "APIONE", discount: { kind: "amount", amount: 700, currency: "IDR" }, maxUses: 1, createdBy: 1 });
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const { key } = await h.app.api.keys.issue(u.id);
    const post = (body: unknown) =>
      fetch(`${h.url}/api/v1/orders`, {
        method: "POST",
        headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    const base = { product_id: ML86, player_id: "12345678", zone: "2001" };
    const first = await post({ ...base, ref_id: "promo-1", promo_code: "apione" });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ price: PRICE - 700, balance_after: 100_000 - (PRICE - 700) });

    const second = await post({ ...base, ref_id: "promo-2", promo_code: "APIONE" });
    expect(second.status).toBe(422);
    expect(await second.json()).toMatchObject({ errors: [{ field: "promo_code", code: "not_applicable", reason: "used_up" }] });
    const unknown = await post({ ...base, ref_id: "promo-3", promo_code: "NOSUCH" });
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ errors: [{ field: "promo_code", reason: "unknown" }] });
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - (PRICE - 700));

    // Ten shop requests at once for a code with one use: one order at the discount, nine 422s,
    // and each 422's ref_id sent again is a 422 again (never a 200 for an order nobody paid).
    await s.promos.add({ code: "APIRACE", discount: { kind: "amount", amount: 200, currency: "IDR" }, maxUses: 1, createdBy: 1 });
    const bodies = Array.from({ length: 10 }, (_, i) => ({ ...base, ref_id: `race-${i}`, promo_code: "APIRACE" }));
    const answers = await Promise.all(bodies.map((b) => post(b)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(9).fill(422)]);
    const again = await Promise.all(bodies.filter((_, i) => answers[i]!.status === 422).map((b) => post(b)));
    expect(again.every((a) => a.status === 422)).toBe(true);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - (PRICE - 700) - (PRICE - 200));
  });
});
