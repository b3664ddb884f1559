import type { Redis } from "ioredis";
import type { AuditEntry, AuditLog } from "../types.js";

export function redisAudit(redis: Redis, prefix: string): AuditLog {
  const key = `${prefix}audit`;
  return {
    async append(entry) {
      await redis.rpush(key, JSON.stringify(entry));
    },
    async recent(n) {
      return (await redis.lrange(key, -n, -1)).map((j) => JSON.parse(j) as AuditEntry).reverse();
    },
  };
}
