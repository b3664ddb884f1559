import { randomUUID } from "node:crypto";
import type { Kv, Store } from "../store/types.js";
import type { Notifier } from "./notifications.js";

export type BroadcastOutcome = "delivered" | "blocked" | "failed";

/**
 * A broadcast is one queued notification per active reseller; the queue paces them at
 * Telegram's rate. Counters in the store tell the admin how it went when the last one settles.
 */
const LAST_KEY = "admin:broadcast:last";
const WEEK_MS = 7 * 24 * 3600_000;

export type BroadcastStart = { kind: "duplicate" } | { kind: "queued"; id: string; total: number };

export function createBroadcasts(deps: { store: Store; kv: Kv; notifier: Notifier; adminIds: readonly number[] }) {
  const key = (id: string) => `broadcast:${id}`;

  async function queue(adminId: number, text: string): Promise<{ id: string; total: number }> {
    const id = randomUUID().slice(0, 8);
    // Resellers only: admins wrote the message, and a blocked chat would only count a failure.
    const recipients = (await deps.store.users.all()).filter((u) => u.status === "active" && !u.blockedAt && !deps.adminIds.includes(u.id));
    if (recipients.length === 0) return { id: "", total: 0 };
    await deps.kv.incr(key(id), "total", recipients.length);
    await deps.kv.incr(key(id), "admin", adminId);
    for (const u of recipients) {
      await deps.notifier.notifyUser({
        userId: u.id,
        key: "broadcast-message",
        args: { text },
        dedupeKey: `broadcast:${id}:${u.id}`,
        broadcastId: id,
      });
    }
    return { id, total: recipients.length };
  }

  return {
    /**
     * Queues one broadcast for an admin's message. `once` names that message: a redelivered
     * update must not message every reseller twice, so a second start with it is a duplicate.
     */
    async start(adminId: number, text: string, once: string): Promise<BroadcastStart> {
      if (!(await deps.kv.setIfAbsent(`admin:broadcast:${once}`, "1", WEEK_MS))) return { kind: "duplicate" };
      const { id, total } = await queue(adminId, text);
      if (total > 0) await deps.kv.setJson(LAST_KEY, id, WEEK_MS);
      return { kind: "queued", id, total };
    },

    /** The latest broadcast that had recipients, and its counters; undefined when none this week. */
    async latest(): Promise<{ id: string; counts: Record<string, number> } | undefined> {
      const id = await deps.kv.getJson<string>(LAST_KEY);
      return id ? { id, counts: await deps.kv.counters(key(id)) } : undefined;
    },

    /** Counts one recipient's outcome; the last one triggers the admin's report. */
    async record(id: string, outcome: BroadcastOutcome): Promise<void> {
      await deps.kv.incr(key(id), outcome);
      const c = await deps.kv.counters(key(id));
      if ((c.delivered ?? 0) + (c.blocked ?? 0) + (c.failed ?? 0) >= (c.total ?? 0)) await this.finish(id);
    },

    async finish(id: string): Promise<void> {
      if (!(await deps.kv.setIfAbsent(`${key(id)}:done`, "1"))) return;
      const c = await deps.kv.counters(key(id));
      await deps.notifier.notifyUser({
        userId: c.admin ?? 0,
        key: "admin-broadcast-done",
        args: { total: c.total ?? 0, delivered: c.delivered ?? 0, blocked: c.blocked ?? 0, failed: c.failed ?? 0 },
        dedupeKey: `broadcast:${id}:report`,
      });
    },

    progress(id: string) {
      return deps.kv.counters(key(id));
    },
  };
}

export type Broadcasts = ReturnType<typeof createBroadcasts>;
