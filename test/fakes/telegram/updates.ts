import type { Update } from "grammy/types";
import { conflict } from "./api-error.js";

export type NewUpdate = Omit<Update, "update_id"> & { update_id?: number };

/** Telegram leaves these out unless allowed_updates names them. */
const OFF_BY_DEFAULT = new Set(["chat_member", "message_reaction", "message_reaction_count"]);

export const updateType = (update: Update) => Object.keys(update).find((key) => key !== "update_id") ?? "";

interface ActivePoll {
  /** Re-checks the queue; answers the poll if something is there. */
  wake(): void;
  /** Answers with no updates (webhook set, fake closing). */
  end(): void;
  terminate(error: Error): void;
}

/**
 * Updates waiting for the bot. An update stays here until it is confirmed: by a later
 * getUpdates with a higher offset, or by a 2xx from the webhook. So a bot that crashes
 * before confirming gets the same updates again, as with Telegram.
 */
export class UpdateQueue {
  private readonly pending: Update[] = [];
  private nextUpdateId = 1;
  private allowed: Set<string> | undefined;
  private poll: ActivePoll | undefined;
  private readonly listeners = new Set<() => void>();

  push(update: NewUpdate): Update {
    const full = { ...update, update_id: update.update_id ?? this.nextUpdateId } as Update;
    this.nextUpdateId = Math.max(this.nextUpdateId, full.update_id + 1);
    // Kept in update_id order (an explicit lower id goes to its place), so an offset cuts a prefix.
    let at = this.pending.length;
    while (at > 0 && this.pending[at - 1]!.update_id > full.update_id) at--;
    this.pending.splice(at, 0, full);
    this.poll?.wake();
    for (const listener of [...this.listeners]) listener();
    return full;
  }

  /** Called after every push (the webhook deliverer listens). */
  onPush(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    this.dropExcluded(this.pending.length);
    return this.pending.length;
  }

  get allowedUpdates(): string[] | undefined {
    return this.allowed && [...this.allowed];
  }

  /** `allowed_updates` as getUpdates/setWebhook take it: omitted keeps the last setting, [] means default. */
  setAllowed(list: unknown): void {
    if (Array.isArray(list)) this.allowed = list.length > 0 ? new Set(list.map(String)) : undefined;
  }

  /** The first `limit` deliverable updates in order; drops those allowed_updates excludes, as Telegram never queues them. */
  deliverable(limit = Number.POSITIVE_INFINITY): Update[] {
    this.dropExcluded(limit);
    return this.pending.slice(0, limit);
  }

  /**
   * Drops excluded updates until `wanted` deliverable ones lead the queue: a poll costs its batch,
   * not the whole backlog (benchmarks queue tens of thousands).
   */
  private dropExcluded(wanted: number): void {
    let kept = 0;
    for (let i = 0; i < this.pending.length && kept < wanted; ) {
      const type = updateType(this.pending[i] as Update);
      if (this.allowed ? !this.allowed.has(type) : OFF_BY_DEFAULT.has(type)) this.pending.splice(i, 1);
      else {
        kept++;
        i++;
      }
    }
  }

  confirm(update: Update): void {
    const index = this.pending.indexOf(update);
    if (index !== -1) this.pending.splice(index, 1);
  }

  clear(): void {
    this.pending.length = 0;
  }

  /** getUpdates: applies the offset, then answers at once or holds up to `timeout` seconds. */
  getUpdates(options: { offset: number; limit: number; timeout: number; signal: AbortSignal }): Promise<Update[]> {
    this.poll?.terminate(conflict("terminated by other getUpdates request; make sure that only one bot instance is running"));
    this.applyOffset(options.offset);
    const take = () => this.deliverable(options.limit);
    const ready = take();
    if (ready.length > 0 || options.timeout <= 0 || options.signal.aborted) return Promise.resolve(ready);

    return new Promise((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        options.signal.removeEventListener("abort", onAbort);
        if (this.poll === poll) this.poll = undefined;
        settle();
      };
      // The client went away (grammY aborts on bot.stop()): nothing was delivered.
      const onAbort = () => finish(() => resolve([]));
      const timer = setTimeout(onAbort, options.timeout * 1000);
      const poll: ActivePoll = {
        wake: () => {
          const batch = take();
          if (batch.length > 0) finish(() => resolve(batch));
        },
        end: onAbort,
        terminate: (error) => finish(() => reject(error)),
      };
      options.signal.addEventListener("abort", onAbort, { once: true });
      this.poll = poll;
    });
  }

  /** Ends a held getUpdates with no updates. */
  endPoll(): void {
    this.poll?.end();
  }

  private applyOffset(offset: number): void {
    if (offset > 0) {
      let confirmed = 0;
      while (confirmed < this.pending.length && this.pending[confirmed]!.update_id < offset) confirmed++;
      this.pending.splice(0, confirmed);
    } else if (offset < 0) {
      // A negative offset keeps only the last |offset| updates.
      this.pending.splice(0, Math.max(0, this.pending.length + offset));
    }
  }
}
