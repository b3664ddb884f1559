import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { parseRetryAfter } from "../../src/providers/http.js";
import { LimiterTimeout, RateLimiter } from "../../src/providers/rate-limiter.js";

describe("RateLimiter", () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it("gives up on a caller whose patience runs out, leaving the queue to the others", async () => {
    const rl = new RateLimiter({ max: 1, windowMs: 1000 });
    const first = await rl.acquire(0);
    const impatient = rl.acquire(100);
    const patient = rl.acquire();
    const rejected = expect(impatient).rejects.toBeInstanceOf(LimiterTimeout);
    await vi.advanceTimersByTimeAsync(100);
    await rejected;
    expect(rl.pending).toBe(1);
    first();
    await vi.advanceTimersByTimeAsync(1000);
    (await patient)();
  });

  it("lets max calls through per window and queues the rest in FIFO order", async () => {
    const rl = new RateLimiter({ max: 2, windowMs: 1000 });
    const started: Array<[number, number]> = [];
    const all = [0, 1, 2, 3, 4].map((i) =>
      rl.schedule(async () => {
        started.push([i, Date.now() - 1_000_000]);
        return i;
      }),
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual([
      [0, 0],
      [1, 0],
    ]);
    await vi.advanceTimersByTimeAsync(999);
    expect(started.length).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(started.map(([i]) => i)).toEqual([0, 1, 2, 3]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await Promise.all(all)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([
      [0, 0],
      [1, 0],
      [2, 1000],
      [3, 1000],
      [4, 2000],
    ]);
  });

  it("counts the window from when a call ends, and holds slots while calls run", async () => {
    const rl = new RateLimiter({ max: 1, windowMs: 100 });
    const log: number[] = [];
    const slow = rl.schedule(async () => {
      log.push(Date.now() - 1_000_000);
      await new Promise((r) => setTimeout(r, 500));
    });
    const next = rl.schedule(async () => void log.push(Date.now() - 1_000_000));
    await vi.advanceTimersByTimeAsync(550);
    expect(log).toEqual([0]);
    await vi.advanceTimersByTimeAsync(50);
    await Promise.all([slow, next]);
    expect(log).toEqual([0, 600]);
  });

  it("pause holds every caller, and never shortens an earlier pause", async () => {
    const rl = new RateLimiter({ max: 10, windowMs: 1000 });
    rl.pause(3000);
    rl.pause(1000);
    let ran = false;
    const p = rl.schedule(async () => void (ran = true));
    expect(rl.pending).toBe(1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(ran).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await p;
    expect(ran).toBe(true);
  });

  it("frees the slot when the call throws", async () => {
    const rl = new RateLimiter({ max: 1, windowMs: 10 });
    await expect(rl.schedule(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const p = rl.schedule(async () => "ok");
    await vi.advanceTimersByTimeAsync(10);
    await expect(p).resolves.toBe("ok");
  });

  it("acquire's release is idempotent", async () => {
    const rl = new RateLimiter({ max: 1, windowMs: 50 });
    const release = await rl.acquire();
    release();
    release();
    const t0 = Date.now();
    const again = rl.acquire();
    await vi.advanceTimersByTimeAsync(50);
    (await again)();
    expect(Date.now() - t0).toBe(50);
  });

  it("rejects nonsense options", () => {
    expect(() => new RateLimiter({ max: 0, windowMs: 1000 })).toThrow(RangeError);
    expect(() => new RateLimiter({ max: 1, windowMs: 0 })).toThrow(RangeError);
  });
});

describe("parseRetryAfter", () => {
  it("reads delta-seconds and HTTP dates", () => {
    const now = Date.parse("2026-05-13T08:00:00Z");
    expect(parseRetryAfter("45", now)).toBe(45_000);
    expect(parseRetryAfter(" 2 ", now)).toBe(2000);
    expect(parseRetryAfter("Wed, 13 May 2026 08:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 13 May 2026 07:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
  });
});
