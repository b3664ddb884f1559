import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll } from "vitest";

/** The machine's PostgreSQL; tests only ever touch databases they created here. */
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function reachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export const postgresAvailable = await reachable();

if (!postgresAvailable) {
  if (process.env.CI) throw new Error(`PostgreSQL is required under CI and none answers at ${ADMIN_URL}`);
  console.warn(`\n!!! No PostgreSQL at ${ADMIN_URL}: PostgreSQL-backed tests are SKIPPED. !!!\n`);
}

const created: string[] = [];

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(ADMIN_URL);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Drops a database this file created (open connections are closed by force). */
export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!created.includes(name)) throw new Error(`refusing to drop ${name}: this test file did not create it`);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  created.splice(created.indexOf(name), 1);
}

/** An empty database of the caller's own; dropped after the file's tests at the latest. */
export async function freshDatabase(): Promise<string> {
  const name = `rb_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

// Registered when a test file imports this module: whatever it created is dropped at its end.
afterAll(async () => {
  for (const name of [...created]) {
    const url = new URL(ADMIN_URL);
    url.pathname = `/${name}`;
    await dropDatabase(url.toString());
  }
});
