import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startHarness, startTopup, tap, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { startTcpProxy } from "../support/tcp-proxy.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import type { FakeUser } from "../fakes/telegram/index.js";

const PRICE = 21_780;

/** Walks a reseller to the confirmation card of a gametopup top-up. */
async function toConfirm(u: FakeUser) {
  await startTopup(u, /86 Diamonds/);
  await u.send("12345678");
  await u.waitForMessage({ match: /zone/i });
  await u.send("2001");
  await u.waitForMessage({ match: /Confirm your order/ });
}

/** What the reseller is told after Confirm, and the order it names. */
async function confirm(h: Harness, u: FakeUser, outcome: RegExp, timeoutMs = 15_000) {
  const seen = u.messages().length;
  await tap(u, /Confirm/);
  const received = await u.waitForMessage({ match: /received/, after: seen });
  const orderId = /R[0-9A-Z]{10}/.exec(received.text)![0];
  const told = await u.waitForMessage({ match: outcome, after: seen, timeoutMs });
  expect(told.text).toContain(orderId);
  return { orderId, told, order: async () => (await h.app.store.orders.get(orderId))! };
}

describe.skipIf(!redisAvailable || !postgresAvailable)("providers misbehaving", () => {
  let h: Harness;
  let nextId = 6600;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase(), timings: { pollDelaysMs: [600_000] } });
  });
  afterAll(() => h?.close());
  beforeEach(() => h.gametopup.control.reset());

  it("slow (5 s): Confirm is answered at once, the order is placed once when the answer comes", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    await toConfirm(u);
    h.gametopup.control.setLatency("order", 5_000);
    const started = Date.now();
    const { order } = await confirm(h, u, /placed/);
    expect(Date.now() - started).toBeGreaterThanOrEqual(5_000);
    expect((await order()).state).toBe("processing");
    expect(h.gametopup.control.requests("order")).toHaveLength(1);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - PRICE);
  }, 20_000);

  it("wrong JSON in the order answer: the money is held, the reseller is told it is being checked, nothing is sent again", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    await toConfirm(u);
    h.gametopup.control.failNext("order", { afterProcessing: "garbage" });
    const adminSeen = h.admin.messages().length;
    const { orderId, order } = await confirm(h, u, /checking with the provider/);
    expect((await order()).state).toBe("unknown");
    await h.admin.waitForMessage({ match: new RegExp(`${orderId}[\\s\\S]*unknown outcome`), after: adminSeen });
    expect(h.gametopup.control.requests("order")).toHaveLength(1);
    expect(h.gametopup.control.transactions()).toHaveLength(1);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - PRICE);
  });

  it("a 429 storm: the order waits for the provider's Retry-After each time, then goes through once", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    await toConfirm(u);
    const STORM = 4;
    h.gametopup.control.failNext(
      "order",
      { status: 429, body: { status: "error", message: "Too many requests", code: 429 }, headers: { "Retry-After": "1" } },
      STORM,
    );
    const { order } = await confirm(h, u, /placed/, 20_000);
    expect((await order()).state).toBe("processing");
    const calls = h.gametopup.control.requests("order");
    expect(calls).toHaveLength(STORM + 1);
    expect(calls.slice(0, STORM).every((c) => c.status === 429)).toBe(true);
    // Every retry came no sooner than the second the provider asked for.
    for (let i = 1; i < calls.length; i++) expect(calls[i]!.at - calls[i - 1]!.at).toBeGreaterThanOrEqual(950);
    expect(h.gametopup.control.transactions()).toHaveLength(1);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - PRICE);
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
  }, 30_000);
});

describe.skipIf(!redisAvailable || !postgresAvailable)("a provider that is down (connection refused)", () => {
  let h: Harness;
  let databaseUrl: string;
  // The order endpoint goes through a proxy the test switches off: connections are refused, as
  // by a stopped server, so nothing of the request can reach the provider.
  const target = { host: "127.0.0.1", port: 0 };
  const xpayTarget = { host: "127.0.0.1", port: 0 };
  let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
  let xpayProxy: Awaited<ReturnType<typeof startTcpProxy>>;
  beforeAll(async () => {
    proxy = await startTcpProxy(target);
    xpayProxy = await startTcpProxy(xpayTarget);
    databaseUrl = await freshDatabase();
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl,
      env: { GAMETOPUP_ORDER_URL: `http://127.0.0.1:${proxy.port}/order`, XPAY_BASE_URL: `http://127.0.0.1:${xpayProxy.port}` },
      timings: { pollDelaysMs: [600_000] },
    });
    target.port = Number(new URL(h.gametopup.orderUrl).port);
    xpayTarget.port = Number(new URL(h.xpay.url).port);
    await proxy.down();
  });
  afterAll(async () => {
    proxy?.close();
    xpayProxy?.close();
    await h?.close();
  });

  it("holds the charged order in line while nothing can be sent, and places it once when the provider is back", async () => {
    const u = await h.reseller(6700);
    await h.credit(u.id, 100_000, "IDR");
    await toConfirm(u);
    const seen = u.messages().length;
    await tap(u, /Confirm/);
    const received = await u.waitForMessage({ match: /received/, after: seen });
    const orderId = /R[0-9A-Z]{10}/.exec(received.text)![0];
    // Two refused attempts at least (retried every 2 s): still waiting, unclaimed, nothing sent.
    await new Promise((r) => setTimeout(r, 4_500));
    const waiting = (await h.app.store.orders.get(orderId))!;
    expect(waiting.state).toBe("pending");
    expect(h.gametopup.control.requests("order")).toHaveLength(0);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - PRICE);

    await proxy.up();
    await u.waitForMessage({ match: new RegExp(`${orderId}[\\s\\S]*placed`), after: seen, timeoutMs: 15_000 });
    expect((await h.app.store.orders.get(orderId))?.state).toBe("processing");
    expect(h.gametopup.control.requests("order")).toHaveLength(1);
    const debits = (await h.app.store.ledger.entries(u.id, { limit: 20 })).filter((e) => e.type === "debit");
    expect(debits).toHaveLength(1);
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
    await proxy.down();
  }, 40_000);

  it("refunds with a clear reason when the provider stays unreachable for 10 minutes", async () => {
    const u = await h.reseller(6701);
    await h.credit(u.id, 100_000, "IDR");
    await toConfirm(u);
    const seen = u.messages().length;
    const requestsBefore = h.gametopup.control.requests("order").length;
    await tap(u, /Confirm/);
    const received = await u.waitForMessage({ match: /received/, after: seen });
    const orderId = /R[0-9A-Z]{10}/.exec(received.text)![0];
    // The provider first turned it away 11 minutes ago, as far as its record knows: the next attempt gives up.
    const turnedAway = "not placed: the provider asked us to wait or could not be reached";
    await waitFor(
      async () => ((await h.app.store.orders.get(orderId))?.history.some((e) => e.note === turnedAway) ? true : undefined),
      10_000,
      "the first unreachable attempt",
    );
    const sql = new pg.Client(databaseUrl);
    await sql.connect();
    try {
      // The events are append-only for the bot (a trigger); this test's own database lets it rewrite history.
      await sql.query("SET session_replication_role = replica");
      await sql.query("UPDATE order_events SET at = at - interval '11 minutes' WHERE order_id = $1 AND note = $2", [orderId, turnedAway]);
    } finally {
      await sql.end();
    }
    const told = await u.waitForMessage({ match: /could not be reached/, after: seen, timeoutMs: 15_000 });
    expect(told.text).toContain(orderId);
    expect(told.text).toMatch(/refunded/);
    expect((await h.app.store.orders.get(orderId))?.state).toBe("refunded");
    expect(h.gametopup.control.requests("order")).toHaveLength(requestsBefore);
    expect(await h.balance(u.id, "IDR")).toBe(100_000);
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  }, 40_000);

  it("opens a deposit's bill once xpay can be reached again, instead of failing it", async () => {
    const u = await h.reseller(6702);
    await xpayProxy.down();
    const after = u.messages().length;
    await u.send("/deposit");
    await tap(u, /50,000/);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(h.xpay.control.bills()).toHaveLength(0);
    expect(
      u
        .messages()
        .slice(after)
        .some((m) => /failed|could not/i.test(m.text)),
    ).toBe(false);
    await xpayProxy.up();
    const card = await u.waitForMessage({ match: /through xpay before/, after, timeoutMs: 20_000 });
    const depositId = /(D[0-9A-Z]{10})/.exec(card.text)![1]!;
    expect(h.xpay.control.bills().filter((b) => b.reference === depositId)).toHaveLength(1);
  }, 40_000);
});
