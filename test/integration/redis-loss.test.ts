import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, tap, toConfirmCard, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { haveRedisServer, startOwnRedis } from "../support/own-redis.js";
import { waitFor } from "../support/process.js";

/**
 * Redis is emptied under a running shop (a restart without persistence, a failover to an empty
 * replica): only sessions and half-finished conversations may be lost. The records are in
 * PostgreSQL, and the sweep rebuilds the status polls of open orders from there.
 */
describe.skipIf(!haveRedisServer || !postgresAvailable)("losing every key in Redis", () => {
  let h: Harness;
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;

  beforeAll(async () => {
    redis = await startOwnRedis({ appendonly: false });
    h = await startHarness({
      redisUrl: redis.url,
      databaseUrl: await freshDatabase(),
      // Long first poll: the order is still waiting for it when Redis loses the job.
      timings: { pollDelaysMs: [60_000], sweep: { everyMs: 300, orphanQuietMs: 200 } },
      env: { REGISTRATION: "approval" },
    });
  });
  afterAll(async () => {
    await h?.close();
    redis?.close();
  });

  it("keeps the reseller, the approval, the wallet and the orders, and still completes the open top-up", async () => {
    const u = h.telegram.user({ id: 9101, first_name: "Dewi", language_code: "en" });
    await u.send("/start");
    await h.admin.waitForMessage({ match: /Dewi/ });
    await tap(h.admin, /Approve/);
    await u.waitForMessage({ match: /approved/i });
    await h.credit(u.id, 100_000, "IDR");

    await toConfirmCard(u);
    let seen = u.messages().length;
    await tap(u, /Confirm/);
    const placed = await u.waitForMessage({ match: /placed/, after: seen });
    const orderId = /R[0-9A-Z]{10}/.exec(placed.text)![0];
    const order = await h.app.store.orders.get(orderId);
    expect(order?.state).toBe("processing");
    expect(await h.app.queues.depth("status-polls")).toBe(1);

    const flusher = new Redis(redis.url);
    await flusher.flushall();
    flusher.disconnect();
    // Polls quick from now on, so the rebuilt one (a new chain, attempt 0) runs within the test.
    await h.restart({ pollDelaysMs: [300, 1_000] });

    seen = u.messages().length;
    await u.send("/balance");
    expect((await u.waitForMessage({ match: /wallet/i, after: seen })).text).toContain("78,220");
    seen = u.messages().length;
    await u.send("/orders");
    await u.waitForMessage({ match: /orders/i, after: seen });
    expect(u.buttons().map((b) => b.text)).toContainEqual(expect.stringMatching(/86 Diamonds.*21,780/));
    expect((await h.app.store.users.get(u.id))?.status).toBe("active");

    // The poll job went with Redis; the sweep finds the open order without one and polls again.
    await waitFor(async () => ((await h.app.queues.depth("status-polls")) === 1 ? true : undefined), 5_000, "the poll to be rebuilt");
    seen = u.messages().length;
    h.gametopup.control.setTransactionStatus(order!.providerOrderId!, "Success", "done", "DewiGamer");
    await u.waitForMessage({ match: /DewiGamer/, after: seen, timeoutMs: 5_000 });
    expect((await h.app.store.orders.get(orderId))?.state).toBe("completed");
    expect(await h.balance(u.id, "IDR")).toBe(78_220);
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
  });
});
