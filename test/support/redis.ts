import { Redis } from "ioredis";

const BASE_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

async function ping(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on("error", () => {});
  try {
    await client.connect();
    return (await client.ping()) === "PONG";
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

export const redisAvailable = await ping(BASE_URL);

if (!redisAvailable) {
  if (process.env.CI) throw new Error(`Redis is required under CI and none answers at ${BASE_URL}`);
  console.warn(`\n!!! No Redis at ${BASE_URL}: Redis-backed tests are SKIPPED. Start redis-server to run them. !!!\n`);
}

const LEASE_MS = 15_000;

/**
 * A database of its own for the caller (1..15), flushed before use. Test files run in parallel
 * and some run for half a minute, so a database is leased, not just counted out: the lease is
 * renewed while this test process lives and lapses within 15 s of its end, and a database under
 * a live lease is never handed out (and flushed) again. Returns its URL.
 */
export async function freshRedisDb(): Promise<string> {
  const admin = new Redis(BASE_URL);
  const holder = `${process.pid}:${Math.random().toString(36).slice(2)}`;
  try {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const start = await admin.incr("test:db-counter");
      for (let i = 0; i < 15; i++) {
        const db = ((start + i) % 15) + 1;
        if ((await admin.set(`test:db-lease:${db}`, holder, "PX", LEASE_MS, "NX")) !== "OK") continue;
        const renew = setInterval(() => void admin.set(`test:db-lease:${db}`, holder, "PX", LEASE_MS).catch(() => {}), LEASE_MS / 3);
        renew.unref();
        const url = new URL(BASE_URL);
        url.pathname = `/${db}`;
        const client = new Redis(url.toString());
        await client.flushdb();
        client.disconnect();
        return url.toString();
      }
      if (Date.now() > deadline) throw new Error("no free Redis test database (1-15) within 90 s");
      await new Promise((r) => setTimeout(r, 500));
    }
  } catch (err) {
    admin.disconnect();
    throw err;
  }
}
