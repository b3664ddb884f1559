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

/**
 * A database of its own for the calling test file (1..15, handed out round-robin through a
 * counter in db 0), flushed before use. Returns its URL.
 */
export async function freshRedisDb(): Promise<string> {
  const admin = new Redis(BASE_URL);
  try {
    const n = await admin.incr("test:db-counter");
    const db = (n % 15) + 1;
    const url = new URL(BASE_URL);
    url.pathname = `/${db}`;
    const client = new Redis(url.toString());
    await client.flushdb();
    client.disconnect();
    return url.toString();
  } finally {
    admin.disconnect();
  }
}
