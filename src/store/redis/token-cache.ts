import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { XpayToken, XpayTokenCache } from "../../providers/xpay/index.js";

// DEL only while the key still holds this value: never another process's newer token or lock.
const DELETE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** xpay's access token shared by every bot process, so a fleet authenticates once per token lifetime. */
export function redisTokenCache(redis: Redis, key: string): XpayTokenCache {
  const lockKey = `${key}:lock`;
  return {
    async get() {
      const raw = await redis.get(key);
      return raw ? (JSON.parse(raw) as XpayToken) : undefined;
    },
    async set(value, ttlMs) {
      if (ttlMs > 0) await redis.set(key, JSON.stringify(value), "PX", Math.ceil(ttlMs));
    },
    async delete(token) {
      const raw = await redis.get(key);
      if (raw && (JSON.parse(raw) as XpayToken).token === token) await redis.eval(DELETE_IF, 1, key, raw);
    },
    async lock(ttlMs) {
      const id = randomUUID();
      if ((await redis.set(lockKey, id, "PX", Math.ceil(ttlMs), "NX")) !== "OK") return undefined;
      return async () => {
        await redis.eval(DELETE_IF, 1, lockKey, id);
      };
    },
  };
}
