import { Redis } from "ioredis";
import { inject } from "vitest";

/** The test run's own redis-server (test/support/global-setup.ts); nobody else's data lives there. */
const BASE_URL = inject("redisUrl");

export const redisAvailable = BASE_URL !== "";

if (!redisAvailable) {
  console.warn("\n!!! No redis-server on this machine: Redis-backed tests are SKIPPED. Install redis-server to run them. !!!\n");
}

const DATABASES = 64;
let next = 0;

/**
 * A database of the run's Redis for the caller, flushed before use. Test files run in parallel
 * processes: a database is claimed with a marker in database 0, so no two callers share one.
 */
export async function freshRedisDb(): Promise<string> {
  const admin = new Redis(BASE_URL);
  try {
    for (let i = 0; i < DATABASES - 1; i++) {
      const db = ((process.pid + next++) % (DATABASES - 1)) + 1;
      if ((await admin.set(`test:db-claim:${db}`, String(process.pid), "NX")) !== "OK") continue;
      const url = new URL(BASE_URL);
      url.pathname = `/${db}`;
      const client = new Redis(url.toString());
      await client.flushdb();
      client.disconnect();
      return url.toString();
    }
    throw new Error(`all ${DATABASES - 1} Redis test databases are taken`);
  } finally {
    admin.disconnect();
  }
}
