import type { Redis } from "ioredis";
import type { Kv } from "../types.js";

const DELETE_IF = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function redisKv(redis: Redis, prefix: string): Kv {
  return {
    async getJson<T>(key: string) {
      const raw = await redis.get(prefix + key);
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    async setJson(key, value, ttlMs) {
      if (ttlMs) await redis.set(prefix + key, JSON.stringify(value), "PX", ttlMs);
      else await redis.set(prefix + key, JSON.stringify(value));
    },
    async setIfAbsent(key, value, ttlMs) {
      const r = ttlMs ? await redis.set(prefix + key, value, "PX", ttlMs, "NX") : await redis.set(prefix + key, value, "NX");
      return r === "OK";
    },
    async deleteIf(key, value) {
      return (await redis.eval(DELETE_IF, 1, prefix + key, value)) === 1;
    },
    async del(key) {
      await redis.del(prefix + key);
    },
    async incr(key, field, by = 1, ttlMs) {
      if (!ttlMs) return redis.hincrby(prefix + key, field, by);
      const r = await redis
        .multi()
        .hincrby(prefix + key, field, by)
        .pexpire(prefix + key, ttlMs)
        .exec();
      const [err, value] = r?.[0] ?? [new Error("incr: no reply")];
      if (err) throw err;
      return Number(value);
    },
    async counters(key) {
      const raw = await redis.hgetall(prefix + key);
      return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
    },
  };
}
