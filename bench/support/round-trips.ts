import { Redis } from "ioredis";
import pg from "pg";
import type { Infra } from "./infra.js";

/** Commands Redis has run and transactions PostgreSQL has committed in the run's database (one per plain query). */
export async function roundTrips(infra: Infra): Promise<{ redis: number; postgres: number }> {
  const redis = new Redis(infra.redisUrl);
  const db = new pg.Client(infra.databaseUrl);
  await db.connect();
  try {
    const stats = await redis.info("commandstats");
    const redisCalls = [...stats.matchAll(/^cmdstat_(\w+):calls=(\d+)/gm)]
      .filter((m) => m[1] !== "info")
      .reduce((n, m) => n + Number(m[2]), 0);
    // The statistics collector is asynchronous: ask it for a fresh snapshot.
    await db.query("SELECT pg_stat_clear_snapshot()");
    const r = await db.query<{ n: string }>(
      "SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()",
    );
    return { redis: redisCalls, postgres: Number(r.rows[0]!.n) };
  } finally {
    redis.disconnect();
    await db.end();
  }
}
