import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueNotifier } from "../../src/jobs/notifier.js";
import { ADMIN_ID, startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { haveRedisServer, startOwnRedis } from "../support/own-redis.js";
import { waitFor } from "../support/process.js";
import { startTcpProxy } from "../support/tcp-proxy.js";

/**
 * Notifications waiting in the queue when a store goes away are still sent, once each, when it is
 * back; the ledger loses nothing. (Readiness and recovery alone: test/integration/redis-*.test.ts
 * and postgres-outage.test.ts.)
 */
describe.skipIf(!haveRedisServer || !postgresAvailable)("queued notifications and the ledger across store restarts", () => {
  let h: Harness;
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  let pg: Awaited<ReturnType<typeof startTcpProxy>>;
  const ready = async () => (await fetch(`${h.url}/readyz`)).status;

  beforeAll(async () => {
    redis = await startOwnRedis({ appendonly: true });
    const db = new URL(await freshDatabase());
    pg = await startTcpProxy({ host: db.hostname, port: Number(db.port || 5432) });
    db.port = String(pg.port);
    h = await startHarness({ redisUrl: redis.url, databaseUrl: db.toString() });
  });
  afterAll(async () => {
    await pg?.up().catch(() => {});
    await h?.close();
    pg?.close();
    redis?.close();
  });

  it("sends what was queued before Redis restarted and before PostgreSQL went away, once each", async () => {
    const u = await h.reseller(6301);
    await h.credit(u.id, 5_000, "IDR");
    await h.credit(u.id, 7_000, "IDR");
    const entriesBefore = (await h.app.store.ledger.entries(u.id, { limit: 50 })).length;

    // Telegram makes the first message wait 3 s: it sits in Redis as a delayed job.
    h.telegram.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 3",
      parameters: { retry_after: 3 },
    });
    await queueNotifier(h.app.queues, [ADMIN_ID]).notifyUser({
      userId: u.id,
      key: "order-done",
      args: { orderId: "RREDISRST01", product: "Kept" },
      dedupeKey: "faults:redis",
    });
    await waitFor(async () => (h.telegram.stats.tooManyRequests.total > 0 ? true : undefined), 5_000, "the 429");

    await redis.stop();
    await waitFor(async () => ((await ready()) === 503 ? true : undefined), 10_000, "readyz to report Redis gone");
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    await redis.start();
    await waitFor(async () => ((await ready()) === 200 ? true : undefined), 15_000, "readyz after the Redis restart");
    await u.waitForMessage({ match: /RREDISRST01/, after: 0, timeoutMs: 15_000 });

    // PostgreSQL goes away with a message queued: rendering needs the reseller's language from it.
    await pg.down();
    await waitFor(async () => ((await ready()) === 503 ? true : undefined), 10_000, "readyz to report PostgreSQL gone");
    await queueNotifier(h.app.queues, [ADMIN_ID]).notifyUser({
      userId: u.id,
      key: "order-done",
      args: { orderId: "RPGDOWN0001", product: "Kept" },
      dedupeKey: "faults:pg",
    });
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
    await pg.up();
    await waitFor(async () => ((await ready()) === 200 ? true : undefined), 15_000, "readyz after PostgreSQL returns");
    await u.waitForMessage({ match: /RPGDOWN0001/, after: 0, timeoutMs: 20_000 });

    await new Promise((r) => setTimeout(r, 1_500));
    const texts = u.messages().map((m) => m.text);
    expect(texts.filter((t) => t.includes("RREDISRST01"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("RPGDOWN0001"))).toHaveLength(1);
    expect((await h.app.store.ledger.entries(u.id, { limit: 50 })).length).toBe(entriesBefore);
    expect(await h.balance(u.id, "IDR")).toBe(12_000);
    expect(await h.app.store.reports.ledgerCheck()).toEqual([]);
  }, 60_000);
});
