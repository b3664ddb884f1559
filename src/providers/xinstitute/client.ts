/** xinstitute's REST API (document 000): products, order, account. */
import { decimalToMinorCeil, isCurrency } from "../../lib/money.js";
import type { Logger } from "../../observability/logger.js";
import type { ProviderHttp } from "../http.js";
import { parseItems } from "../parse-items.js";
import { localLimiters, type Limiter, type LimiterFactory, type RateLimiterOptions } from "../rate-limiter.js";
import {
  ProviderError,
  type AccountInfo,
  type AccountSource,
  type CatalogSource,
  type Money,
  type OrderPlacer,
  type PlaceOrderRequest,
  type PlaceOrderResult,
  type Product,
  type ProviderOrderState,
} from "../types.js";
import { mapXinstituteError } from "./errors.js";
import { accountResponse, orderResponse, productSchema, productsResponse, type XinstituteProduct } from "./schemas.js";

/**
 * The document's "60 per minute + 10 additional burst" names no algorithm. Whether the server
 * runs a 60/min window or a token bucket of 10 refilled at 1/s, a client that sends at most
 * 60 in any 60 s AND at most 10 in any 10 s never trips it, so we obey both.
 */
export const XINSTITUTE_RATE_LIMITS: RateLimiterOptions[] = [
  { max: 60, windowMs: 60_000 },
  { max: 10, windowMs: 10_000 },
];

export interface XinstituteClientOptions {
  /** Where the limits are counted: this process (default) or Redis, shared by every process. */
  limiters?: LimiterFactory;
  baseUrl: string;
  apiKey: string;
  http: ProviderHttp;
  /** One budget for every endpoint: the document's limit is per key, not per endpoint. */
  rateLimits?: RateLimiterOptions[];
  orderTimeoutMs?: number;
  readTimeoutMs?: number;
  logger?: Logger;
}

export class XinstituteClient implements CatalogSource, OrderPlacer, AccountSource {
  private readonly base: string;
  private readonly limiters: Limiter[];

  constructor(private readonly opts: XinstituteClientOptions) {
    this.base = opts.baseUrl.replace(/\/+$/, "");
    this.limiters = (opts.rateLimits ?? XINSTITUTE_RATE_LIMITS).map((l, i) => (opts.limiters ?? localLimiters)(`xinstitute:${i}`, l));
  }

  private get auth(): Record<string, string> {
    return { Authorization: `Bearer ${this.opts.apiKey}` };
  }

  async listProducts(): Promise<Product[]> {
    const body = await this.opts.http.request({
      endpoint: "products",
      url: `${this.base}/products`,
      method: "GET",
      headers: this.auth,
      schema: productsResponse,
      limiters: this.limiters,
      retry: "read",
      mapError: mapXinstituteError("products"),
      timeoutMs: this.opts.readTimeoutMs,
    });
    return parseItems("xinstitute", body.data.products, productSchema, toProduct, this.opts.logger);
  }

  async busy(): Promise<boolean> {
    return (await Promise.all(this.limiters.map((l) => l.full()))).some(Boolean);
  }

  async placeOrder(req: PlaceOrderRequest): Promise<PlaceOrderResult> {
    if (!req.email) throw invalid("order", "customer e-mail is required");
    if (!Number.isInteger(req.quantity) || req.quantity < 1) throw invalid("order", "quantity must be a whole number ≥ 1");
    const body = await this.opts.http.request({
      endpoint: "order",
      url: `${this.base}/order`,
      method: "POST",
      headers: { ...this.auth, "Content-Type": "application/json" },
      // The document has no client reference field: req.ref is not sent, and an order is
      // matched later only by the order_id answered here (or the account's recent transactions).
      body: { customer_email: req.email, products: [{ product_id: req.sku, quantity: req.quantity }] },
      schema: orderResponse,
      limiters: this.limiters,
      retry: "none",
      mapError: mapXinstituteError("order"),
      timeoutMs: this.opts.orderTimeoutMs,
    });
    const d = body.data;
    return {
      providerOrderId: d.order_id,
      state: orderState(d.status),
      charged: money(d.total_amount, d.currency),
    };
  }

  async getAccount(): Promise<AccountInfo> {
    const body = await this.opts.http.request({
      endpoint: "account",
      url: `${this.base}/account`,
      method: "GET",
      headers: this.auth,
      schema: accountResponse,
      limiters: this.limiters,
      retry: "read",
      mapError: mapXinstituteError("account"),
      timeoutMs: this.opts.readTimeoutMs,
    });
    const d = body.data;
    const balance = money(d.balance.amount, d.balance.currency);
    if (!balance) {
      throw new ProviderError({
        provider: "xinstitute",
        endpoint: "account",
        kind: "bad_response",
        code: "unknown_currency",
        message: `xinstitute account: unknown currency ${d.balance.currency}`,
      });
    }
    return {
      balance,
      name: d.reseller?.name ?? undefined,
      plan: d.reseller?.plan ?? undefined,
      status: d.reseller?.status ?? undefined,
      recentOrderIds: recentOrderIds(d.recent_transactions ?? []),
    };
  }
}

function toProduct(p: XinstituteProduct): Product | undefined {
  const cost = money(p.discounted_price, p.currency);
  if (!cost) return undefined;
  return {
    provider: "xinstitute",
    sku: p.product_id,
    name: p.product_name,
    category: p.category || "Other",
    cost,
    inStock: p.in_stock && p.stock_count > 0,
    stock: p.stock_count,
    note: p.subscription_type || undefined,
    input: { kind: "email" },
  };
}

function money(value: number, currency: string): Money | undefined {
  // The document says the currency is always "MMK"; any code we know is still honoured.
  const code = currency.trim().toUpperCase();
  return isCurrency(code) ? { amount: decimalToMinorCeil(value, code), currency: code } : undefined;
}

/**
 * The document shows only "Processing" (on a new order) and names shipped / cancelled /
 * failed_delivery as webhook events; other spellings are assumed to mean the same, and an
 * unknown status is assumed to be still in progress.
 */
export function orderState(status: string): ProviderOrderState {
  const s = status
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (s === "pending") return "pending";
  if (["shipped", "completed", "complete", "delivered", "success"].includes(s)) return "completed";
  if (["cancelled", "canceled", "failed", "failed_delivery", "refunded"].includes(s)) return "failed";
  return "processing";
}

/**
 * The document shows `recent_transactions: [...]` with no item shape: accept plain ids and
 * objects carrying order_id, skip anything else.
 */
export function recentOrderIds(items: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const item of items) {
    if (typeof item === "string" && item) ids.push(item);
    else if (item && typeof item === "object") {
      const o = item as Record<string, unknown>;
      const id = [o.order_id, o.orderId].find((v) => typeof v === "string" && v !== "");
      if (typeof id === "string") ids.push(id);
    }
  }
  return [...new Set(ids)];
}

function invalid(endpoint: string, message: string): ProviderError {
  return new ProviderError({
    provider: "xinstitute",
    endpoint,
    kind: "rejected",
    code: "invalid_request",
    message: `xinstitute ${endpoint}: ${message}`,
  });
}
