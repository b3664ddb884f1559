import type { SavedCustomer, SavedCustomers } from "../types.js";

/** In memory, like the rest of memoryRecords: each method runs to completion without awaiting. */
export function memoryCustomers(): SavedCustomers {
  const all = new Map<number, SavedCustomer>();
  let nextId = 1;
  const same = (a: SavedCustomer, b: Omit<SavedCustomer, "id">) =>
    a.userId === b.userId && a.kind === b.kind && a.value === b.value && (a.zone ?? "") === (b.zone ?? "");
  // As the SQL: newest use first, the later insert first on a tie.
  const newest = (userId: number, kind: SavedCustomer["kind"]) =>
    [...all.values()].filter((c) => c.userId === userId && c.kind === kind).sort((a, b) => b.usedAt - a.usedAt || b.id - a.id);

  return {
    async remember(c, keep) {
      const existing = [...all.values()].find((x) => same(x, c));
      if (existing) {
        existing.usedAt = Math.max(existing.usedAt, c.usedAt);
        if (c.nickname !== undefined) existing.nickname = c.nickname;
      } else {
        const row: SavedCustomer = { ...structuredClone(c), id: nextId++ };
        if (!row.zone) delete row.zone;
        if (row.nickname === undefined) delete row.nickname;
        all.set(row.id, row);
      }
      for (const old of newest(c.userId, c.kind).slice(keep)) all.delete(old.id);
    },
    async setNickname(userId, playerId, zone, nickname) {
      const found = [...all.values()].find((x) => same(x, { userId, kind: "player", value: playerId, zone, usedAt: 0 }));
      if (found) found.nickname = nickname;
    },
    async list(userId, kind, limit) {
      return newest(userId, kind)
        .slice(0, limit)
        .map((c) => structuredClone(c));
    },
    async forget(userId, id) {
      const c = all.get(id);
      if (!c || c.userId !== userId) return false;
      return all.delete(id);
    },
  };
}
