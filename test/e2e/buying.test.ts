import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, startTopup, tap, type Harness } from "../support/harness.js";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
// Mobile Legends 86 Diamonds costs Rp 19.800 at the fake; member markup 10% → Rp 21.780.
const PRICE = 21_780;
const COST = 19_800;

describe.skipIf(!redisAvailable || !postgresAvailable)("buying through the bot (fake Bot API, fake gametopup, real Redis)", () => {
  let h: Harness;
  let nextId = 3000;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      timings: { providerTimeouts: { orderMs: 400, readMs: 1000 } },
    });
  });
  afterAll(() => h?.close());
  beforeEach(() => {
    h.gametopup.control.reset();
    h.gametopup.control.setLatency("order", 0);
  });

  /** /topup → ML 86 → player 12345678, zone 2001 → the confirmation card. */
  async function toConfirmCard(u: FakeUser) {
    await startTopup(u, /86 Diamonds/);
    await u.send("12345678");
    await u.waitForMessage({ match: /zone/i });
    await u.send("(2001)");
    return u.waitForMessage({ match: /Confirm your order/ });
  }

  it("places a top-up with the documented hash and headers, and debits exactly the price shown", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const card = await toConfirmCard(u);
    expect(card.text).toMatch(/IDR\s21,780/); // Intl puts a no-break space after the code
    expect(card.text).toContain("12345678");
    expect(card.text).toContain("2001");

    const seen = u.messages().length;
    await tap(u, /Confirm/);
    const placed = await u.waitForMessage({ match: /placed/, after: seen });
    const orderId = /R[0-9A-Z]{10}/.exec(placed.text)![0];

    const [req] = h.gametopup.control.requests("order");
    expect(req).toBeDefined();
    expect(req!.body).toEqual({ user_id: "12345678", zone: "2001", produk_id: "1", ref_id: orderId });
    expect(req!.headers.authorization).toBe(`Bearer ${sha256(h.gametopup.apiKey + orderId + COST)}`);
    expect(req!.headers["x-api-key"]).toBe(h.gametopup.apiKey);
    expect(Math.abs(Number(req!.headers["x-request-time"]) - Date.now() / 1000)).toBeLessThan(10);

    expect(await h.balance(u.id, "IDR")).toBe(100_000 - PRICE);
    const entries = await h.app.store.ledger.entries(u.id, { limit: 100 });
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(100_000 - PRICE);

    await u.send("/balance");
    const bal = await u.waitForMessage({ match: /wallet/i });
    expect(bal.text).toContain("78,220");
  });

  it("refuses when the balance is short, without calling the provider", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 1_000, "IDR");
    const card = await toConfirmCard(u);
    expect(card.text).toMatch(/not enough/);
    const seen = u.messages().length;
    await tap(u, /Confirm/);
    await u.waitForMessage({ match: /Not enough balance/, after: seen });
    expect(h.gametopup.control.requests("order")).toHaveLength(0);
    expect(await h.balance(u.id, "IDR")).toBe(1_000);
  });

  it("turns two Confirm taps 20 ms apart into one order and one debit", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const card = await toConfirmCard(u);
    const seen = u.messages().length;
    await u.doubleTap(/Confirm/, 20, { messageId: card.message_id });
    await u.waitForMessage({ match: /placed/, after: seen });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.gametopup.control.requests("order")).toHaveLength(1);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - PRICE);
    const debits = (await h.app.store.ledger.entries(u.id, { limit: 100 })).filter((e) => e.type === "debit");
    expect(debits).toHaveLength(1);
  });

  it("refunds once and says why when the provider refuses (Saldo tidak cukup)", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "IDR");
    await toConfirmCard(u);
    h.gametopup.control.failNext("order", { status: 400, body: { status: "error", message: "Saldo tidak cukup", code: 400 } });
    const seen = u.messages().length;
    await tap(u, /Confirm/);
    const msg = await u.waitForMessage({ match: /refused/, after: seen });
    expect(msg.text).toMatch(/refunded/);
    expect(await h.balance(u.id, "IDR")).toBe(50_000);
    const refunds = (await h.app.store.ledger.entries(u.id, { limit: 100 })).filter((e) => e.type === "refund");
    expect(refunds).toHaveLength(1);
    expect(h.gametopup.control.requests("order")).toHaveLength(1);
  });

  it("holds the funds, marks the order unknown and alerts admins when the provider times out", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "IDR");
    await toConfirmCard(u);
    h.gametopup.control.setLatency("order", 1_500);
    const adminBefore = h.admin.messages().length;
    const seen = u.messages().length;
    await tap(u, /Confirm/);
    const msg = await u.waitForMessage({ match: /did not answer in time/, after: seen });
    const orderId = /R[0-9A-Z]{10}/.exec(msg.text)![0];
    const order = await h.app.store.orders.get(orderId);
    expect(order?.state).toBe("unknown");
    expect(await h.balance(u.id, "IDR")).toBe(50_000 - PRICE);
    // Admins' alerts queue behind earlier notices to the same chat at Telegram's 1 a second.
    const alert = await h.admin.waitForMessage({ match: new RegExp(orderId), after: adminBefore, timeoutMs: 15_000 });
    expect(alert.text).toMatch(/unknown outcome/);
    await new Promise((r) => setTimeout(r, 1_700));
    expect(h.gametopup.control.requests("order")).toHaveLength(1);
  });

  it("answers /status with the live state, asking with the documented status hash", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "IDR");
    await toConfirmCard(u);
    const seen = u.messages().length;
    await tap(u, /Confirm/);
    const placed = await u.waitForMessage({ match: /placed/, after: seen });
    const orderId = /R[0-9A-Z]{10}/.exec(placed.text)![0];
    const order = await h.app.store.orders.get(orderId);
    const trxId = order!.providerOrderId!;
    h.gametopup.control.setTransactionStatus(trxId, "Success", "Pembelian berhasil", "Player123");
    const before = h.gametopup.control.requests("status").length;
    await u.send(`/status ${orderId}`);
    const card = await u.waitForMessage({ match: new RegExp(`Order ${orderId}|${orderId}`) });
    expect(card.text).toMatch(/completed/);
    expect(card.text).toContain("Player123");
    const statusReqs = h.gametopup.control.requests("status").slice(before);
    expect(statusReqs.length).toBeGreaterThanOrEqual(1);
    expect(statusReqs[0]!.headers.authorization).toBe(`Bearer ${sha256(h.gametopup.apiKey + trxId)}`);
    expect(statusReqs[0]!.body).toEqual({ trx_id: trxId });
    // By the provider's transaction id too.
    await u.send(`/status ${trxId}`);
    await u.waitForMessage({ match: new RegExp(orderId) });
  });

  it("keeps a reseller who is not approved from buying", async () => {
    const u = await h.reseller(nextId++, { active: false });
    await u.send("/start");
    await u.waitForMessage({ match: /waiting for approval/ });
    // Behind the reseller gate: not even the catalogue (test/e2e/reseller-gate.test.ts has every command and button).
    const seen = u.messages().length;
    await u.send("/topup");
    await u.waitForMessage({ match: /waiting for approval/, after: seen });
    expect(u.buttons(u.lastMessage())).toEqual([]);
    u.pressData("b:g:1");
    await u.waitForMessage({ match: /waiting for approval/, after: seen + 1 });
    expect(await h.app.store.orders.countByUser(u.id)).toBe(0);
  });

  it("browses the catalogue 200 times within the TTL with at most one upstream list call", async () => {
    const before = h.gametopup.control.requests("products").length;
    await h.app.store.kv.del("catalog:gametopup");
    const tier = "member" as const;
    await Promise.all(Array.from({ length: 200 }, () => h.app.services.catalog.priced(tier)));
    expect(h.gametopup.control.requests("products").length - before).toBeLessThanOrEqual(1);
    const u = await h.reseller(nextId++);
    for (let i = 0; i < 5; i++) {
      await u.send("/topup");
      await u.waitForMessage({ match: /choose a game/i });
    }
    expect(h.gametopup.control.requests("products").length - before).toBeLessThanOrEqual(1);
  });
});
