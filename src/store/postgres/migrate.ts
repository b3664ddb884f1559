import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runner } from "node-pg-migrate";
import type { Pool } from "./pool.js";

/** Versioned SQL files beside this module (copied into dist/ by the build). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));
const TABLE = "schema_migrations";
// Our own key, not node-pg-migrate's: we hold it around the newer-schema check as well.
const LOCK_KEY = 0x7265_7365_6c6c;

export class SchemaTooNewError extends Error {
  constructor(unknown: string[]) {
    super(`the database schema is newer than this build (unknown migrations: ${unknown.join(", ")}); deploy the newer build`);
    this.name = "SchemaTooNewError";
  }
}

const knownMigrations = () =>
  readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith(".sql"))
    .map((f) => f.replace(/\.sql$/, ""))
    .sort();

/**
 * Applies pending migrations, one process at a time: instances starting together wait on an
 * advisory lock, and the ones after the first find nothing left to do. A database that has
 * migrations this build does not know stops the bot instead of running old code on it.
 * Returns the names applied.
 */
export async function migrate(
  pool: Pool,
  log: (msg: string) => void = () => {},
  /** Stop after this migration (e.g. "0012_team"): tests of a migration's data conversion. */
  options: { upTo?: string } = {},
): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    try {
      const exists = await client.query("SELECT to_regclass($1) AS t", [TABLE]);
      let applied: string[] = [];
      if (exists.rows[0].t !== null) {
        applied = (await client.query<{ name: string }>(`SELECT name FROM ${TABLE}`)).rows.map((r) => r.name);
        const known = new Set(knownMigrations());
        const unknown = applied.filter((n) => !known.has(n));
        if (unknown.length > 0) throw new SchemaTooNewError(unknown);
      }
      let count = Number.POSITIVE_INFINITY;
      if (options.upTo !== undefined) {
        const index = knownMigrations().indexOf(options.upTo);
        if (index < 0) throw new Error(`no migration named ${options.upTo}`);
        count = Math.max(0, index + 1 - applied.length);
        if (count === 0) return [];
      }
      const ran = await runner({
        dbClient: client,
        dir: MIGRATIONS_DIR,
        migrationsTable: TABLE,
        direction: "up",
        count,
        singleTransaction: true,
        checkOrder: true,
        // The lock above already serialises us; node-pg-migrate's own would be a second one.
        noLock: true,
        log,
      });
      return ran.map((m) => m.name);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    }
  } finally {
    client.release();
  }
}
