/**
 * The xinstitute adapter against the fake xinstitute over real HTTP.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { parseTryAgainMs } from "../../src/providers/xinstitute/errors.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import { ProviderError, type PlaceOrderRequest, type ProviderAdapter } from "../../src/providers/types.js";
import type { RateLimiterOptions } from "../../src/providers/rate-limiter.js";
import { startXinstituteFake, type XinstituteFake } from "../../src/sandbox/xinstitute.js";

let fake: XinstituteFake;

beforeAll(async () => {
  fake = await startXinstituteFake({ rateLimit: false, retryDelaysMs: [40, 80] });
});
afterEach(() => fake.control.reset());
afterAll(async () => fake.close());

function build(over: { apiKey?: string; rateLimits?: RateLimiterOptions[]; target?: XinstituteFake } = {}) {
  const target = over.target ?? fake;
  const metrics = createMetrics();
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (s: string) => void lines.push(s) } });
  const registry = createProviderRegistry(
    {
      xinstitute: {
        baseUrl: target.url,
        apiKey: over.apiKey ?? target.apiKey,
        webhookSecret: target.webhookSecret,
        rateLimits: over.rateLimits ?? [{ max: 1000, windowMs: 1000 }],
      },
      timeouts: { orderMs: 300, readMs: 300 },
      retry: { baseDelayMs: 10 },
    },
    { metrics, logger },
  );
  const adapter = registry.get("xinstitute") as Required<Pick<ProviderAdapter, "catalog" | "ordering" | "account" | "webhooks">>;
  return { registry, adapter, metrics, lines };
}

async function caught(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error("expected a ProviderError");
}

const order = (over: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest => ({
  ref: "ord_1",
  sku: "SPOTIFY_1Y",
  unitCost: { amount: 37500, currency: "MMK" },
  quantity: 1,
  email: "customer@example.com",
  ...over,
});

const errorBody = (code: number, message: string, data: unknown = null) => ({ status: "error", code, message, data });

describe("xinstitute happy paths", () => {
  it("lists products with GOLD cost in MMK, stock and the Bearer key", async () => {
    const { adapter } = build();
    const products = await adapter.catalog.listProducts();
    expect(products).toHaveLength(6);
    expect(products.find((p) => p.sku === "SPOTIFY_1Y")).toEqual({
      provider: "xinstitute",
      sku: "SPOTIFY_1Y",
      name: "Spotify Premium 1 Year",
      category: "Music",
      cost: { amount: 37500, currency: "MMK" },
      inStock: true,
      stock: 100,
      note: "1 Year",
      input: { kind: "email" },
    });
    // 5999.25 MMK is rounded up, never down.
    expect(products.find((p) => p.sku === "YOUTUBE_1M")?.cost).toEqual({ amount: 6000, currency: "MMK" });
    expect(products.find((p) => p.sku === "CHATGPT_1M")?.inStock).toBe(false);
    const [req] = fake.control.requests("products");
    expect(req?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
  });

  it("places an order paid from the balance, and the account shows it", async () => {
    const { adapter } = build();
    const result = await adapter.ordering.placeOrder(order({ quantity: 2 }));
    expect(result.providerOrderId).toMatch(/^XIREO\d+$/);
    expect(result.state).toBe("processing");
    expect(result.charged).toEqual({ amount: 75000, currency: "MMK" });
    expect(fake.control.balance()).toBe(1_000_000 - 75000);
    const [req] = fake.control.requests("order");
    expect(req?.body).toEqual({ customer_email: "customer@example.com", products: [{ product_id: "SPOTIFY_1Y", quantity: 2 }] });
    expect(req?.headers["content-type"]).toContain("application/json");

    const account = await adapter.account.getAccount();
    expect(account).toMatchObject({
      balance: { amount: 925000, currency: "MMK" },
      name: "Sandbox Reseller",
      plan: "Gold",
      status: "active",
    });
    expect(account.recentOrderIds).toEqual([result.providerOrderId]);
  });

  it("refuses an order without e-mail before calling", async () => {
    const { adapter } = build();
    const err = await caught(adapter.ordering.placeOrder(order({ email: undefined })));
    expect(err).toMatchObject({ kind: "rejected", code: "invalid_request" });
    expect(fake.control.requests()).toHaveLength(0);
  });
});

describe("xinstitute errors", () => {
  it("400 insufficient balance keeps the amounts and is definite", async () => {
    fake.control.setBalance(30000);
    const { adapter } = build();
    const err = await caught(adapter.ordering.placeOrder(order()));
    expect(err).toMatchObject({ kind: "rejected", code: "insufficient_balance", httpStatus: 400, endpoint: "order" });
    expect(err.definite).toBe(true);
    expect(err.message).toContain("Required: 37,500.00 MMK, Available: 30,000.00 MMK");
    expect(err.message).toContain("required_amount=37500");
    expect(err.message).toContain("current_balance=30000");
    expect(fake.control.balance()).toBe(30000);
  });

  it("other 400s are invalid_request (bad e-mail, out of stock)", async () => {
    const { adapter } = build();
    expect(await caught(adapter.ordering.placeOrder(order({ email: "not-an-email" })))).toMatchObject({
      kind: "rejected",
      code: "invalid_request",
    });
    const err = await caught(adapter.ordering.placeOrder(order({ sku: "CHATGPT_1M" })));
    expect(err).toMatchObject({ kind: "rejected", code: "invalid_request", httpStatus: 400 });
    expect(err.message).toBe("xinstitute order: HTTP 400: Insufficient stock for CHATGPT_1M");
  });

  it("401 invalid key: auth, and the key never shows in errors or logs", async () => {
    const wrong = "wrong-key-0123456789abcdef";
    const { adapter, lines } = build({ apiKey: wrong });
    const err = await caught(adapter.catalog.listProducts());
    expect(err).toMatchObject({ kind: "auth", code: "invalid_key", httpStatus: 401 });
    expect(err.message).toBe("xinstitute products: HTTP 401: Invalid or revoked API key");
    expect(fake.control.requests("products")).toHaveLength(1); // 4xx is not retried
    const all = lines.join("\n") + err.message + String(err.stack);
    expect(all).not.toContain(wrong);
    expect(lines.length).toBeGreaterThan(0);
  });

  it("403 not GOLD: forbidden_plan", async () => {
    fake.control.setAccount({ plan: "Silver" });
    const { adapter } = build();
    expect(await caught(adapter.account.getAccount())).toMatchObject({ kind: "auth", code: "forbidden_plan", httpStatus: 403 });
  });

  it("404 unknown product on order: product_not_found", async () => {
    const { adapter } = build();
    const err = await caught(adapter.ordering.placeOrder(order({ sku: "NOPE" })));
    expect(err).toMatchObject({ kind: "not_found", code: "product_not_found", httpStatus: 404 });
    expect(err.definite).toBe(true);
  });

  it("405 is rejected/method_not_allowed, and the fake answers 405 to a wrong method", async () => {
    const res = await fetch(`${fake.url}/order`, { headers: { Authorization: `Bearer ${fake.apiKey}` } });
    expect(res.status).toBe(405);
    expect(await res.json()).toMatchObject({ status: "error", code: 405 });
    fake.control.failNext("order", { status: 405, body: errorBody(405, "Method Not Allowed") });
    const { adapter } = build();
    expect(await caught(adapter.ordering.placeOrder(order()))).toMatchObject({ kind: "rejected", code: "method_not_allowed" });
  });

  it("500 on order: unavailable, not definite, never retried", async () => {
    fake.control.failNext("order", { status: 500, body: errorBody(500, "Internal Server Error") });
    const { adapter, metrics } = build();
    const err = await caught(adapter.ordering.placeOrder(order()));
    expect(err).toMatchObject({ kind: "unavailable", code: "server_error", httpStatus: 500 });
    expect(err.definite).toBe(false);
    expect(fake.control.requests("order")).toHaveLength(1);
    expect(await metrics.registry.metrics()).toContain(
      'provider_calls_total{provider="xinstitute",endpoint="order",outcome="unavailable"} 1',
    );
  });

  it("timeout on order: timeout kind, one request, and the provider may still have done it", async () => {
    fake.control.setLatency("order", 600);
    const { adapter, registry } = build();
    const t0 = Date.now();
    const err = await caught(adapter.ordering.placeOrder(order()));
    expect(err).toMatchObject({ kind: "timeout", code: "timeout" });
    expect(Date.now() - t0).toBeLessThan(600);
    expect(fake.control.requests("order")).toHaveLength(1);
    expect(registry.health().xinstitute).toMatchObject({ lastOutcome: "timeout", lastErrorCode: "timeout", lastEndpoint: "order" });
    await new Promise((r) => setTimeout(r, 400));
    expect(fake.control.orders()).toHaveLength(1); // why a timed-out order is "unknown", not failed
  });

  it("reset and garbage on order: unavailable / bad_response, one request each", async () => {
    const { adapter } = build();
    fake.control.failNext("order", "reset");
    // Reset after the request was sent: the provider may have acted on it, so it is not definite.
    const reset = await caught(adapter.ordering.placeOrder(order()));
    expect(reset).toMatchObject({ kind: "unavailable", code: "network" });
    expect(reset.definite).toBe(false);
    fake.control.failNext("order", { afterProcessing: "garbage" });
    expect(await caught(adapter.ordering.placeOrder(order()))).toMatchObject({ kind: "bad_response", code: "not_json" });
    expect(fake.control.requests("order")).toHaveLength(2);
    expect(fake.control.orders()).toHaveLength(1);
  });

  it("a 2xx body of the wrong shape is bad_response", async () => {
    fake.control.failNext("products", { status: 200, body: { status: "success", data: { products: "nope" } } });
    const { adapter } = build();
    expect(await caught(adapter.catalog.listProducts())).toMatchObject({ kind: "bad_response", code: "unexpected_body" });
  });

  it("reads are retried after 5xx, timeouts and resets", async () => {
    const { adapter, metrics } = build();
    fake.control.failNext("products", { status: 502, body: errorBody(502, "Bad Gateway") });
    fake.control.failNext("products", "timeout");
    expect(await adapter.catalog.listProducts()).toHaveLength(6);
    expect(fake.control.requests("products")).toHaveLength(3);
    const text = await metrics.registry.metrics();
    expect(text).toContain('outcome="timeout"} 1');
    expect(text).toContain('provider_calls_total{provider="xinstitute",endpoint="products",outcome="ok"} 1');

    fake.control.failNext("account", "reset", 3);
    expect(await caught(adapter.account.getAccount())).toMatchObject({ kind: "unavailable" });
    expect(fake.control.requests("account")).toHaveLength(3);
  });
});

describe("xinstitute rate limits", () => {
  it("parses the document's 'Try again in N seconds.'", () => {
    expect(parseTryAgainMs("Rate limit exceeded. Try again in 45 seconds.")).toBe(45_000);
    expect(parseTryAgainMs("Rate limit exceeded. Try again in 1 second.")).toBe(1000);
    expect(parseTryAgainMs("Rate limit exceeded.")).toBeUndefined();
  });

  it("a read waits out the 429's 'Try again in' and succeeds", async () => {
    fake.control.failNext("products", { status: 429, body: errorBody(429, "Rate limit exceeded. Try again in 1 seconds.") });
    const { adapter } = build();
    const t0 = Date.now();
    expect(await adapter.catalog.listProducts()).toHaveLength(6);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(fake.control.requests("products")).toHaveLength(2);
  });

  it("Retry-After is honoured; an order is retried once after a short one", async () => {
    fake.control.failNext("order", { status: 429, body: errorBody(429, "Rate limit exceeded."), headers: { "Retry-After": "1" } });
    const { adapter } = build();
    const t0 = Date.now();
    const result = await adapter.ordering.placeOrder(order());
    expect(result.state).toBe("processing");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    const reqs = fake.control.requests("order");
    expect(reqs).toHaveLength(2);
    expect(reqs[1]!.at - reqs[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("an order told to wait 45 s fails rate_limited at once, and later calls are held back, not sent", async () => {
    fake.control.failNext("order", { status: 429, body: errorBody(429, "Rate limit exceeded. Try again in 45 seconds.") });
    const { adapter } = build();
    const err = await caught(adapter.ordering.placeOrder(order()));
    expect(err).toMatchObject({ kind: "rate_limited", retryAfterMs: 45_000, httpStatus: 429 });
    expect(err.definite).toBe(true);
    expect(fake.control.requests("order")).toHaveLength(1);
    // The pause outlasts a read's time budget: it fails at once without reaching the provider.
    const held = await caught(adapter.catalog.listProducts());
    expect(held.kind).toBe("rate_limited");
    expect(held.retryAfterMs).toBeGreaterThan(40_000);
    expect(fake.control.requests("products")).toHaveLength(0);
    expect((await caught(adapter.ordering.placeOrder(order()))).kind).toBe("rate_limited");
    expect(fake.control.requests("order")).toHaveLength(1);
  });

  it("the client-side limiter keeps a burst from ever meeting the server's limit", async () => {
    // The fake's token bucket: 3 tokens, refilled at 20 per second; the client obeys 3 per 150 ms and 20 per s.
    const strict = await startXinstituteFake({ rateLimit: { perMinute: 20, burst: 3, windowMs: 1000 } });
    try {
      const { adapter, metrics } = build({
        target: strict,
        rateLimits: [
          { max: 20, windowMs: 1000 },
          { max: 3, windowMs: 150 },
        ],
      });
      const results = await Promise.all(Array.from({ length: 12 }, () => adapter.catalog.listProducts()));
      expect(results.every((r) => r.length === 6)).toBe(true);
      const seen = strict.control.requests("products");
      expect(seen).toHaveLength(12);
      expect(seen.every((r) => r.status === 200)).toBe(true);
      expect(await metrics.registry.metrics()).not.toContain('outcome="rate_limited"');

      // Without the client's limiter the same burst does meet 429s.
      strict.control.reset();
      const loose = build({ target: strict, rateLimits: [{ max: 1000, windowMs: 1000 }] });
      await Promise.allSettled(Array.from({ length: 12 }, () => loose.adapter.catalog.listProducts()));
      expect(strict.control.requests("products").some((r) => r.status === 429)).toBe(true);
    } finally {
      await strict.close();
    }
  });
});

describe("xinstitute webhooks", () => {
  let receiver: Server;
  let url: string;
  let received: Array<{ headers: IncomingHttpHeaders; raw: Buffer }> = [];
  let answers: number[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
        res.statusCode = answers.shift() ?? 200;
        res.end('{"status":"success"}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/xinstitute`;
  });
  afterEach(() => {
    received = [];
    answers = [];
  });
  afterAll(async () => new Promise<void>((r) => receiver.close(() => r())));

  const toHeaders = (h: IncomingHttpHeaders) => new Headers(Object.entries(h).map(([k, v]) => [k, String(v)]));

  it("a real shipped delivery verifies and parses; a redelivery is byte-identical with the same id", async () => {
    fake.control.setWebhookUrl(url);
    const { adapter } = build();
    const placed = await adapter.ordering.placeOrder(order());
    const delivery = await fake.control.ship(placed.providerOrderId, { trackingInfo: "TRACK123456", shippingStatus: "In Transit" });
    expect(delivery.outcome).toBe("delivered");
    expect(received).toHaveLength(1);
    const first = received[0]!;
    expect(first.headers["content-type"]).toBe("application/json");
    expect(first.headers["user-agent"]).toBe("X-Institute-Webhook/1.0");
    expect(first.headers["x-webhook-event"]).toBe("shipped");
    const headers = toHeaders(first.headers);
    expect(adapter.webhooks.verify(first.raw, headers)).toBe(true);
    const event = adapter.webhooks.parse(first.raw);
    expect(event).toMatchObject({
      provider: "xinstitute",
      kind: "shipped",
      providerOrderId: placed.providerOrderId,
      trackingInfo: "TRACK123456",
      shippingStatus: "In Transit",
    });
    expect(event.at).toMatch(/\+06:30$/);

    const again = await fake.control.redeliver(delivery.index);
    expect(again.status).toBe(200);
    expect(received[1]!.raw.equals(first.raw)).toBe(true);
    expect(adapter.webhooks.parse(received[1]!.raw).deliveryId).toBe(event.deliveryId);

    // Tampered bytes or another secret: refused.
    const tampered = Buffer.from(first.raw.toString().replace("TRACK123456", "TRACK000000"));
    expect(adapter.webhooks.verify(tampered, headers)).toBe(false);
  });

  it("cancel refunds the fake balance once and sends a verifiable cancelled event", async () => {
    fake.control.setWebhookUrl(url);
    const { adapter } = build();
    const placed = await adapter.ordering.placeOrder(order());
    expect(fake.control.balance()).toBe(1_000_000 - 37500);
    await fake.control.cancel(placed.providerOrderId);
    await fake.control.cancel(placed.providerOrderId);
    expect(fake.control.balance()).toBe(1_000_000);
    const raw = received[0]!.raw;
    expect(adapter.webhooks.verify(raw, toHeaders(received[0]!.headers))).toBe(true);
    expect(adapter.webhooks.parse(raw)).toMatchObject({ kind: "cancelled", providerOrderId: placed.providerOrderId });
    await fake.control.failDelivery(placed.providerOrderId);
    expect(adapter.webhooks.parse(received[2]!.raw).kind).toBe("failed_delivery");
  });

  it("retries on the schedule (shrunk here), then delivers or marks failed after 3 attempts", async () => {
    fake.control.setWebhookUrl(url);
    const { adapter } = build();
    const placed = await adapter.ordering.placeOrder(order());
    answers = [500, 503];
    const ok = await fake.control.ship(placed.providerOrderId);
    expect(ok.outcome).toBe("delivered");
    expect(ok.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(ok.attempts[1]!.at - ok.attempts[0]!.at).toBeGreaterThanOrEqual(35);
    expect(ok.attempts[2]!.at - ok.attempts[1]!.at).toBeGreaterThanOrEqual(75);
    expect(new Set(received.map((r) => r.raw.toString())).size).toBe(1); // every retry sends the same bytes

    answers = [500, 500, 500];
    const failed = await fake.control.failDelivery(placed.providerOrderId);
    expect(failed.outcome).toBe("failed");
    expect(failed.attempts).toHaveLength(3);
    expect(fake.control.deliveries().map((d) => d.outcome)).toEqual(["delivered", "failed"]);
  });
});

describe("startSandbox", () => {
  it("starts every provider's fake with fresh credentials and a config the registry takes as is", async () => {
    const { startSandbox } = await import("../../src/sandbox/index.js");
    const sandbox = await startSandbox({});
    try {
      const registry = createProviderRegistry(sandbox.providers, {});
      expect(registry.list().map((a) => a.id)).toEqual(["xinstitute", "gametopup", "xen", "vifox", "xpay"]);
      expect(await registry.get("xinstitute")!.catalog!.listProducts()).toHaveLength(6);
      expect(await registry.get("gametopup")!.catalog!.listProducts()).toHaveLength(6);
      expect(sandbox.providers.xinstitute!.apiKey).not.toBe(fake.apiKey);
      expect(sandbox.providers.gametopup!.currency).toBe("IDR");
      expect(Object.keys(registry.health())).toEqual(["xinstitute", "gametopup", "xen", "vifox", "xpay"]);
      expect((await registry.get("xen")!.licences!.verify("XS-ABC-DEF-GHI")).state).toBe("valid");
      expect((await registry.get("vifox")!.points!.liquidityPool()).points).toBeGreaterThan(0);
      const bill = await registry.get("xpay")!.payments!.createBill({ amount: 50_000, currency: "IDR", reference: "DSANDBOX01" });
      expect(bill.status).toBe("unpaid");
    } finally {
      await sandbox.close();
    }
  });
});
