import { Redis } from "ioredis";
import { afterAll, inject } from "vitest";

/** The test run's own redis-server (test/support/global-setup.ts); nobody else's data lives there. */
const BASE_URL = inject("redisUrl");

export const redisAvailable = BASE_URL !== "";

if (!redisAvailable) {
  console.warn("\n!!! No redis-server on this machine: Redis-backed tests are SKIPPED. Install redis-server to run them. !!!\n");
}

/** As many as the run's redis-server has (test/support/global-setup.ts). */
const DATABASES = 256;
let next = 0;
const claimed: number[] = [];

// This file's databases go back to the pool when the file ends (the last of its after-hooks:
// its apps are closed by then); a claimer flushes a database before use.
afterAll(async () => {
  if (!redisAvailable || claimed.length === 0) return;
  const admin = new Redis(BASE_URL);
  try {
    for (const db of claimed.splice(0)) {
      if ((await admin.get(`test:db-claim:${db}`)) === String(process.pid)) await admin.del(`test:db-claim:${db}`);
    }
  } finally {
    admin.disconnect();
  }
});

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
      claimed.push(db);
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
