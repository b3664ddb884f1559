import type { Logger } from "../observability/logger.js";
import { memoryStore } from "./memory/index.js";
import { createRedisClient, redisStore } from "./redis/index.js";
import type { Store } from "./types.js";

export type { Store } from "./types.js";

export interface OpenedStore {
  store: Store;
  /** The shared connection for sessions, conversations and rate limits (absent in memory mode). */
  redis?: ReturnType<typeof createRedisClient>;
}

export async function openStore(redisUrl: string | undefined, logger: Logger): Promise<OpenedStore> {
  if (!redisUrl) {
    logger.warn("REDIS_URL is not set: using an in-memory store. Wallets, orders and sessions are lost on restart.");
    return { store: memoryStore() };
  }
  const redis = createRedisClient(redisUrl);
  redis.on("error", (err) => logger.warn({ err: err.message }, "redis connection error"));
  await redis.ping();
  return { store: redisStore(redis), redis };
}
