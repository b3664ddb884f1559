import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { LimiterTimeout, type Limiter, type LimiterFactory, type RateLimiterOptions, type Release } from "./rate-limiter.js";

/**
 * A sliding-window log in Redis (a sorted set of calls by time), checked and taken in one script
 * on Redis' own clock, so every process counts against one budget with no clock skew. Like the
 * in-process limiter, a call's window starts when it ENDS (its entry is moved to its end time),
 * so latency can never let more than `max` calls land in any of the provider's windows.
 * KEYS: 1 the log, 2 the shared pause. ARGV: 1 window ms, 2 max, 3 this call's id.
 * Returns 0 when granted, else how many ms to wait.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local paused = redis.call('PTTL', KEYS[2])
if paused > 0 then return paused end
local window = tonumber(ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window * 2)
  return 0
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return math.max(1, tonumber(oldest[2]) + window - now)
`;

/** The call ended: its entry now counts from this instant. KEYS: 1 the log. ARGV: 1 window ms, 2 id. */
const RELEASE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now, ARGV[2])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) * 2)
return 1
`;

/** Whether the window is full or paused now, taking nothing. KEYS: 1 the log, 2 the pause. ARGV: 1 window ms, 2 max. */
const FULL = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
if redis.call('PTTL', KEYS[2]) > 0 then return 1 end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[1]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 1 end
return 0
`;

/** Sets the shared pause unless a longer one stands. KEYS: 1 the pause. ARGV: 1 ms. */
const PAUSE = `if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[1]) then redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) end return 1`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One documented provider limit shared by every bot process. Callers that find the window full
 * wait in their own process, up to their patience; a 429's pause is shared too, so one process's
 * Retry-After holds them all.
 */
class SharedLimiter implements Limiter {
  private localPauseUntil = 0;
  private readonly log: string;
  private readonly pauseKey: string;

  constructor(
    private readonly redis: Redis,
    name: string,
    private readonly opts: RateLimiterOptions,
  ) {
    this.log = `rb:limit:${name}`;
    this.pauseKey = `rb:limit:${name}:pause`;
  }

  get pausedForMs(): number {
    return Math.max(0, this.localPauseUntil - Date.now());
  }

  pause(ms: number): void {
    if (!(ms > 0)) return;
    this.localPauseUntil = Math.max(this.localPauseUntil, Date.now() + ms);
    // Only ever lengthened: a shorter Retry-After never cuts a longer pause another process set.
    void this.redis.eval(PAUSE, 1, this.pauseKey, Math.ceil(ms)).catch(() => undefined);
  }

  async full(): Promise<boolean> {
    return this.pausedForMs > 0 || Number(await this.redis.eval(FULL, 2, this.log, this.pauseKey, this.opts.windowMs, this.opts.max)) === 1;
  }

  async acquire(maxWaitMs = Number.POSITIVE_INFINITY): Promise<Release> {
    const deadline = Date.now() + maxWaitMs;
    const id = randomUUID();
    for (;;) {
      const wait =
        this.pausedForMs || Number(await this.redis.eval(TAKE, 2, this.log, this.pauseKey, this.opts.windowMs, this.opts.max, id));
      if (wait === 0) {
        let released = false;
        return (sent = true) => {
          if (released) return;
          released = true;
          // Unused (nothing went out): the entry goes, or every failed attempt would eat the window.
          if (!sent) void this.redis.zrem(this.log, id).catch(() => undefined);
          else void this.redis.eval(RELEASE, 1, this.log, this.opts.windowMs, id).catch(() => undefined);
        };
      }
      if (Date.now() + wait > deadline) throw new LimiterTimeout(maxWaitMs);
      // A little jitter: processes waiting on one window do not all knock at the same instant.
      await sleep(wait + Math.floor(Math.random() * 20));
    }
  }
}

export function sharedLimiters(redis: Redis): LimiterFactory {
  return (name, opts) => new SharedLimiter(redis, name, opts);
}
