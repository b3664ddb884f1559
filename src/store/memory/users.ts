import type { UserRecord, Users } from "../types.js";
import { copy, type MemoryTables } from "./tables.js";

export function memoryUsers(t: Pick<MemoryTables, "users">): Users {
  const users = t.users;
  return {
    async get(id) {
      const u = users.get(id);
      return u && copy(u);
    },
    async createIfAbsent(user) {
      const existing = users.get(user.id);
      if (existing) return { user: copy(existing), created: false };
      users.set(user.id, copy(user));
      return { user: copy(user), created: true };
    },
    async save(user) {
      users.set(user.id, copy(user));
    },
    async patch(id, patch) {
      const u = users.get(id);
      if (!u) return undefined;
      const next: UserRecord = { ...u };
      for (const [k, v] of Object.entries(patch)) {
        // null clears a field, undefined leaves it: the contract of the PostgreSQL store.
        if (v === null) Reflect.deleteProperty(next, k);
        else if (v !== undefined) Object.assign(next, { [k]: copy(v) });
      }
      users.set(id, next);
      return copy(next);
    },
    async byUsername(username) {
      const name = username.replace(/^@/, "").toLowerCase();
      const u = [...users.values()].find((x) => x.username?.toLowerCase() === name);
      return u && copy(u);
    },
    async all() {
      return [...users.values()].map(copy);
    },
    async team() {
      return [...users.values()].filter((u) => u.teamRole !== undefined).map(copy);
    },
  };
}
