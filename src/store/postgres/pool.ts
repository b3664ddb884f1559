import pg from "pg";
import type { Logger } from "../../observability/logger.js";

/**
 * int8 (bigint) comes back from node-postgres as text so that nothing is silently rounded. Our
 * amounts are integers within Number's exact range; anything beyond it is refused loudly rather
 * than turned into a wrong balance.
 */
export function parseBigint(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is beyond the exact range of a JavaScript number`);
  return n;
}

pg.types.setTypeParser(pg.types.builtins.INT8, parseBigint);

export type Pool = pg.Pool;
export type PoolClient = pg.PoolClient;

export function createPool(url: string, logger: Logger, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A purchase waits on this: fail fast while PostgreSQL is away (readyz says so) instead of hanging.
    connectionTimeoutMillis: 3_000,
    idleTimeoutMillis: 30_000,
    application_name: "reseller-bot",
  });
  // An idle connection dropped by a restart emits here; without a listener the process would crash.
  pool.on("error", (err) => logger.warn({ err: err.message }, "postgres connection lost"));
  return pool;
}

/** Runs fn in one transaction on one connection; rolls back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** PostgreSQL's SQLSTATE for a unique violation. */
export const UNIQUE_VIOLATION = "23505";
export const isUniqueViolation = (err: unknown, constraint?: string): boolean =>
  err instanceof pg.DatabaseError && err.code === UNIQUE_VIOLATION && (constraint === undefined || err.constraint === constraint);

/** Connection-level failures: the database is away (down, restarting, unreachable), not a wrong query. */
const UNAVAILABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (UNAVAILABLE.has(code) || code.startsWith("08"))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly/i.test(
    err.message,
  );
}
