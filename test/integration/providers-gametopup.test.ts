/**
 * The gametopup adapter against the fake gametopup over real HTTP.
 */
import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { createMetrics } from "../../src/observability/metrics.js";
import type { GametopupEndpoint } from "../../src/providers/gametopup/client.js";
import type { RateLimiterOptions } from "../../src/providers/rate-limiter.js";
import { createProviderRegistry } from "../../src/providers/registry.js";
import { ProviderError, type PlaceOrderRequest, type ProviderAdapter } from "../../src/providers/types.js";
import { startGametopupFake, type GametopupFake } from "../../src/sandbox/gametopup.js";

let fake: GametopupFake;
let refSeq = 0;

beforeAll(async () => {
  fake = await startGametopupFake({ rateLimits: false });
});
afterEach(() => fake.control.reset());
afterAll(async () => fake.close());

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const wide = { products: { max: 1000, windowMs: 1000 }, order: { max: 1000, windowMs: 1000 }, status: { max: 1000, windowMs: 1000 } };

function build(
  over: {
    apiKey?: string;
    now?: () => number;
    rateLimits?: Partial<Record<GametopupEndpoint, RateLimiterOptions>>;
    target?: GametopupFake;
  } = {},
) {
  const target = over.target ?? fake;
  const metrics = createMetrics();
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (s: string) => void lines.push(s) } });
  const registry = createProviderRegistry(
    {
      gametopup: {
        productsUrl: target.productsUrl,
        orderUrl: target.orderUrl,
        statusUrl: target.statusUrl,
        apiKey: over.apiKey ?? target.apiKey,
        currency: "IDR",
        rateLimits: over.rateLimits ?? wide,
        now: over.now,
      },
      timeouts: { orderMs: 300, readMs: 300 },
      retry: { baseDelayMs: 10 },
    },
    { metrics, logger },
  );
  const adapter = registry.get("gametopup") as Required<Pick<ProviderAdapter, "catalog" | "ordering" | "status">>;
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
  ref: `ord_${++refSeq}_${Date.now()}`,
  sku: "1",
  unitCost: { amount: 19800, currency: "IDR" },
  quantity: 1,
  playerId: "12345678",
  zone: "1234",
  ...over,
});

const errorBody = (code: number, message: string) => ({ status: "error", message, code });

describe("gametopup happy paths", () => {
  it("lists products: kode, kategori, harga in IDR, Aktif, catatan, player input", async () => {
    const { adapter } = build();
    const products = await adapter.catalog.listProducts();
    expect(products).toHaveLength(6);
    expect(products[0]).toEqual({
      provider: "gametopup",
      sku: "1",
      name: "Mobile Legends 86 Diamonds",
      category: "Mobile Games",
      cost: { amount: 19800, currency: "IDR" },
      inStock: true,
      note: "Masukkan User ID dan Zone ID",
      input: { kind: "player", zone: "optional" },
    });
    expect(products.find((p) => p.sku === "6")?.inStock).toBe(false);
    expect(fake.control.requests("products")[0]?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
  });

  it("orders with the documented headers and hash, and the fake accepts them", async () => {
    const { adapter } = build();
    const req = order();
    const result = await adapter.ordering.placeOrder(req);
    expect(result).toMatchObject({
      state: "pending",
      charged: { amount: 19800, currency: "IDR" },
      productName: "Mobile Legends 86 Diamonds",
    });
    expect(result.providerOrderId).toMatch(/^INV-[A-Z0-9]{9}$/);
    const [sent] = fake.control.requests("order");
    expect(sent?.headers.authorization).toBe(`Bearer ${sha256(`${fake.apiKey + req.ref}19800`)}`);
    expect(sent?.headers["x-api-key"]).toBe(fake.apiKey);
    expect(sent?.headers["content-type"]).toBe("application/json");
    const time = Number(sent?.headers["x-request-time"]);
    expect(Math.abs(time - Date.now() / 1000)).toBeLessThan(5);
    expect(sent?.body).toEqual({ user_id: "12345678", zone: "1234", produk_id: "1", ref_id: req.ref });
    expect(fake.control.balance()).toBe(5_000_000 - 19800);
  });

  it("omits zone when none is given", async () => {
    const { adapter } = build();
    await adapter.ordering.placeOrder(order({ zone: undefined, sku: "3", unitCost: { amount: 18000, currency: "IDR" } }));
    expect(fake.control.requests("order")[0]?.body).not.toHaveProperty("zone");
  });

  it("status: Pending → pending, Success → completed with nickname, Batal → failed (and refunded)", async () => {
    const { adapter } = build();
    const placed = await adapter.ordering.placeOrder(order());
    const id = placed.providerOrderId;
    expect(await adapter.status.getStatus(id)).toMatchObject({ providerOrderId: id, state: "pending", playerId: "12345678", zone: "1234" });
    const [sent] = fake.control.requests("status");
    expect(sent?.headers.authorization).toBe(`Bearer ${sha256(fake.apiKey + id)}`);
    expect(sent?.body).toEqual({ trx_id: id });

    fake.control.setTransactionStatus(id, "Success", "Pembelian berhasil", "Player123");
    expect(await adapter.status.getStatus(id)).toEqual({
      providerOrderId: id,
      state: "completed",
      note: "Pembelian berhasil",
      nickname: "Player123",
      playerId: "12345678",
      zone: "1234",
      productName: "Mobile Legends 86 Diamonds",
      price: { amount: 19800, currency: "IDR" },
    });

    const other = await adapter.ordering.placeOrder(order());
    const before = fake.control.balance();
    fake.control.setTransactionStatus(other.providerOrderId, "Batal", "Player ID tidak valid");
    expect(await adapter.status.getStatus(other.providerOrderId)).toMatchObject({ state: "failed", note: "Player ID tidak valid" });
    expect(fake.control.balance()).toBe(before + 19800);
  });

  it("autoComplete turns a Pending order into Success with a nickname", async () => {
    const auto = await startGametopupFake({ rateLimits: false, autoComplete: { afterMs: 50 } });
    try {
      const { adapter } = build({ target: auto });
      const placed = await adapter.ordering.placeOrder(order());
      await new Promise((r) => setTimeout(r, 120));
      const status = await adapter.status.getStatus(placed.providerOrderId);
      expect(status.state).toBe("completed");
      expect(status.nickname).toBeTruthy();
    } finally {
      await auto.close();
    }
  });
});

describe("gametopup errors from the fake's real checks", () => {
  it("Saldo tidak cukup → rejected/insufficient_balance, definite", async () => {
    fake.control.setBalance(1000);
    const err = await caught(build().adapter.ordering.placeOrder(order()));
    expect(err).toMatchObject({ kind: "rejected", code: "insufficient_balance", httpStatus: 400 });
    expect(err.message).toBe("gametopup order: HTTP 400: Saldo tidak cukup");
    expect(err.definite).toBe(true);
  });

  it("NonAktif → Product is not available; unknown kode → Product not found", async () => {
    const { adapter } = build();
    expect(await caught(adapter.ordering.placeOrder(order({ sku: "6", unitCost: { amount: 15500, currency: "IDR" } })))).toMatchObject({
      kind: "rejected",
      code: "product_unavailable",
    });
    expect(await caught(adapter.ordering.placeOrder(order({ sku: "999" })))).toMatchObject({
      kind: "not_found",
      code: "product_not_found",
      httpStatus: 404,
    });
  });

  it("a price that is not the product's harga → Invalid hash combination (the fake recomputes it), told from bad credentials", async () => {
    // Dearer than the price signed: re-read, and refused as a price change, not a credential failure.
    fake.control.setPrice("1", 20500);
    const orders = fake.control.requests("order").length;
    const err = await caught(build().adapter.ordering.placeOrder(order()));
    expect(err).toMatchObject({ kind: "rejected", code: "price_changed" });
    expect(fake.control.requests("order").length - orders).toBe(1);
    // Cheaper: signed again at the harga of now, and placed.
    fake.control.setPrice("1", 19000);
    const placed = await build().adapter.ordering.placeOrder(order({ ref: "R-CHEAPER" }));
    expect(placed.charged).toEqual({ amount: 19000, currency: "IDR" });
    expect(fake.control.requests("order").length - orders).toBe(3);
  });

  it("a stale X-Request-Time → Request expired", async () => {
    const { adapter } = build({ now: () => Date.now() - 6 * 60_000 });
    expect(await caught(adapter.ordering.placeOrder(order()))).toMatchObject({ kind: "rejected", code: "request_expired" });
  });

  it("a wrong key → Invalid API key on products and order; the key never shows", async () => {
    const wrong = "not-the-key-0123456789";
    const { adapter, lines } = build({ apiKey: wrong });
    const e1 = await caught(adapter.catalog.listProducts());
    const e2 = await caught(adapter.ordering.placeOrder(order()));
    expect(e1).toMatchObject({ kind: "auth", code: "invalid_key" });
    expect(e2).toMatchObject({ kind: "auth", code: "invalid_key" });
    expect(lines.join("\n") + e1.message + e2.message).not.toContain(wrong);
  });

  it("a wrong status hash → Invalid hash combination; unknown id → Transaction not found", async () => {
    const { adapter } = build({ apiKey: "another-key-abcdef" });
    expect(await caught(adapter.status.getStatus("INV-ANY"))).toMatchObject({ kind: "auth", code: "invalid_hash" });
    expect(await caught(build().adapter.status.getStatus("INV-NOPE"))).toMatchObject({
      kind: "not_found",
      code: "transaction_not_found",
      httpStatus: 404,
    });
  });

  it("IP not whitelisted / not authorized → auth/ip_not_whitelisted on every endpoint", async () => {
    const { adapter } = build();
    fake.control.setIpStatus("not_whitelisted");
    const e1 = await caught(adapter.catalog.listProducts());
    expect(e1).toMatchObject({ kind: "auth", code: "ip_not_whitelisted", httpStatus: 403 });
    expect(e1.message).toContain("IP belum di whitelist");
    fake.control.setIpStatus("mismatch");
    expect(await caught(adapter.ordering.placeOrder(order()))).toMatchObject({ kind: "auth", code: "ip_not_whitelisted" });
    expect(await caught(adapter.status.getStatus("INV-X"))).toMatchObject({ kind: "auth", code: "ip_not_whitelisted" });
  });

  it("a reused ref_id is refused (we never reuse one)", async () => {
    const { adapter } = build();
    const req = order();
    await adapter.ordering.placeOrder(req);
    expect(await caught(adapter.ordering.placeOrder(req))).toMatchObject({ kind: "rejected", httpStatus: 400 });
    expect(fake.control.transactions()).toHaveLength(1);
  });
});

describe("gametopup: every documented message", () => {
  const table: Array<[GametopupEndpoint, number, string, string, string]> = [
    ["order", 400, "Request expired", "rejected", "request_expired"],
    ["order", 400, "Invalid X-Request-Time format", "rejected", "invalid_request_time"],
    ["order", 400, "Product is not available", "rejected", "product_unavailable"],
    ["order", 400, "Saldo tidak cukup", "rejected", "insufficient_balance"],
    ["order", 401, "Unauthorized: Missing required headers", "auth", "missing_headers"],
    ["order", 401, "Invalid API key", "auth", "invalid_key"],
    ["order", 401, "Invalid hash combination", "auth", "invalid_hash"],
    ["order", 403, "IP address not authorized", "auth", "ip_not_whitelisted"],
    ["order", 404, "Product not found", "not_found", "product_not_found"],
    ["order", 429, "Too many requests", "rate_limited", "rate_limited"],
    ["order", 500, "Internal Server Error", "unavailable", "server_error"],
    ["status", 400, "Transaction ID is required", "rejected", "transaction_id_required"],
    ["status", 401, "Unauthorized", "auth", "unauthorized"],
    ["status", 403, "IP belum di whitelist", "auth", "ip_not_whitelisted"],
    ["status", 404, "Transaction not found", "not_found", "transaction_not_found"],
    ["status", 404, "User not found", "not_found", "user_not_found"],
    ["products", 401, "Unauthorized", "auth", "unauthorized"],
    ["products", 429, "Too many requests. Please try again later.", "rate_limited", "rate_limited"],
    // Not documented: an unknown 4xx is a refusal, an unknown 5xx is not; an unreadable body falls back to the status.
    ["order", 422, "Nomor tujuan salah", "rejected", "http_422"],
    ["order", 503, "Saldo tidak cukup", "unavailable", "server_error"],
  ];

  it.each(table)("%s %i %s → %s/%s", async (endpoint, status, message, kind, code) => {
    // Enough failures that retried reads and the order's one 429 retry all see it.
    fake.control.failNext(endpoint, { status, body: errorBody(status, message), headers: { "Retry-After": "0" } }, 3);
    const { adapter } = build();
    const call =
      endpoint === "products"
        ? adapter.catalog.listProducts()
        : endpoint === "order"
          ? adapter.ordering.placeOrder(order())
          : adapter.status.getStatus("INV-ABC123XYZ");
    const err = await caught(call);
    expect(err).toMatchObject({ kind, code, httpStatus: status, endpoint });
    if (status !== 503) expect(err.message).toContain(message);
  });

  it("an unreadable error body falls back to the HTTP status", async () => {
    fake.control.failNext("order", { status: 400, body: "<html>bad</html>" });
    expect(await caught(build().adapter.ordering.placeOrder(order()))).toMatchObject({ kind: "rejected", code: "invalid_request" });
  });
});

describe("gametopup transport failures and retries", () => {
  it("order is never retried on 500, timeout or reset (one request each)", async () => {
    const { adapter } = build();
    fake.control.failNext("order", { status: 500, body: errorBody(500, "Internal Server Error") });
    expect((await caught(adapter.ordering.placeOrder(order()))).kind).toBe("unavailable");
    expect(fake.control.requests("order")).toHaveLength(1);

    fake.control.failNext("order", "timeout");
    expect(await caught(adapter.ordering.placeOrder(order()))).toMatchObject({ kind: "timeout", definite: false });
    expect(fake.control.requests("order")).toHaveLength(2);

    fake.control.failNext("order", { afterProcessing: "reset" });
    expect((await caught(adapter.ordering.placeOrder(order()))).kind).toBe("unavailable");
    expect(fake.control.requests("order")).toHaveLength(3);
    expect(fake.control.transactions()).toHaveLength(1); // processed, though we never heard
  });

  it("garbage body → bad_response", async () => {
    const { adapter } = build();
    fake.control.failNext("order", "garbage");
    expect(await caught(adapter.ordering.placeOrder(order()))).toMatchObject({ kind: "bad_response", code: "not_json" });
    fake.control.failNext("products", { status: 200, body: { status: "success", data: { not: "a list" } } });
    expect(await caught(adapter.catalog.listProducts())).toMatchObject({ kind: "bad_response", code: "unexpected_body" });
  });

  it("status is retried after 500 and timeout", async () => {
    const { adapter } = build();
    const placed = await adapter.ordering.placeOrder(order());
    fake.control.failNext("status", { status: 500, body: errorBody(500, "Internal Server Error") });
    fake.control.failNext("status", "timeout");
    expect((await adapter.status.getStatus(placed.providerOrderId)).state).toBe("pending");
    expect(fake.control.requests("status")).toHaveLength(3);
  });

  it("429 with Retry-After on status is waited out", async () => {
    const { adapter } = build();
    const placed = await adapter.ordering.placeOrder(order());
    fake.control.failNext("status", { status: 429, body: errorBody(429, "Too many requests"), headers: { "Retry-After": "1" } });
    const t0 = Date.now();
    expect((await adapter.status.getStatus(placed.providerOrderId)).state).toBe("pending");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(fake.control.requests("status")).toHaveLength(2);
  });

  it("an order 429 without Retry-After is retried once (it proves nothing happened), not twice", async () => {
    const { adapter } = build();
    fake.control.failNext("order", { status: 429, body: errorBody(429, "Too many requests") });
    expect((await adapter.ordering.placeOrder(order())).state).toBe("pending");
    expect(fake.control.requests("order")).toHaveLength(2);

    fake.control.failNext("order", { status: 429, body: errorBody(429, "Too many requests"), headers: { "Retry-After": "0" } }, 2);
    expect(await caught(adapter.ordering.placeOrder(order()))).toMatchObject({ kind: "rate_limited", definite: true });
    expect(fake.control.requests("order")).toHaveLength(4);
  });

  it("the client-side status limiter keeps a burst from ever meeting the server's 429", async () => {
    const strict = await startGametopupFake({ rateLimits: { status: { max: 5, windowMs: 400 } } });
    try {
      const { adapter } = build({ target: strict, rateLimits: { ...wide, status: { max: 5, windowMs: 400 } } });
      const placed = await adapter.ordering.placeOrder(order());
      const all = await Promise.all(Array.from({ length: 12 }, () => adapter.status.getStatus(placed.providerOrderId)));
      expect(all.every((s) => s.state === "pending")).toBe(true);
      const seen = strict.control.requests("status");
      expect(seen).toHaveLength(12);
      expect(seen.every((r) => r.status === 200)).toBe(true);

      // The same burst without the client's limiter meets the fake's 429s.
      const loose = build({ target: strict });
      await Promise.allSettled(Array.from({ length: 12 }, () => loose.adapter.status.getStatus(placed.providerOrderId)));
      expect(strict.control.requests("status").some((r) => r.status === 429)).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it("an order finding the client's order budget spent is refused unsent within a second, not queued for a minute", async () => {
    const { adapter } = build({ rateLimits: { ...wide, order: { max: 1, windowMs: 60_000 } } });
    await adapter.ordering.placeOrder(order());
    const t0 = Date.now();
    const err = await caught(adapter.ordering.placeOrder(order()));
    expect(Date.now() - t0).toBeLessThan(1_500);
    expect(err).toMatchObject({ kind: "rate_limited", code: "client_queue_full" });
    expect(err.definite).toBe(true);
    expect(fake.control.requests("order")).toHaveLength(1);
  });

  it("records metrics and health per call", async () => {
    const { adapter, metrics, registry } = build();
    await adapter.catalog.listProducts();
    fake.control.setBalance(0);
    await caught(adapter.ordering.placeOrder(order()));
    const text = await metrics.registry.metrics();
    expect(text).toContain('provider_calls_total{provider="gametopup",endpoint="products",outcome="ok"} 1');
    expect(text).toContain('provider_calls_total{provider="gametopup",endpoint="order",outcome="rejected"} 1');
    expect(text).toContain('provider_call_duration_seconds_count{provider="gametopup",endpoint="order"} 1');
    expect(registry.health().gametopup).toMatchObject({
      lastOutcome: "rejected",
      lastErrorCode: "insufficient_balance",
      calls: 2,
      failures: 1,
    });
  });

  it("refuses locally what can never succeed (no player id, quantity ≠ 1, other currency)", async () => {
    const { adapter } = build();
    expect((await caught(adapter.ordering.placeOrder(order({ playerId: " " })))).code).toBe("invalid_request");
    expect((await caught(adapter.ordering.placeOrder(order({ quantity: 2 })))).code).toBe("invalid_request");
    expect((await caught(adapter.ordering.placeOrder(order({ unitCost: { amount: 19800, currency: "MMK" } })))).code).toBe(
      "invalid_request",
    );
    expect(fake.control.requests()).toHaveLength(0);
  });
});
