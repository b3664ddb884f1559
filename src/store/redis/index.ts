import { Redis } from "ioredis";

export { redisKv } from "./kv.js";
export { redisTokenCache } from "./token-cache.js";

/** Every key of ours starts with this, so the bot can share a Redis database with others. */
export const KEY_PREFIX = "rb:";

export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    // Commands wait while Redis restarts instead of failing at once; readyz reports the outage.
    maxRetriesPerRequest: 20,
    retryStrategy: (times) => Math.min(times * 200, 2000),
    enableReadyCheck: true,
    // Commands issued by concurrent updates in one tick go out as one write: fewer syscalls under load.
    enableAutoPipelining: true,
  });
}

export async function pingRedis(redis: Redis): Promise<boolean> {
  try {
    return (await Promise.race([redis.ping(), new Promise<string>((r) => setTimeout(r, 1000, "timeout"))])) === "PONG";
  } catch {
    return false;
  }
}
