import type { LowBalanceThresholds } from "../types.js";

export function memoryLowBalance(): LowBalanceThresholds {
  const levels = new Map<string, number>();
  const key = (userId: number, currency: string) => `${userId}:${currency}`;
  const mine = (userId: number) => [...levels.keys()].filter((k) => k.startsWith(`${userId}:`));
  return {
    async set(userId, currency, threshold) {
      levels.set(key(userId, currency), threshold);
    },
    async clear(userId, currency) {
      const keys = currency === undefined ? mine(userId) : [key(userId, currency)].filter((k) => levels.has(k));
      for (const k of keys) levels.delete(k);
      return keys.length;
    },
    async get(userId, currency) {
      return levels.get(key(userId, currency));
    },
    async byUser(userId) {
      const prefix = `${userId}:`;
      return Object.fromEntries(
        [...levels]
          .filter(([k]) => k.startsWith(prefix))
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([k, level]) => [k.slice(prefix.length), level]),
      );
    },
  };
}
