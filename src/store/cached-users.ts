import type { UserRecord, Users } from "./types.js";

/**
 * Tells every bot process that a user's record changed. `undefined` means "anything may have
 * changed" (the channel was lost for a while and messages may be missing).
 */
export interface UserChanges {
  publish(id: number): void;
  subscribe(handler: (id: number | undefined) => void): void;
}

export interface UserCacheOptions {
  /** A record is read again after this long even without a change message: the backstop. */
  ttlMs: number;
  /** Most records kept; the oldest go first. */
  maxEntries: number;
  now?: () => number;
}

/**
 * Every update reads its sender's record, so the records are kept in memory for a short while.
 * Every write goes through here and is announced to all processes, which drop their copy; the
 * TTL bounds what a lost announcement can cost. A read that started before a change arrived is
 * not kept, so a slow read can never put an old record back.
 */
export function cachedUsers(users: Users, changes: UserChanges, opts: UserCacheOptions): Users {
  const now = opts.now ?? Date.now;
  const kept = new Map<number, { user: UserRecord; until: number }>();
  // Bumped by every change; a read keeps its result only if no change came in while it ran.
  let generation = 0;

  const forget = (id: number | undefined) => {
    generation++;
    if (id === undefined) kept.clear();
    else kept.delete(id);
  };
  changes.subscribe(forget);

  // Announced even when the write failed: it may have been applied before the failure.
  const changed = async <T>(id: number, write: () => Promise<T>): Promise<T> => {
    try {
      return await write();
    } finally {
      forget(id);
      changes.publish(id);
    }
  };

  return {
    async get(id) {
      const hit = kept.get(id);
      if (hit && hit.until > now()) return { ...hit.user };
      const seen = generation;
      const user = await users.get(id);
      if (user && seen === generation) {
        kept.delete(id);
        kept.set(id, { user, until: now() + opts.ttlMs });
        if (kept.size > opts.maxEntries) {
          const oldest = kept.keys().next();
          if (!oldest.done) kept.delete(oldest.value);
        }
      }
      return user && { ...user };
    },
    patch: (id, patch) => changed(id, () => users.patch(id, patch)),
    createIfAbsent: (user) => changed(user.id, () => users.createIfAbsent(user)),
    save: (user) => changed(user.id, () => users.save(user)),
    byUsername: (username) => users.byUsername(username),
    all: () => users.all(),
    team: () => users.team(),
  };
}
