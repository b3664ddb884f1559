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
