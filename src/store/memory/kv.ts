import type { Kv } from "../types.js";

/** The in-memory stand-in for Redis' part: caches, drafts, markers, counters; nothing survives a restart. */
export function memoryKv(): Kv {
  const kv = new Map<string, { value: string; expires?: number }>();
  const counters = new Map<string, Map<string, number>>();
  const live = (key: string) => {
    const item = kv.get(key);
    if (item?.expires !== undefined && item.expires <= Date.now()) {
      kv.delete(key);
      return undefined;
    }
    return item;
  };
  return {
    async getJson<T>(key: string) {
      const item = live(key);
      return item ? (JSON.parse(item.value) as T) : undefined;
    },
    async setJson(key, value, ttlMs) {
      kv.set(key, { value: JSON.stringify(value), expires: ttlMs ? Date.now() + ttlMs : undefined });
    },
    async setIfAbsent(key, value, ttlMs) {
      if (live(key)) return false;
      kv.set(key, { value, expires: ttlMs ? Date.now() + ttlMs : undefined });
      return true;
    },
    async deleteIf(key, value) {
      if (live(key)?.value !== value) return false;
      kv.delete(key);
      return true;
    },
    async del(key) {
      kv.delete(key);
      counters.delete(key);
    },
    async incr(key, field, by = 1) {
      const c = counters.get(key) ?? counters.set(key, new Map()).get(key)!;
      c.set(field, (c.get(field) ?? 0) + by);
      return c.get(field)!;
    },
    async counters(key) {
      return Object.fromEntries(counters.get(key) ?? []);
    },
  };
}
