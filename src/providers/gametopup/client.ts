/** gametopup's API (document 002): product list, order, transaction status. */
import { exponentOf, isCurrency } from "../../lib/money.js";
import type { Logger } from "../../observability/logger.js";
import { definedOnly, type ProviderHttp } from "../http.js";
import { parseItems } from "../parse-items.js";
import { localLimiters, type Limiter, type LimiterFactory, type RateLimiterOptions } from "../rate-limiter.js";
import {
  ProviderError,
  type CatalogSource,
  type Money,
  type OrderPlacer,
  type PlaceOrderRequest,
  type PlaceOrderResult,
  type Product,
  type ProviderOrderState,
  type ProviderOrderStatus,
  type StatusSource,
} from "../types.js";
import { mapGametopupError } from "./errors.js";
import { orderHash, statusHash } from "./hash.js";
import { orderResponse, productSchema, productsResponse, statusResponse, type GametopupProduct } from "./schemas.js";

export type GametopupEndpoint = "products" | "order" | "status";

/**
 * The documented limits. Order: 100/min per IP and 30/min per user; we are one user, so the
 * tighter 30 applies. Status: 30/min per user, one limiter shared by every status caller.
 */
export const GAMETOPUP_RATE_LIMITS: Record<GametopupEndpoint, RateLimiterOptions> = {
  products: { max: 20, windowMs: 60_000 },
  order: { max: 30, windowMs: 60_000 },
  status: { max: 30, windowMs: 60_000 },
};

export interface GametopupClientOptions {
  /** Where the limits are counted: this process (default) or Redis, shared by every process. */
  limiters?: LimiterFactory;
  productsUrl: string;
  orderUrl: string;
  statusUrl: string;
  apiKey: string;
  /** The document gives harga as an Integer with no currency: the configured one (default IDR). */
  currency: string;
  http: ProviderHttp;
  rateLimits?: Partial<Record<GametopupEndpoint, RateLimiterOptions>>;
  orderTimeoutMs?: number;
  readTimeoutMs?: number;
  logger?: Logger;
  /** Clock for X-Request-Time (tests). */
  now?: () => number;
}

export class GametopupClient implements CatalogSource, OrderPlacer, StatusSource {
  private readonly limiters: Record<GametopupEndpoint, Limiter>;
  private readonly now: () => number;

  constructor(private readonly opts: GametopupClientOptions) {
    if (!isCurrency(opts.currency)) throw new RangeError(`gametopup: unknown currency ${opts.currency}`);
    const limits = { ...GAMETOPUP_RATE_LIMITS, ...definedOnly(opts.rateLimits ?? {}) };
    this.limiters = {
      products: (opts.limiters ?? localLimiters)("gametopup:products", limits.products),
      order: (opts.limiters ?? localLimiters)("gametopup:order", limits.order),
      status: (opts.limiters ?? localLimiters)("gametopup:status", limits.status),
    };
    this.now = opts.now ?? Date.now;
  }

  async listProducts(): Promise<Product[]> {
    const body = await this.opts.http.request({
      endpoint: "products",
      url: this.opts.productsUrl,
      method: "GET",
      headers: { Authorization: `Bearer ${this.opts.apiKey}` },
      schema: productsResponse,
      limiters: [this.limiters.products],
      retry: "read",
      mapError: mapGametopupError("products"),
      timeoutMs: this.opts.readTimeoutMs,
    });
    return parseItems("gametopup", body.data, productSchema, (p) => this.toProduct(p), this.opts.logger);
  }

  busy(): Promise<boolean> {
    return this.limiters.order.full();
  }

  async placeOrder(req: PlaceOrderRequest): Promise<PlaceOrderResult> {
    const playerId = req.playerId?.trim();
    if (!playerId) throw invalid("order", "player id is required");
    // The order body has no quantity: one top-up per order.
    if (req.quantity !== 1) throw invalid("order", "gametopup orders one product at a time (quantity must be 1)");
    const signed = this.priceOf(req.unitCost);
    try {
      return await this.order(req, playerId, signed);
    } catch (err) {
      if (!(err instanceof ProviderError && err.code === "invalid_hash")) throw err;
      // The hash signs the price, so a harga that moved since the reseller's card looks exactly
      // like bad credentials. Read it again: only an unchanged price means the key is wrong.
      const current = await this.currentHarga(req.sku).catch(() => undefined);
      if (current === undefined || current === signed) throw err;
      this.opts.logger?.warn({ sku: req.sku, signed, current }, "gametopup price moved since the order was priced");
      if (current > signed) throw priceChanged(signed, current);
      // Cheaper now: nothing was placed (a 401), so it is signed at what it costs now.
      return this.order(req, playerId, current);
    }
  }

  private async order(req: PlaceOrderRequest, playerId: string, price: number): Promise<PlaceOrderResult> {
    const apiKey = this.opts.apiKey;
    const zone = req.zone?.trim();
    const body = await this.opts.http.request({
      endpoint: "order",
      url: this.opts.orderUrl,
      method: "POST",
      // Built after the rate limiter lets the call out, so X-Request-Time is fresh.
      headers: () => ({
        Authorization: `Bearer ${orderHash(apiKey, req.ref, price)}`,
        "X-API-Key": apiKey,
        "X-Request-Time": String(Math.floor(this.now() / 1000)),
        "Content-Type": "application/json",
      }),
      // ref_id is our order id, never reused (the document says it must be unique and gives no
      // rule for a reused one).
      body: { user_id: playerId, ...(zone ? { zone } : {}), produk_id: req.sku, ref_id: req.ref },
      schema: orderResponse,
      limiters: [this.limiters.order],
      retry: "none",
      mapError: mapGametopupError("order"),
      timeoutMs: this.opts.orderTimeoutMs,
    });
    const d = body.data;
    return {
      providerOrderId: d.order_id,
      state: transactionState(d.status),
      charged: d.harga == null ? undefined : this.money(d.harga),
      productName: d.produk ?? undefined,
    };
  }

  /** The product's harga now, from a fresh product list (undefined when it is gone). */
  private async currentHarga(sku: string): Promise<number | undefined> {
    const product = (await this.listProducts()).find((p) => p.sku === sku);
    return product && this.priceOf(product.cost);
  }

  async getStatus(providerOrderId: string): Promise<ProviderOrderStatus> {
    const trxId = providerOrderId.trim();
    if (!trxId) throw invalid("status", "transaction id is required");
    const body = await this.opts.http.request({
      endpoint: "status",
      url: this.opts.statusUrl,
      method: "POST",
      headers: { Authorization: `Bearer ${statusHash(this.opts.apiKey, trxId)}`, "Content-Type": "application/json" },
      body: { trx_id: trxId },
      schema: statusResponse,
      limiters: [this.limiters.status],
      retry: "read",
      mapError: mapGametopupError("status"),
      timeoutMs: this.opts.readTimeoutMs,
    });
    const d = body.data;
    return {
      providerOrderId: d.order_id,
      state: transactionState(d.status),
      note: d.keterangan,
      nickname: d.nickname,
      playerId: d.user_id,
      zone: d.zone,
      productName: d.produk ?? undefined,
      price: d.harga == null ? undefined : this.money(d.harga),
    };
  }

  private toProduct(p: GametopupProduct): Product {
    return {
      provider: "gametopup",
      sku: p.kode,
      name: p.produk,
      category: p.kategori || "Other",
      cost: this.money(p.harga),
      inStock: p.status.trim().toLowerCase() === "aktif",
      note: p.catatan || undefined,
      // The document does not say which products need a zone: it is asked for every product
      // and may be left empty.
      input: { kind: "player", zone: "optional" },
    };
  }

  /** harga is in whole units of the configured currency. */
  private money(harga: number): Money {
    return { amount: harga * 10 ** exponentOf(this.opts.currency), currency: this.opts.currency };
  }

  /** The harga signed into the order hash, back from the unit cost the price was computed on. */
  private priceOf(unitCost: Money): number {
    if (unitCost.currency !== this.opts.currency) {
      throw invalid("order", `unit cost is in ${unitCost.currency}, gametopup prices are in ${this.opts.currency}`);
    }
    const harga = unitCost.amount / 10 ** exponentOf(this.opts.currency);
    if (!Number.isSafeInteger(harga) || harga < 0) throw invalid("order", `unit cost ${unitCost.amount} is not a whole harga`);
    return harga;
  }
}

/** Success / Pending / Batal. Anything else is assumed still in progress (the document lists only these). */
export function transactionState(status: string): ProviderOrderState {
  switch (status.trim().toLowerCase()) {
    case "success":
      return "completed";
    case "batal":
      return "failed";
    default:
      return "pending";
  }
}

/** The price went up between the reseller's card and the order: refused unsent, the reseller asked to order again. */
function priceChanged(signed: number, current: number): ProviderError {
  return new ProviderError({
    provider: "gametopup",
    endpoint: "order",
    kind: "rejected",
    code: "price_changed",
    message: `gametopup order: the price moved from ${signed} to ${current} since the order was priced`,
  });
}

function invalid(endpoint: string, message: string): ProviderError {
  return new ProviderError({
    provider: "gametopup",
    endpoint,
    kind: "rejected",
    code: "invalid_request",
    message: `gametopup ${endpoint}: ${message}`,
  });
}
