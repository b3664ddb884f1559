import { Redis } from "ioredis";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FakeUser } from "../fakes/telegram/index.js";
import { startHarness, tap, toConfirmCard, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const FAILURES = 5;
const STREAK = "maintenance:streak:gametopup";
const unavailable = { status: 503, body: { status: "error", message: "Service Unavailable" } };
const refused = { status: 400, body: { status: "error", message: "Bad request" } };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Presses Confirm on the card open in the chat and resolves with the answer. */
async function confirm(u: FakeUser) {
  const seen = u.messages().length;
  await tap(u, /Confirm/);
  return u.waitForMessage({ match: /maintenance|received/, after: seen });
}

/**
 * Automatic maintenance (SPEC §5) against the fake gametopup made to fail: 5xx, dropped
 * connections and timeouts count, failures in a row put the provider in maintenance, the health
 * check lifts it when the fake answers again.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("automatic maintenance (fake gametopup made to fail)", () => {
  let h: Harness;
  let redis: Redis;
  let nextId = 8300;
  beforeAll(async () => {
    const redisUrl = await freshRedisDb();
    redis = new Redis(redisUrl);
    h = await startHarness({
      redisUrl,
      databaseUrl: await freshDatabase(),
      env: { MAINTENANCE_AUTO_FAILURES: String(FAILURES) },
      timings: { pollDelaysMs: [600_000], maintenanceHealthEveryMs: 1_000, providerTimeouts: { orderMs: 2_000, readMs: 500 } },
    });
  });
  afterAll(async () => {
    redis?.disconnect();
    await h?.close();
  });
  beforeEach(async () => {
    // gametopup documents 20 catalogue reads a minute, and every read here (ours, the health
    // check's) goes through that shared limit: each test starts with a fresh minute of it.
    await redis.del("rb:limit:gametopup:products", "rb:limit:gametopup:products:pause");
    h.gametopup.control.reset();
    for (const e of await h.app.store.maintenance.list()) await h.app.store.maintenance.clear(e.scope, e.target);
    await h.app.store.kv.del(STREAK);
  });

  /** Reads the catalogue as /sync does: one call, its own retries. */
  const sync = () => h.app.services.catalog.refresh();
  const streak = async () => (await h.app.store.kv.counters(STREAK)).failures ?? 0;
  const inMaintenance = async () => (await h.app.services.maintenance.view()).entries;

  it(`${FAILURES} failures in a row (5xx, dropped, timeout): maintenance, announced, refused; answers again: lifted, announced, buyable`, async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    // A card opened while all is well.
    await toConfirmCard(u);
    const adminSeen = h.admin.messages().length;
    h.gametopup.control.failNext("products", unavailable, 2);
    h.gametopup.control.failNext("products", "reset", 2);
    h.gametopup.control.failNext("products", "timeout", 1);
    // And it stays down (also for the health check) until the test lets it answer.
    h.gametopup.control.failNext("products", unavailable, 1000);
    await sync();
    expect(await inMaintenance()).toEqual([]);
    await sync();

    const on = await h.admin.waitForMessage({ match: /Provider gametopup is in maintenance/, after: adminSeen });
    expect(on.text).toContain(`${FAILURES} calls failed in a row`);
    expect(await inMaintenance()).toMatchObject([{ scope: "provider", target: "gametopup", auto: true }]);

    const told = await confirm(u);
    expect(told.text).toMatch(/provider is under maintenance[\s\S]*not answering/);
    expect(await h.balance(u.id, "IDR")).toBe(100_000);
    expect(await h.app.store.orders.byUser(u.id)).toEqual([]);
    expect(h.gametopup.control.requests("order")).toHaveLength(0);
    // The health check keeps reading it meanwhile, and keeps it in maintenance.
    await waitFor(async () => (h.gametopup.control.requests("products").length >= 10 ? true : undefined), 10_000, "health checks");
    expect(await inMaintenance()).toHaveLength(1);

    h.gametopup.control.reset();
    const off = await h.admin.waitForMessage({ match: /Provider gametopup answers again/, after: adminSeen, timeoutMs: 10_000 });
    expect(off.text).toMatch(/out of maintenance/);
    expect(await inMaintenance()).toEqual([]);
    expect(await streak()).toBe(0);
    await toConfirmCard(u);
    expect((await confirm(u)).text).toMatch(/received/);
  }, 40_000);

  it(`${FAILURES - 1} failures then an answer: no maintenance, the streak starts over`, async () => {
    h.gametopup.control.failNext("products", unavailable, FAILURES - 1);
    await sync(); // three attempts, all failed
    await sync(); // one failed, then an answer
    await sleep(200);
    expect(await streak()).toBe(0);
    expect(await inMaintenance()).toEqual([]);
  });

  it("4xx answers do not count: they end a streak like any answer", async () => {
    h.gametopup.control.failNext("products", unavailable, 3);
    h.gametopup.control.failNext("products", refused, 1);
    h.gametopup.control.failNext("products", unavailable, 3);
    await sync(); // 3 failures
    await sync(); // a 400: not retried, ends the streak
    await sync(); // 3 failures again
    await sleep(200);
    expect(await streak()).toBe(3);
    expect(await inMaintenance()).toEqual([]);

    h.gametopup.control.reset();
    h.gametopup.control.failNext("products", refused, FAILURES + 2);
    for (let i = 0; i < FAILURES + 2; i++) await sync();
    await sleep(200);
    expect(await streak()).toBe(0);
    expect(await inMaintenance()).toEqual([]);
  });

  it("an order placed before keeps being followed while its provider is in maintenance", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    await toConfirmCard(u);
    const seen = u.messages().length;
    await tap(u, /Confirm/);
    const placed = await u.waitForMessage({ match: /placed/, after: seen });
    const orderId = /R[0-9A-Z]{10}/.exec(placed.text)![0];
    const order = (await h.app.store.orders.get(orderId))!;
    expect(order.state).toBe("processing");

    h.gametopup.control.failNext("products", unavailable, 1000);
    await sync();
    await sync();
    await waitFor(async () => ((await inMaintenance()).length ? true : undefined), 5_000, "automatic maintenance");

    // The provider's other endpoints still answer: the status poll (what the poll job runs) completes the order.
    h.gametopup.control.setTransactionStatus(order.providerOrderId!, "Success");
    expect(await h.app.services.orders.poll(orderId)).toBe("done");
    expect((await h.app.store.orders.get(orderId))?.state).toBe("completed");
    await u.waitForMessage({ match: new RegExp(`${orderId}[\\s\\S]*(completed|delivered|done)`, "i"), after: seen });
    expect(await inMaintenance()).toHaveLength(1);
    // Let the provider answer and the health check lift it, so that no check is left running.
    h.gametopup.control.reset();
    await waitFor(async () => ((await inMaintenance()).length === 0 ? true : undefined), 10_000, "the health check's lift");
  });

  it("a maintenance set by hand is never lifted by the health check; lifting a provider by hand clears its streak", async () => {
    const adminSeen = h.admin.messages().length;
    await h.admin.send("/maintenance gametopup on moving servers");
    await h.admin.waitForMessage({ match: /is in maintenance now/, after: adminSeen });
    h.gametopup.control.failNext("products", unavailable, 3);
    await sync();
    await sleep(1_200); // several health-check periods with gametopup answering
    expect(await inMaintenance()).toMatchObject([{ target: "gametopup", auto: false, note: "moving servers" }]);
    expect(await streak()).toBe(3);

    await h.admin.send("/maintenance gametopup off");
    await h.admin.waitForMessage({ match: /is out of maintenance/, after: adminSeen });
    expect(await streak()).toBe(0);
    expect(await inMaintenance()).toEqual([]);
  });

  it("counts the failures of every process in one streak, and only one process announces", async () => {
    const other = await h.another();
    const adminSeen = h.admin.messages().length;
    h.gametopup.control.failNext("products", unavailable, 1000);
    await sync(); // 3 failures here
    await other.services.catalog.refresh(); // 3 more in the other process: 6 in a row
    await waitFor(async () => ((await inMaintenance()).length ? true : undefined), 5_000, "automatic maintenance");
    await h.admin.waitForMessage({ match: /Provider gametopup is in maintenance/, after: adminSeen });
    // The other process refuses the product as well.
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 100_000, "IDR");
    const product = (await other.services.catalog.product("gametopup", "1"))!;
    const draft = await other.services.drafts.create(u.id, product, await other.services.catalog.price(product, "member"), {
      playerId: "12345678",
      zone: "2001",
    });
    expect(await other.services.orders.accept(draft.id, u.id)).toMatchObject({ kind: "blocked", reason: "maintenance" });
    await sleep(300);
    expect(
      h.admin
        .messages()
        .slice(adminSeen)
        .filter((m) => /Provider gametopup is in maintenance/.test(m.text)),
    ).toHaveLength(1);
    h.gametopup.control.reset();
    await waitFor(async () => ((await inMaintenance()).length === 0 ? true : undefined), 10_000, "the health check's lift");
  });
});
