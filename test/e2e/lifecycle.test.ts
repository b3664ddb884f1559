import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { ProviderId } from "../../src/providers/types.js";
import type { OrderRecord } from "../../src/store/types.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, tap, type Harness } from "../support/harness.js";

// Spotify Premium 1 Month: 6000 MMK, GOLD 25 % off → 4500; member markup 10 % → 4950 MMK.
const SPOTIFY_1M_PRICE = 4_950;
// Mobile Legends 86 Diamonds: Rp 19.800 at the fake; member markup 10 % → Rp 21.780.
const ML86_PRICE = 21_780;

describe.skipIf(!redisAvailable || !postgresAvailable)("order lifecycle: signed webhooks and status polling (real Redis)", () => {
  let h: Harness;
  let nextId = 5000;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
  });
  afterAll(() => h?.close());

  const webhookUrl = () => `${h.url}/webhooks/xinstitute`;
  const sign = (body: string | Buffer, secret = h.xinstitute.webhookSecret) => createHmac("sha256", secret).update(body).digest("hex");

  /** Posts raw bytes to our webhook route, signed with the right secret unless told; null sends no signature. */
  async function post(body: string | Buffer, signature: string | null = sign(body)) {
    const headers: Record<string, string> = { "Content-Type": "application/json", "X-Webhook-Event": "shipped" };
    if (signature !== null) headers["X-Webhook-Signature"] = signature;
    const res = await fetch(webhookUrl(), { method: "POST", headers, body });
    await res.arrayBuffer();
    return res.status;
  }

  /** A body shaped like the fake's: the same fields, our own timestamp. */
  function payload(
    event: "shipped" | "cancelled" | "failed_delivery",
    orderId: string,
    extra: Record<string, unknown> = {},
    timestamp = "2025-01-01T10:00:00+06:30",
  ) {
    return JSON.stringify({
      event,
      order_id: orderId,
      timestamp,
      data: { tracking_info: null, shipping_status: "x", customer_data: { email: "c@example.com" } },
      ...extra,
    });
  }

  /** Every queued notification has gone out (waiting, delayed and active jobs count). */
  async function settle(timeoutMs = 8000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if ((await h.app.queues.depth("notifications")) === 0) return;
      if (Date.now() > until) throw new Error("notifications queue did not drain");
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  const order = async (id: string) => (await h.app.store.orders.get(id))!;
  const refunds = async (userId: number) => (await h.app.store.ledger.entries(userId, { limit: 100 })).filter((e) => e.type === "refund");

  /** Places an order without the chat (where the chat flow is not the point). */
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

  async function xinstituteOrder(u: FakeUser, email = "customer@example.com") {
    await h.credit(u.id, 20_000, "MMK");
    const placed = await placeDirect(u.id, "xinstitute", "SPOTIFY_1M", { email, quantity: 1 });
    expect(placed.state).toBe("processing");
    expect(placed.providerOrderId).toMatch(/^XIREO/);
    return placed;
  }

  it("buys a subscription in chat; a signed `shipped` webhook brings one message with the tracking number within 2 s, to that reseller only, however often it is delivered", async () => {
    const buyer = await h.reseller(nextId++);
    const other = await h.reseller(nextId++);
    await h.credit(buyer.id, 20_000, "MMK");
    const otherOrder = await xinstituteOrder(other);

    // /products → Music → Spotify 1 Month → Buy → e-mail → quantity → Confirm.
    await buyer.send("/products");
    await tap(buyer, "Music");
    await tap(buyer, /Spotify Premium 1 Month/);
    await tap(buyer, /Buy/);
    await buyer.waitForMessage({ match: /customer's e-mail/ });
    await buyer.send("buyer.customer@example.com");
    await buyer.waitForMessage({ match: /How many/ });
    await tap(buyer, "1");
    const card = await buyer.waitForMessage({ match: /Confirm your order/ });
    expect(card.text).toContain("buyer.customer@example.com");
    let seen = buyer.messages().length;
    await tap(buyer, /Confirm/);
    const placed = await buyer.waitForMessage({ match: /placed/, after: seen });
    const orderId = /R[0-9A-Z]{10}/.exec(placed.text)![0];
    expect(await h.balance(buyer.id, "MMK")).toBe(20_000 - SPOTIFY_1M_PRICE);
    const before = await order(orderId);
    expect(before.state).toBe("processing");
    const xiOrder = h.xinstitute.control.orders().find((o) => o.order_id === before.providerOrderId);
    expect(xiOrder?.customer_email).toBe("buyer.customer@example.com");

    const otherSeen = other.messages().length;
    seen = buyer.messages().length;
    const t0 = Date.now();
    const delivery = await h.xinstitute.control.ship(before.providerOrderId!, { trackingInfo: "TRK-778899", shippingStatus: "In Transit" });
    expect(delivery.outcome).toBe("delivered");
    expect(delivery.attempts.map((a) => a.status)).toEqual([200]);
    const msg = await buyer.waitForMessage({ match: /TRK-778899/, after: seen, timeoutMs: 2000 });
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(msg.text).toContain(orderId);
    expect(msg.text).toContain("buyer.customer@example.com");

    // The same delivery three more times (one after another, then two at once): 200, nothing new.
    expect((await h.xinstitute.control.redeliver(delivery.index)).status).toBe(200);
    const twice = await Promise.all([h.xinstitute.control.redeliver(delivery.index), h.xinstitute.control.redeliver(delivery.index)]);
    expect(twice.map((a) => a.status)).toEqual([200, 200]);
    // The provider resending "shipped" with a new timestamp is not a new shipment either.
    expect(
      await post(payload("shipped", before.providerOrderId!, { data: { tracking_info: "TRK-778899", shipping_status: "In Transit" } })),
    ).toBe(200);
    await settle();
    await new Promise((r) => setTimeout(r, 300));
    expect(buyer.messages().slice(seen)).toHaveLength(1);
    expect(buyer.messages().filter((m) => m.text.includes("TRK-778899"))).toHaveLength(1);
    expect(other.messages().length).toBe(otherSeen);

    const after = await order(orderId);
    expect(after.state).toBe("shipped");
    expect(after.trackingInfo).toBe("TRK-778899");
    expect(after.history.filter((e) => e.state === "shipped")).toHaveLength(1);
    expect((await order(otherOrder.id)).state).toBe("processing");
  });

  it("refuses a wrong or missing signature with 401: no state change, no message", async () => {
    const u = await h.reseller(nextId++);
    const placed = await xinstituteOrder(u);
    await settle(); // the admin's "new reseller" notice has gone out
    const seen = u.messages().length;
    const adminSeen = h.admin.messages().length;
    const body = payload("shipped", placed.providerOrderId!, { data: { tracking_info: "TRK-FORGED", shipping_status: "In Transit" } });

    expect(await post(body, sign(body, "not-the-secret"))).toBe(401);
    expect(await post(body, null)).toBe(401);
    expect(await post(body, "")).toBe(401);
    expect(await post(body, sign(body).toUpperCase().replace(/^./, "0"))).toBe(401);
    // A signature of different bytes (one space added) does not cover this body.
    expect(await post(`${body} `, sign(body))).toBe(401);
    const cancel = payload("cancelled", placed.providerOrderId!);
    expect(await post(cancel, sign(cancel, "wrong"))).toBe(401);

    await settle();
    await new Promise((r) => setTimeout(r, 300));
    const after = await order(placed.id);
    expect(after.state).toBe("processing");
    expect(after.trackingInfo).toBeUndefined();
    expect(after.history).toEqual(placed.history);
    expect(await refunds(u.id)).toHaveLength(0);
    expect(u.messages()).toHaveLength(seen);
    expect(h.admin.messages()).toHaveLength(adminSeen);

    // The same body with the right signature still goes through: the refusals left no marker.
    expect(await post(body)).toBe(200);
    await u.waitForMessage({ match: /TRK-FORGED/, after: seen, timeoutMs: 2000 });
  });

  it("answers 413 to a body over 64 KiB (signed or not) and changes nothing", async () => {
    const u = await h.reseller(nextId++);
    const placed = await xinstituteOrder(u);
    const seen = u.messages().length;
    const big = payload("shipped", placed.providerOrderId!, { padding: "x".repeat(64 * 1024) });
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024);
    expect(await post(big)).toBe(413);
    expect(await post(big, null)).toBe(413);
    // Exactly at the limit is allowed through to the signature check.
    const base = payload("shipped", placed.providerOrderId!, { padding: "" });
    const exact = payload("shipped", placed.providerOrderId!, { padding: "x".repeat(64 * 1024 - Buffer.byteLength(base)) });
    expect(Buffer.byteLength(exact)).toBe(64 * 1024);
    expect(await post(exact, sign(exact, "wrong"))).toBe(401);
    // Streamed without a Content-Length, the limit still holds.
    const streamed = await fetch(webhookUrl(), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Webhook-Signature": sign(big) },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(big));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    await streamed.arrayBuffer();
    expect(streamed.status).toBe(413);

    await settle();
    expect((await order(placed.id)).state).toBe("processing");
    expect(u.messages()).toHaveLength(seen);
  });

  it("answers 400 to a well-signed body that is not JSON or not an event, and changes nothing", async () => {
    const u = await h.reseller(nextId++);
    const placed = await xinstituteOrder(u);
    const seen = u.messages().length;
    for (const body of [
      "{not json",
      "",
      "null",
      JSON.stringify({ event: "exploded", order_id: placed.providerOrderId, timestamp: "2025-01-01T10:00:00+06:30" }),
      JSON.stringify({ event: "shipped", timestamp: "2025-01-01T10:00:00+06:30" }),
      Buffer.from([0xff, 0xfe, 0x7b, 0x7d]),
    ]) {
      expect(await post(body), `body ${JSON.stringify(body.toString())}`).toBe(400);
    }
    await settle();
    expect((await order(placed.id)).state).toBe("processing");
    expect(u.messages()).toHaveLength(seen);
  });

  it("answers 200 to an event for an unknown order, alerts the admins once, and keeps working", async () => {
    const adminSeen = h.admin.messages().length;
    const body = payload("shipped", "XIREO0000000000000");
    expect(await post(body)).toBe(200);
    expect(await post(body)).toBe(200); // the provider's retry: still one alert
    const alert = await h.admin.waitForMessage({ match: /XIREO0000000000000/, after: adminSeen });
    expect(alert.text).toMatch(/don't know/);
    await settle();
    expect(
      h.admin
        .messages()
        .slice(adminSeen)
        .filter((m) => m.text.includes("XIREO0000000000000")),
    ).toHaveLength(1);
    expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
  });

  it("`failed_delivery` moves the order, tells the reseller and alerts the admins", async () => {
    const u = await h.reseller(nextId++);
    const placed = await xinstituteOrder(u);
    const seen = u.messages().length;
    const adminSeen = h.admin.messages().length;
    const delivery = await h.xinstitute.control.failDelivery(placed.providerOrderId!);
    expect(delivery.outcome).toBe("delivered");
    const msg = await u.waitForMessage({ match: /Delivery of order/, after: seen, timeoutMs: 2000 });
    expect(msg.text).toContain(placed.id);
    // The admin chat is paced at 1 message/s and still has registration notices queued.
    const alert = await h.admin.waitForMessage({
      match: new RegExp(`Delivery failed for order.*${placed.id}`),
      after: adminSeen,
      timeoutMs: 5000,
    });
    expect(alert.text).toContain("xinstitute");
    expect((await order(placed.id)).state).toBe("delivery_failed");
    await h.xinstitute.control.redeliver(delivery.index);
    await settle();
    expect(u.messages().slice(seen)).toHaveLength(1);
    expect(
      h.admin
        .messages()
        .slice(adminSeen)
        .filter((m) => m.text.includes(placed.id)),
    ).toHaveLength(1);
    // Funds stay with the order: a failed delivery is not a refund.
    expect(await refunds(u.id)).toHaveLength(0);
  });

  it("`cancelled` refunds exactly once however often it is delivered; the ledger shows one refund", async () => {
    const u = await h.reseller(nextId++);
    const placed = await xinstituteOrder(u);
    expect(await h.balance(u.id, "MMK")).toBe(20_000 - SPOTIFY_1M_PRICE);
    const seen = u.messages().length;
    const delivery = await h.xinstitute.control.cancel(placed.providerOrderId!);
    expect(delivery.outcome).toBe("delivered");
    // The same delivery twice at once, and a second cancellation with its own timestamp.
    const again = await Promise.all([h.xinstitute.control.redeliver(delivery.index), h.xinstitute.control.redeliver(delivery.index)]);
    expect(again.map((a) => a.status)).toEqual([200, 200]);
    expect(await post(payload("cancelled", placed.providerOrderId!, {}, "2030-01-01T00:00:00+06:30"))).toBe(200);

    const msg = await u.waitForMessage({ match: /cancelled by the provider/, after: seen, timeoutMs: 2000 });
    expect(msg.text).toContain(placed.id);
    await settle();
    expect(u.messages().slice(seen)).toHaveLength(1);
    const r = await refunds(u.id);
    expect(r).toHaveLength(1);
    expect(r[0]!.amount).toBe(SPOTIFY_1M_PRICE);
    expect(r[0]!.orderId).toBe(placed.id);
    expect(await h.balance(u.id, "MMK")).toBe(20_000);
    const entries = await h.app.store.ledger.entries(u.id, { limit: 100 });
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(20_000);
    const after = await order(placed.id);
    expect(after.state).toBe("cancelled");
    expect(after.refundedAt).toBeTypeOf("number");
  });

  it("still announces a shipment or a cancellation once when its handling fails half-way and the provider retries", async () => {
    const u = await h.reseller(nextId++);
    const placed = await xinstituteOrder(u);
    const seen = u.messages().length;
    // The state change (and refund) lands, then queueing the chat message fails once (a Redis blip).
    const queues = h.app.queues;
    const add = queues.add;
    let failNext = false;
    queues.add = async (name, data, opts) => {
      if (name === "notifications" && failNext) {
        failNext = false;
        throw new Error("queue unavailable");
      }
      return add.call(queues, name, data, opts);
    };
    try {
      // The fake retries after 50 ms (the document: 60 s).
      failNext = true;
      const shipped = await h.xinstitute.control.ship(placed.providerOrderId!, { trackingInfo: "TRK-RETRY" });
      expect(shipped.attempts.map((a) => a.status)).toEqual([500, 200]);
      await u.waitForMessage({ match: /TRK-RETRY/, after: seen, timeoutMs: 2000 });
      expect((await order(placed.id)).state).toBe("shipped");

      failNext = true;
      const cancelled = await h.xinstitute.control.cancel(placed.providerOrderId!);
      expect(cancelled.attempts.map((a) => a.status)).toEqual([500, 200]);
      await u.waitForMessage({ match: /cancelled by the provider/, after: seen, timeoutMs: 3000 });
      await h.xinstitute.control.redeliver(shipped.index);
      await h.xinstitute.control.redeliver(cancelled.index);
    } finally {
      queues.add = add;
    }
    await settle();
    expect(
      u
        .messages()
        .slice(seen)
        .map((m) => m.text.match(/TRK-RETRY|cancelled by the provider/)?.[0]),
    ).toEqual(["TRK-RETRY", "cancelled by the provider"]);
    expect(await refunds(u.id)).toHaveLength(1);
    expect(await h.balance(u.id, "MMK")).toBe(20_000);
    expect((await order(placed.id)).state).toBe("cancelled");
  });

  it("applies a webhook on the provider's retry when the bot died while handling it", async () => {
    const u = await h.reseller(nextId++);
    const placed = await xinstituteOrder(u);
    const seen = u.messages().length;
    const body = payload("cancelled", placed.providerOrderId!, {}, "2031-01-01T00:00:00+06:30");
    // The process dies inside the domain call: no answer, nothing after it runs.
    let entered = false;
    h.app.services.orders.applyWebhook = () => {
      entered = true;
      return new Promise(() => {});
    };
    const abort = new AbortController();
    const dying = fetch(webhookUrl(), {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Webhook-Signature": sign(body) },
      body,
      signal: abort.signal,
    }).catch(() => undefined);
    await vi.waitFor(() => expect(entered).toBe(true));
    abort.abort(); // the provider sees the connection drop
    await dying;
    await h.restart();

    // The provider's retry: the same bytes.
    expect(await post(body)).toBe(200);
    await u.waitForMessage({ match: /cancelled by the provider/, after: seen, timeoutMs: 2000 });
    expect(await refunds(u.id)).toHaveLength(1);
    expect((await order(placed.id)).state).toBe("cancelled");
    expect(await post(body)).toBe(200);
    await settle();
    expect(u.messages().slice(seen)).toHaveLength(1);
    expect(await refunds(u.id)).toHaveLength(1);
  });

  it("announces a pending top-up flipped to Success, with the nickname, without any command", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "IDR");
    const placed = await placeDirect(u.id, "gametopup", "1", { playerId: "12345678", zone: "2001" });
    expect(placed.state).toBe("processing");
    const seen = u.messages().length;
    const sentBefore = h.telegram.calls("sendMessage").length;
    h.gametopup.control.setTransactionStatus(placed.providerOrderId!, "Success", "Pembelian berhasil", "SirLancelot");
    const msg = await u.waitForMessage({ match: /completed/, after: seen, timeoutMs: 5000 });
    expect(msg.text).toContain(placed.id);
    expect(msg.text).toContain("SirLancelot");
    expect(msg.text).toContain("12345678");
    // No command was sent: the only call to this chat is the announcement.
    expect(
      h.telegram
        .calls("sendMessage")
        .slice(sentBefore)
        .filter((c) => String(c.payload.chat_id) === String(u.id)),
    ).toHaveLength(1);
    const after = await order(placed.id);
    expect(after.state).toBe("completed");
    expect(after.nickname).toBe("SirLancelot");
    // Polling stops: no further status requests for this transaction.
    await settle();
    const polls = () =>
      h.gametopup.control.requests("status").filter((r) => (r.body as { trx_id?: string })?.trx_id === placed.providerOrderId).length;
    const n = polls();
    await new Promise((r) => setTimeout(r, 700));
    expect(polls()).toBe(n);
    expect(u.messages().slice(seen)).toHaveLength(1);
    expect(await h.balance(u.id, "IDR")).toBe(50_000 - ML86_PRICE);
  });

  it("refunds a pending top-up flipped to Batal once and announces it with the provider's note", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "IDR");
    const placed = await placeDirect(u.id, "gametopup", "1", { playerId: "87654321", zone: "2002" });
    const seen = u.messages().length;
    h.gametopup.control.setTransactionStatus(placed.providerOrderId!, "Batal", "Server sedang maintenance");
    const msg = await u.waitForMessage({ match: /refunded/, after: seen, timeoutMs: 5000 });
    expect(msg.text).toContain(placed.id);
    expect(msg.text).toContain("Server sedang maintenance");
    // Another status read of the same Batal (the reseller's /status) changes nothing.
    await u.send(`/status ${placed.id}`);
    await u.waitForMessage({ match: new RegExp(placed.id), after: seen + 1 });
    await settle();
    await new Promise((r) => setTimeout(r, 500));
    expect(
      u
        .messages()
        .slice(seen)
        .filter((m) => /refunded to your wallet/.test(m.text)),
    ).toHaveLength(1);
    const r = await refunds(u.id);
    expect(r).toHaveLength(1);
    expect(r[0]!.amount).toBe(ML86_PRICE);
    expect(await h.balance(u.id, "IDR")).toBe(50_000);
    expect((await order(placed.id)).state).toBe("refunded");
  });

  it("keeps polling a pending top-up across a restart of the bot", async () => {
    const u = await h.reseller(nextId++);
    await h.credit(u.id, 50_000, "IDR");
    const placed = await placeDirect(u.id, "gametopup", "1", { playerId: "11223344", zone: "2003" });
    await h.restart();
    const seen = u.messages().length;
    h.gametopup.control.setTransactionStatus(placed.providerOrderId!, "Success", "Pembelian berhasil", "AfterRestart");
    const msg = await u.waitForMessage({ match: /completed/, after: seen, timeoutMs: 5000 });
    expect(msg.text).toContain("AfterRestart");
    expect((await order(placed.id)).state).toBe("completed");
  });
});
