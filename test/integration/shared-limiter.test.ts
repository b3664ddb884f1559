import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createProviderHttp } from "../../src/providers/http.js";
import { LimiterTimeout, localLimiters } from "../../src/providers/rate-limiter.js";
import { sharedLimiters } from "../../src/providers/shared-limiter.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const clients: Redis[] = [];
afterAll(() => {
  for (const c of clients) c.disconnect();
});

/** Two processes' worth of limiters: separate connections, one Redis. */
async function twoProcesses() {
  const url = await freshRedisDb();
  const a = new Redis(url);
  const b = new Redis(url);
  clients.push(a, b);
  return [sharedLimiters(a), sharedLimiters(b)] as const;
}

/** The most grants that fall inside any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((x, y) => x - y);
  let most = 0;
  for (let i = 0; i < sorted.length; i++) most = Math.max(most, sorted.filter((t) => t >= sorted[i]! && t < sorted[i]! + windowMs).length);
  return most;
}

describe.skipIf(!redisAvailable)("a provider limit shared by every process", () => {
  it("never lets two processes together exceed the documented budget in any window, and queues instead of failing", async () => {
    const [pa, pb] = await twoProcesses();
    const opts = { max: 5, windowMs: 600 };
    const a = pa("test:orders", opts);
    const b = pb("test:orders", opts);
    const grants: number[] = [];
    const call = async (limiter: typeof a) => {
      const release = await limiter.acquire(10_000);
      grants.push(Date.now());
      await new Promise((r) => setTimeout(r, 5));
      release();
    };
    await Promise.all(Array.from({ length: 16 }, (_, i) => call(i % 2 === 0 ? a : b)));
    expect(grants).toHaveLength(16);
    expect(busiestWindow(grants, opts.windowMs)).toBeLessThanOrEqual(5);
    // 16 calls at 5 per window need at least three windows after the first.
    expect(Math.max(...grants) - Math.min(...grants)).toBeGreaterThanOrEqual(3 * opts.windowMs - 50);
  });

  it("shares a 429's pause, and gives up only at the caller's patience", async () => {
    const [pa, pb] = await twoProcesses();
    const a = pa("test:reads", { max: 100, windowMs: 1000 });
    const b = pb("test:reads", { max: 100, windowMs: 1000 });
    const t = Date.now();
    a.pause(500);
    // pause() does not wait for Redis; give the write a moment to land, as another process would.
    await new Promise((r) => setTimeout(r, 50));
    await expect(b.acquire(100)).rejects.toBeInstanceOf(LimiterTimeout);
    const release = await b.acquire(2_000);
    release();
    expect(Date.now() - t).toBeGreaterThanOrEqual(450);
  });
});

/** Issue 17.10: a call that got a slot from one limit and none from the next was never sent; its first slot must not count. */
describe.each([
  ["in this process", async () => localLimiters],
  ["shared in Redis", async () => (redisAvailable ? (await twoProcesses())[0] : localLimiters)],
] as const)("two documented limits on one call (%s)", (_name, factory) => {
  it("gives back the wide window's slot when the narrow one has none: failed attempts never eat the budget", async () => {
    const limiters = await factory();
    const wide = limiters(`test:wide:${Math.random()}`, { max: 3, windowMs: 60_000 });
    const narrow = limiters(`test:narrow:${Math.random()}`, { max: 1, windowMs: 60_000 });
    let sent = 0;
    const http = createProviderHttp({
      provider: "xinstitute",
      timeoutMs: 1_000,
      retry: { maxWriteQueueMs: 30 },
      transport: async () => {
        sent++;
        return { status: 200, headers: new Headers(), text: "{}" };
      },
    });
    const call = () =>
      http.request({
        endpoint: "order",
        url: "http://provider.invalid/order",
        method: "POST",
        schema: z.object({}),
        limiters: [wide, narrow],
        retry: "none",
        mapError: () => {
          throw new Error("no error answers here");
        },
      });
    await call();
    // The narrow window is spent: each of these waits, gets no slot, and is not sent.
    for (let i = 0; i < 5; i++) await expect(call()).rejects.toMatchObject({ code: "client_queue_full" });
    expect(sent).toBe(1);
    // Two of the wide window's three are still free.
    expect(await wide.full()).toBe(false);
    const one = await wide.acquire(0);
    const two = await wide.acquire(0);
    await expect(wide.acquire(0)).rejects.toBeInstanceOf(LimiterTimeout);
    one();
    two();
  });
});
