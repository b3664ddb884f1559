import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

/**
 * Issue 17.3: when the shared rate limiter's Redis call fails, not one request reached the
 * provider. The order is "not sent": its claim is given back and it is placed once Redis answers,
 * never marked unknown with the reseller's money held and admins alerted.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("an order whose rate-limit check fails in Redis", () => {
  let h: Harness;
  let redis: Redis;
  beforeAll(async () => {
    const redisUrl = await freshRedisDb();
    redis = new Redis(redisUrl);
    h = await startHarness({ redisUrl, databaseUrl: await freshDatabase() });
  });
  afterAll(async () => {
    redis?.disconnect();
    await h?.close();
  });

  it("is not sent, stays pending with its claim given back, and is placed when the limiter answers again", async () => {
    const s = h.app.services;
    const u = await h.reseller(9301);
    await h.credit(u.id, 100_000, "IDR");
    const product = (await s.catalog.product("gametopup", "1"))!;
    const draft = await s.drafts.create(u.id, product, await s.catalog.price(product, "member"), { playerId: "12345678", zone: "2001" });
    // A real Redis error on the limiter's own script (WRONGTYPE), while the rest of Redis works.
    await redis.set("rb:limit:gametopup:order", "not a sorted set");
    const seen = h.admin.messages().length;
    const sentBefore = h.gametopup.control.requests("order").length;

    await s.orders.confirm(draft.id, u.id);
    await waitFor(
      async () =>
        (await h.app.store.orders.get(draft.id))?.history.some((e) => e.note === "not sent: the provider is busy") ? true : undefined,
      5_000,
      "the claim to be given back",
    );
    const held = (await h.app.store.orders.get(draft.id))!;
    expect(held.state).toBe("pending");
    expect(held.sentAt).toBeUndefined();
    expect(h.gametopup.control.requests("order").length).toBe(sentBefore);

    await redis.del("rb:limit:gametopup:order");
    await waitFor(
      async () => ((await h.app.store.orders.get(draft.id))?.state === "processing" ? true : undefined),
      10_000,
      "the order to be placed",
    );
    expect(h.gametopup.control.requests("order").length).toBe(sentBefore + 1);
    expect(await h.balance(u.id, "IDR")).toBe(100_000 - draft.price.amount);
    expect(
      h.admin
        .messages()
        .slice(seen)
        .some((m) => /unknown/.test(m.text)),
    ).toBe(false);
  });
});
