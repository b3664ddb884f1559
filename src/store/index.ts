import type { Redis } from "ioredis";
import type { Logger } from "../observability/logger.js";
import { memoryKv, memoryRecords } from "./memory/index.js";
import { createPool, migrate, postgresRecords } from "./postgres/index.js";
import { cachedUsers } from "./cached-users.js";
import { createRedisClient, KEY_PREFIX, pingRedis, redisKv } from "./redis/index.js";
import { redisUserChanges } from "./redis/user-changes.js";
import type { Records, Store } from "./types.js";

export type { Store } from "./types.js";
export { isDatabaseUnavailable } from "./postgres/index.js";

/** A change another process made is seen within a message's time; a lost message within the TTL. */
const USER_CACHE = { ttlMs: 30_000, maxEntries: 10_000 };

export interface OpenedStore {
  store: Store;
  /** The shared connection for sessions, conversations and rate limits (absent in memory mode). */
  redis?: Redis;
}

/**
 * The system of record in PostgreSQL (migrated to this build's schema first) and the ephemeral
 * side in Redis; either falls back to memory when its URL is unset.
 */
export async function openStore(urls: { databaseUrl?: string; redisUrl?: string }, logger: Logger): Promise<OpenedStore> {
  let records: Records;
  if (urls.databaseUrl) {
    const pool = createPool(urls.databaseUrl, logger);
    try {
      const applied = await migrate(pool, (msg) => logger.debug({ migrate: msg }));
      if (applied.length > 0) logger.info({ applied }, "database migrated");
    } catch (err) {
      await pool.end().catch(() => {});
      throw err;
    }
    records = postgresRecords(pool);
  } else {
    logger.warn("DATABASE_URL is not set: wallets, orders and resellers are kept in memory and lost on restart.");
    records = memoryRecords();
  }

  if (!urls.redisUrl) {
    logger.warn("REDIS_URL is not set: sessions, queues and caches are kept in memory and lost on restart.");
    return { store: { ...records, kv: memoryKv() } };
  }
  const redis = createRedisClient(urls.redisUrl);
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
  await redis.ping();
  // Every update reads its sender: kept in memory for a while, dropped everywhere on a change.
  const userChanges = urls.databaseUrl
    ? // Channels are server-wide, not per database: the database index keeps two bots on one server apart.
      redisUserChanges(redis, `${KEY_PREFIX}db${redis.options.db ?? 0}:users:changed`, (err) =>
        logger.warn({ err: err.message }, "user change channel error"),
      )
    : undefined;
  if (userChanges) {
    await userChanges.ready;
    records = { ...records, users: cachedUsers(records.users, userChanges, USER_CACHE) };
  }
  const store: Store = {
    ...records,
    kv: redisKv(redis, KEY_PREFIX),
    async ping() {
      const [db, kv] = await Promise.all([records.ping(), pingRedis(redis)]);
      return db && kv;
    },
    async close() {
      userChanges?.close();
      await records.close();
      // QUIT waits for Redis; a Redis that is away must not hold the shutdown.
      const quit = redis.quit().catch(() => undefined);
      await Promise.race([quit, new Promise((r) => setTimeout(r, 2_000).unref())]);
      redis.disconnect();
    },
  };
  return { store, redis };
}
