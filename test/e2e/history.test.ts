import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, tap, type Harness } from "../support/harness.js";

describe.skipIf(!redisAvailable || !postgresAvailable)("history, statement and language", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  async function placeOrders(userId: number, n: number) {
    const s = h.app.services;
    const product = (await s.catalog.products()).find((p) => p.provider === "gametopup" && p.sku === "3")!;
    const price = await s.catalog.price(product, "member");
    for (let i = 0; i < n; i++) {
      const d = await s.drafts.create(userId, product, price, { playerId: `9000${i}` });
      expect((await s.orders.place(d.id, userId)).kind).toBe("placed");
    }
  }

  it("pages /orders, opens an order, goes back to the same page, and sends the statement as CSV", async () => {
    const u = await h.reseller(9001);
    await h.credit(u.id, 500_000, "IDR");
    await placeOrders(u.id, 10);
    await u.send("/orders");
    const list = await u.waitForMessage({ match: /Your orders.*1\/2/ });
    expect(u.buttons(list).filter((b) => b.data?.startsWith("ov:"))).toHaveLength(8);
    await u.press("▶️");
    await u.waitFor(() =>
      u
        .messages()
        .find((m) => m.message_id === list.message_id)
        ?.text.includes("2/2")
        ? true
        : undefined,
    );
    const pageTwo = u.buttons(u.messages().find((m) => m.message_id === list.message_id)).filter((b) => b.data?.startsWith("ov:"));
    expect(pageTwo).toHaveLength(2);
    await u.press({ data: pageTwo[0]!.data! });
    const card = await u.waitForMessage({ match: /Free Fire/ });
    expect(card.text).toMatch(/Player: 9000\d/);
    await u.press("⬅️ Back", { messageId: card.message_id });
    await u.waitFor(() =>
      u
        .messages()
        .find((m) => m.message_id === card.message_id)
        ?.text.includes("2/2")
        ? true
        : undefined,
    );

    const seen = u.messages().length;
    await tap(u, /Statement/);
    const doc = await u.waitFor(() =>
      u
        .messages()
        .slice(seen)
        .find((m) => m.document),
    );
    const csv = String(doc.document!.content);
    const rows = csv.trim().split("\n");
    expect(rows[0]).toBe("date,type,amount,currency,balance_after,order,reason");
    expect(rows).toHaveLength(1 + 11);
    expect(rows[1]).toMatch(/,credit,500000,IDR,500000,,test$/);
    const balance = await h.balance(u.id, "IDR");
    expect(Number(rows.at(-1)!.split(",")[4])).toBe(balance);

    await u.send("/balance");
    const bal = await u.waitForMessage({ match: /Last entries/ });
    expect(bal.text.split("\n").filter((l) => / · /.test(l))).toHaveLength(10);
  });

  it("switches language with /language and remembers it", async () => {
    const u = await h.reseller(9002);
    await u.send("/language");
    await tap(u, "Bahasa Indonesia");
    await u.waitFor(() => (u.messages().some((m) => m.text.includes("Bahasa Indonesia") && !m.reply_markup) ? true : undefined));
    await u.send("/balance");
    await u.waitForMessage({ match: /Dompet Anda|dompet/i });
    await u.send("/language");
    await tap(u, "မြန်မာ");
    await u.send("/help");
    const help = await u.waitForMessage({ match: /\/products/ });
    expect(help.text).toMatch(/[\u1000-\u109F]/);
  });
});
