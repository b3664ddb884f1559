import type { Kv } from "../types.js";

/** The in-memory stand-in for Redis' part: caches, drafts, markers, counters; nothing survives a restart. */
export function memoryKv(): Kv {
  const kv = new Map<string, { value: string; expires?: number }>();
  const counters = new Map<string, Map<string, number>>();
  const counterExpiry = new Map<string, number>();
  const liveCounters = (key: string) => {
    const until = counterExpiry.get(key);
    if (until !== undefined && until <= Date.now()) {
      counters.delete(key);
      counterExpiry.delete(key);
    }
    return counters.get(key);
  };
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
      counterExpiry.delete(key);
    },
    async incr(key, field, by = 1, ttlMs) {
      let c = liveCounters(key);
      if (!c) counters.set(key, (c = new Map()));
      const value = (c.get(field) ?? 0) + by;
      c.set(field, value);
      if (ttlMs) counterExpiry.set(key, Date.now() + ttlMs);
      // Expired windows nobody reads again are dropped now and then, so they cannot pile up.
      if (counterExpiry.size > 1000) for (const k of [...counterExpiry.keys()]) liveCounters(k);
      return value;
    },
    async counters(key) {
      return Object.fromEntries(liveCounters(key) ?? []);
    },
  };
}
