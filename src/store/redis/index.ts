import { Redis } from "ioredis";
import type { Store } from "../types.js";
import { redisAudit } from "./audit.js";
import { redisKv } from "./kv.js";
import { redisLedger } from "./ledger.js";
import { redisOrders } from "./orders.js";
import { redisUsers } from "./users.js";

/** Every key of ours starts with this, so the bot can share a Redis database with others. */
export const KEY_PREFIX = "rb:";

export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    // Commands wait while Redis restarts instead of failing at once; readyz reports the outage.
    maxRetriesPerRequest: 20,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    enableReadyCheck: true,
  });
}

export function redisStore(redis: Redis): Store {
  const p = KEY_PREFIX;
  return {
    kind: "redis",
    users: redisUsers(redis, p),
    ledger: redisLedger(redis, p),
    orders: redisOrders(redis, p),
    audit: redisAudit(redis, p),
    kv: redisKv(redis, p),
    async ping() {
      try {
        return (await Promise.race([redis.ping(), new Promise<string>((r) => setTimeout(() => r("timeout"), 1000))])) === "PONG";
      } catch {
        return false;
      }
    },
    async close() {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
