import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { apiRateLimit } from "../../src/server/api/rate-limit.js";
import { KEY_PREFIX, redisKv } from "../../src/store/redis/index.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const clients: Redis[] = [];
afterAll(() => {
  for (const c of clients) c.disconnect();
});

/** The per-key limit is one budget in Redis, whichever process counts: two connections stand for two bot processes. */
describe.skipIf(!redisAvailable)("the reseller API's rate limit across processes (real Redis)", () => {
  it("lets twice the rate through per 2 s window in all, then refuses with the time to the window's end", async () => {
    const url = await freshRedisDb();
    const [a, b] = [new Redis(url), new Redis(url)];
    clients.push(a, b);
    const first = apiRateLimit(redisKv(a, KEY_PREFIX), 5);
    const second = apiRateLimit(redisKv(b, KEY_PREFIX), 5);
    // A fixed instant 0.5 s into a window: every take counts in the same one.
    const now = Math.floor(Date.now() / 2_000) * 2_000 + 500;
    const verdicts = [];
    for (let i = 0; i < 8; i++) {
      verdicts.push(await first.take("key-1", now));
      verdicts.push(await second.take("key-1", now));
    }
    expect(verdicts.filter((v) => v.ok)).toHaveLength(10);
    expect(verdicts[0]).toEqual({ ok: true, limit: 10, remaining: 9, resetSeconds: 2 });
    expect(verdicts.at(-1)).toEqual({ ok: false, limit: 10, remaining: 0, resetSeconds: 2 });
    // Another key has its own budget; the next window starts afresh.
    expect((await first.take("key-2", now)).ok).toBe(true);
    expect((await second.take("key-1", now + 2_000)).ok).toBe(true);
  });
});
