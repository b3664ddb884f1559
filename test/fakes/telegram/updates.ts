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
    this.pending.push(full);
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
    return this.pending.length;
  }

  get allowedUpdates(): string[] | undefined {
    return this.allowed && [...this.allowed];
  }

  /** `allowed_updates` as getUpdates/setWebhook take it: omitted keeps the last setting, [] means default. */
  setAllowed(list: unknown): void {
    if (Array.isArray(list)) this.allowed = list.length > 0 ? new Set(list.map(String)) : undefined;
  }

  /** The deliverable updates in order; drops those allowed_updates excludes, as Telegram never queues them. */
  deliverable(): Update[] {
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const type = updateType(this.pending[i] as Update);
      if (this.allowed ? !this.allowed.has(type) : OFF_BY_DEFAULT.has(type)) this.pending.splice(i, 1);
    }
    return [...this.pending];
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
    const take = () => this.deliverable().slice(0, options.limit);
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
      const kept = this.pending.filter((update) => update.update_id >= offset);
      this.pending.splice(0, this.pending.length, ...kept);
    } else if (offset < 0) {
      // A negative offset keeps only the last |offset| updates.
      this.pending.splice(0, Math.max(0, this.pending.length + offset));
    }
  }
}
