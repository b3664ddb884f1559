import { tooManyRequests } from "./api-error.js";

export interface RateLimitOptions {
  /** Sustained messages per second into one chat. Default 1. */
  perChatPerSecond?: number;
  /** Messages one chat may receive at once before the per-second rate applies. Default 3. */
  perChatBurst?: number;
  /** Messages per second across all chats (also the burst). Default 30. */
  globalPerSecond?: number;
  /** Messages per minute into one group or supergroup (also the burst), on top of the per-chat rate. Default 20. */
  perGroupPerMinute?: number;
}

export const DEFAULT_RATE_LIMITS: Required<RateLimitOptions> = {
  perChatPerSecond: 1,
  perChatBurst: 3,
  globalPerSecond: 30,
  perGroupPerMinute: 20,
};

/** A token bucket: holds up to `capacity` tokens, refilled at `perSecond`. */
class Bucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.updatedAt = now;
  }

  /** Seconds until a token is available (0 = available now). */
  wait(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond);
    this.updatedAt = now;
    return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perSecond;
  }

  take(): void {
    this.tokens -= 1;
  }
}

/**
 * Telegram's flood limits, approximated with token buckets: per chat a burst of
 * `perChatBurst` then `perChatPerSecond`, and `globalPerSecond` over all chats; a group
 * (negative chat id) also gets only `perGroupPerMinute` a minute.
 * Only accepted messages consume tokens; a refusal is a 429 with a whole-second retry_after ≥ 1.
 */
export class RateLimiter {
  private readonly limits: Required<RateLimitOptions>;
  private readonly chats = new Map<number, Bucket>();
  private readonly groups = new Map<number, Bucket>();
  private readonly global: Bucket;

  constructor(options: RateLimitOptions = {}) {
    this.limits = { ...DEFAULT_RATE_LIMITS, ...options };
    this.global = new Bucket(this.limits.globalPerSecond, this.limits.globalPerSecond, Date.now());
  }

  /** Consumes a token for `chatId` (and a global one unless `perChatOnly`), or throws the 429. */
  take(chatId: number, { perChatOnly = false } = {}): void {
    const now = Date.now();
    let chat = this.chats.get(chatId);
    if (!chat) {
      chat = new Bucket(this.limits.perChatBurst, this.limits.perChatPerSecond, now);
      this.chats.set(chatId, chat);
    }
    let group: Bucket | undefined;
    if (chatId < 0 && !perChatOnly) {
      group = this.groups.get(chatId);
      if (!group) {
        group = new Bucket(this.limits.perGroupPerMinute, this.limits.perGroupPerMinute / 60, now);
        this.groups.set(chatId, group);
      }
    }
    const wait = Math.max(chat.wait(now), group?.wait(now) ?? 0, perChatOnly ? 0 : this.global.wait(now));
    if (wait > 0) throw tooManyRequests(Math.max(1, Math.ceil(wait)));
    chat.take();
    group?.take();
    if (!perChatOnly) this.global.take();
  }
}
