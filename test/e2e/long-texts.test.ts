import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { money } from "../../src/domain/notifications.js";
import { queueNotifier } from "../../src/jobs/notifier.js";
import { boundText, PROVIDER_TEXT_MAX } from "../../src/providers/text.js";
import type { ProviderId } from "../../src/providers/types.js";
import type { OrderRecord } from "../../src/store/types.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, type Harness } from "../support/harness.js";

/** 5,000 characters of provider text, with characters HTML must escape (escaping makes it longer still). */
const longText = (word: string) => `${word} <gangguan> & "antrian"; `.repeat(400).slice(0, 5_000);

describe.skipIf(!redisAvailable || !postgresAvailable)("provider text of any length (real PostgreSQL and Redis)", () => {
  let h: Harness;
  let nextId = 7100;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  const order = async (id: string) => (await h.app.store.orders.get(id))!;

  /** Places an order without the chat (the chat flow is not the point here). */
  async function placeDirect(
    userId: number,
    provider: ProviderId,
    sku: string,
    input: { email?: string; quantity?: number; playerId?: string; zone?: string },
  ): Promise<OrderRecord> {
    const s = h.app.services;
    const product = await s.catalog.product(provider, sku);
    if (!product) throw new Error(`no product ${provider}/${sku}`);
    const draft = await s.drafts.create(userId, product, await s.catalog.price(product, "member"), input);
    const out = await s.orders.place(draft.id, userId);
    if (out.kind !== "placed") throw new Error(`order not placed: ${out.kind}`);
    return out.order;
  }

  /** Every call the bot made to this chat was accepted: no 400 "message is too long" was swallowed. */
  function noRefusedSends(u: FakeUser, since: number) {
    const refused = h.telegram
      .calls("sendMessage")
      .slice(since)
      .flatMap((c) => (String(c.payload.chat_id) === String(u.id) && c.response?.ok === false ? [c.response.description] : []));
    expect(refused).toEqual([]);
  }

  it("a gametopup order failed with a 5,000-character keterangan is refunded, the reseller is told, and /status shows it", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "IDR");
    const placed = await placeDirect(u.id, "gametopup", "1", { playerId: "87654321", zone: "2002" });
    const note = longText("Server sedang maintenance");
    const nickname = "N".repeat(5_000);
    const seen = u.messages().length;
    const calls = h.telegram.calls("sendMessage").length;

    h.gametopup.control.setTransactionStatus(placed.providerOrderId!, "Batal", note, nickname);
    const msg = await u.waitForMessage({ match: /refunded to your wallet/, after: seen, timeoutMs: 8000 });
    expect(msg.text).toContain(placed.id);
    // The note is there, cut at the edge to 500 characters with an ellipsis (and escaped after the cut).
    const bounded = boundText(note)!;
    expect(bounded).toHaveLength(PROVIDER_TEXT_MAX);
    expect(msg.text).toContain(`Provider note: ${bounded}`);
    expect(await h.balance(u.id, "IDR")).toBe(50_000);

    const stored = await order(placed.id);
    expect(stored.state).toBe("refunded");
    expect(stored.note).toBe(bounded);
    expect(stored.nickname).toHaveLength(PROVIDER_TEXT_MAX);

    const before = u.messages().length;
    await u.send(`/status ${placed.id}`);
    const card = await u.waitForMessage({ match: new RegExp(`Order.*${placed.id}`, "s"), after: before, timeoutMs: 8000 });
    expect(card.text).toContain(bounded);
    expect(card.text.length).toBeLessThanOrEqual(4096);
    noRefusedSends(u, calls);
  });

  it("an xinstitute `shipped` webhook with a 5,000-character tracking_info reaches the reseller, and /status shows it", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 20_000, "MMK");
    const placed = await placeDirect(u.id, "xinstitute", "SPOTIFY_1M", { email: "customer@example.com", quantity: 1 });
    const tracking = longText("TRK-778899");
    const seen = u.messages().length;
    const calls = h.telegram.calls("sendMessage").length;

    const delivery = await h.xinstitute.control.ship(placed.providerOrderId!, { trackingInfo: tracking, shippingStatus: "In Transit" });
    expect(delivery.attempts.map((a) => a.status)).toEqual([200]);
    const msg = await u.waitForMessage({ match: /shipped/, after: seen, timeoutMs: 8000 });
    expect(msg.text).toContain(placed.id);
    expect(msg.text).toContain("customer@example.com");
    const bounded = boundText(tracking)!;
    expect(msg.text).toContain(`Tracking: ${bounded}`);

    const stored = await order(placed.id);
    expect(stored.state).toBe("shipped");
    expect(stored.trackingInfo).toBe(bounded);

    const before = u.messages().length;
    await u.send(`/status ${placed.id}`);
    const card = await u.waitForMessage({ match: new RegExp(`Order.*${placed.id}`, "s"), after: before, timeoutMs: 8000 });
    expect(card.text).toContain(bounded);
    noRefusedSends(u, calls);
  });

  it("an order stored before the bound, with a 5,000-character note, still shows on /status, cut to Telegram's 4096", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "IDR");
    const placed = await placeDirect(u.id, "gametopup", "1", { playerId: "11223344", zone: "2003" });
    // A row written by an older version: nothing at the provider edge cut it.
    const note = longText("Catatan lama");
    await h.app.store.orders.patch(placed.id, { note, nickname: "Old".repeat(1_000) });
    const calls = h.telegram.calls("sendMessage").length;
    const before = u.messages().length;
    await u.send(`/status ${placed.id}`);
    const card = await u.waitForMessage({ match: new RegExp(`Order.*${placed.id}`, "s"), after: before, timeoutMs: 8000 });
    expect(card.text).toHaveLength(4096);
    expect(card.text.endsWith("…")).toBe(true);
    expect(card.text).toContain(`Nickname: ${"Old".repeat(1_000)}`);
    expect(card.text).toContain('Note: Catatan lama <gangguan> & "antrian";');
    noRefusedSends(u, calls);
  });

  it("a refund notice queued before the bound, with a 5,000-character reason, is delivered cut to 4096", async () => {
    const u = await h.reseller(nextId++);
    const seen = u.messages().length;
    const calls = h.telegram.calls("sendMessage").length;
    await queueNotifier(h.app.queues, []).notifyUser({
      userId: u.id,
      key: "order-refunded",
      args: { orderId: "R0LDQUEUED1", product: "Mobile Legends 86 Diamonds", amount: money(21_780, "IDR"), reason: longText("Lama") },
    });
    const msg = await u.waitForMessage({ match: /R0LDQUEUED1/, after: seen, timeoutMs: 8000 });
    expect(msg.text).toHaveLength(4096);
    expect(msg.text).toContain("refunded to your wallet. Provider note: Lama <gangguan>");
    expect(msg.text.endsWith("…")).toBe(true);
    // The cut left the message's own markup whole: the order id is still its <code> entity.
    expect(msg.entities?.some((e) => e.type === "code" && msg.text.slice(e.offset, e.offset + e.length) === "R0LDQUEUED1")).toBe(true);
    noRefusedSends(u, calls);
  });
});
