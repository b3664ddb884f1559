import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GAMETOPUP_SEED } from "../../src/sandbox/index.js";
import { startHarness, tap, type Harness } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const NAME = "Tom & Jerry <Gems> 86";

/** Button labels are plain text to Telegram: a product named with & and < must read as it is. */
describe.skipIf(!redisAvailable || !postgresAvailable)("inline button labels", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      gametopup: { products: GAMETOPUP_SEED.map((p) => (p.kode === "1" ? { ...p, produk: NAME } : p)) },
    });
  });
  afterAll(() => h?.close());

  it("show product names with & and < as written, in the catalogue and in /orders", async () => {
    const u = await h.reseller(9301);
    await h.credit(u.id, 100_000, "IDR");
    await u.send("/topup");
    await tap(u, /Mobile/);
    await u.waitFor(() => u.buttons().some((b) => b.text.startsWith(NAME)), 5_000, "the product button");
    expect(
      u
        .buttons()
        .map((b) => b.text)
        .join("\n"),
    ).not.toMatch(/&amp;|&lt;/);

    const product = (await h.app.services.catalog.product("gametopup", "1"))!;
    const draft = await h.app.services.drafts.create(u.id, product, await h.app.services.catalog.price(product, "member"), {
      playerId: "12345678",
    });
    expect((await h.app.services.orders.place(draft.id, u.id)).kind).toBe("placed");
    const seen = u.messages().length;
    await u.send("/orders");
    await u.waitForMessage({ match: /orders/i, after: seen });
    expect(u.buttons().some((b) => b.text.startsWith(`${NAME} · `))).toBe(true);
  });
});
