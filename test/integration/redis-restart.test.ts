import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { haveRedisServer, startOwnRedis } from "../support/own-redis.js";
import { waitFor } from "../support/process.js";

describe.skipIf(!haveRedisServer)("a Redis restart", () => {
  let h: Harness;
  let redis: Awaited<ReturnType<typeof startOwnRedis>>;
  const ready = async () => (await fetch(`${h.url}/readyz`)).status;

  beforeAll(async () => {
    redis = await startOwnRedis({ appendonly: true });
    h = await startHarness({ redisUrl: redis.url });
  });
  afterAll(async () => {
    await h?.close();
    redis?.close();
  });

  it("is reported by /readyz, loses no money, and the bot answers again once Redis is back", async () => {
    const u = await h.reseller(8001);
    await h.credit(u.id, 12_345, "IDR");
    expect(await ready()).toBe(200);

    await redis.stop();
    await waitFor(async () => ((await ready()) === 503 ? true : undefined), 10_000, "readyz to report the outage");

    // A reseller asks during the outage; the answer comes once Redis is back.
    const seen = u.messages().length;
    await u.send("/balance");
    await new Promise((r) => setTimeout(r, 300));
    await redis.start();
    await waitFor(async () => ((await ready()) === 200 ? true : undefined), 15_000, "readyz after the restart");
    const reply = await u.waitForMessage({ match: /12,345/, after: seen, timeoutMs: 15_000 });
    expect(reply.text).toMatch(/wallet/i);
    expect(await h.balance(u.id, "IDR")).toBe(12_345);
  });
});
