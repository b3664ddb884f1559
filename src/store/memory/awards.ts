import type { PointsAwardRecord, PointsAwards } from "../types.js";
import { copy } from "./tables.js";

export function memoryAwards(): PointsAwards {
  const all = new Map<string, PointsAwardRecord>();
  return {
    async claim(a) {
      const existing = all.get(a.orderId);
      if (existing) return { award: copy(existing), created: false };
      all.set(a.orderId, copy(a));
      return { award: copy(a), created: true };
    },
    async get(orderId) {
      const a = all.get(orderId);
      return a && copy(a);
    },
    async update(orderId, patch) {
      const a = all.get(orderId);
      if (a?.state !== "pending") return undefined;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next = { ...a, ...defined, updatedAt: Date.now() };
      all.set(orderId, next);
      return copy(next);
    },
    async pending() {
      return [...all.values()]
        .filter((a) => a.state === "pending")
        .sort((a, b) => a.createdAt - b.createdAt)
        .map(copy);
    },
    async byUser(userId, limit = 10) {
      return [...all.values()]
        .filter((a) => a.userId === userId)
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, limit)
        .map(copy);
    },
  };
}
