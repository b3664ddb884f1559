import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, tap, type Harness } from "../support/harness.js";

// Spotify Premium 1 Month: original 6000 MMK, GOLD price 4500; member markup 10% → 4950 each.
const UNIT_PRICE = 4_950;

describe.skipIf(!redisAvailable || !postgresAvailable)("subscriptions from xinstitute through the bot", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      timings: { providerTimeouts: { orderMs: 400, readMs: 1000 } },
    });
  });
  afterAll(() => h?.close());

  async function toCard(u: FakeUser, email: string) {
    await u.send("/products");
    await tap(u, "Music");
    await tap(u, /Spotify Premium 1 Month/);
    await tap(u, /Buy/);
    await u.waitForMessage({ match: /e-mail/ });
    await u.send("not an email");
    await u.waitForMessage({ match: /doesn't look right/ });
    await u.send(email);
    await u.waitForMessage({ match: /How many/ });
    await u.send("0");
    await u.waitForMessage({ match: /whole number from 1 to 10/ });
    await tap(u, "2");
    return u.waitForMessage({ match: /Confirm your order/ });
  }

  it("sells a subscription to a customer e-mail in a quantity, at the tier price, never showing cost", async () => {
    const u = await h.reseller(5001);
    await h.credit(u.id, 20_000, "MMK");
    const card = await toCard(u, "Buyer@Example.com");
    expect(card.text).toContain("Buyer@example.com");
    expect(card.text).toContain("Quantity: 2");
    expect(card.text).toMatch(/9,900/);
    expect(card.text).not.toMatch(/4,500|9,000/);
    const seen = u.messages().length;
    await tap(u, /Confirm/);
    await u.waitForMessage({ match: /placed/, after: seen });
    const [req] = h.xinstitute.control.requests("order");
    expect(req!.body).toEqual({ customer_email: "Buyer@example.com", products: [{ product_id: "SPOTIFY_1M", quantity: 2 }] });
    expect(req!.headers.authorization).toBe(`Bearer ${h.xinstitute.apiKey}`);
    expect(await h.balance(u.id, "MMK")).toBe(20_000 - 2 * UNIT_PRICE);
  });

  it("marks an order whose answer was lost as unknown and hands admins the provider's unmatched order ids", async () => {
    const u = await h.reseller(5002);
    await h.credit(u.id, 20_000, "MMK");
    await toCard(u, "late@example.com");
    h.xinstitute.control.failNext("order", { afterProcessing: "timeout" });
    const seen = u.messages().length;
    const adminSeen = h.admin.messages().length;
    await tap(u, /Confirm/);
    const msg = await u.waitForMessage({ match: /did not answer in time/, after: seen });
    const orderId = /R[0-9A-Z]{10}/.exec(msg.text)![0];
    expect(await h.balance(u.id, "MMK")).toBe(20_000 - 2 * UNIT_PRICE);
    const providerOrders = h.xinstitute.control.orders();
    const lost = providerOrders.at(-1)!.order_id;
    const hint = await h.admin.waitForMessage({ match: /match none of ours/, after: adminSeen, timeoutMs: 5_000 });
    expect(hint.text).toContain(orderId);
    expect(hint.text).toContain(lost);
    expect(
      h.xinstitute.control
        .requests("order")
        .filter((r) => r.body && (r.body as { customer_email: string }).customer_email === "late@example.com"),
    ).toHaveLength(1);
  });
});
