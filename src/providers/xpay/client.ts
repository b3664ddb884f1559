/** xpay's API (document 004): authentication for a Bearer token, then bills for wallet deposits. */
import type { z } from "zod";
import { isCurrency } from "../../lib/money.js";
import { makeRedactor, type Logger } from "../../observability/logger.js";
import type { ProviderHttp } from "../http.js";
import { parseItems } from "../parse-items.js";
import { localLimiters, type Limiter, type LimiterFactory, type RateLimiterOptions } from "../rate-limiter.js";
import { ProviderError, type Bill, type BillQuery, type CreateBillRequest, type PaymentHint, type PaymentsSource } from "../types.js";
import {
  BILL_PATHS,
  XPAY_RATE_LIMITS,
  billListResponse,
  billResponse,
  billWire,
  createBillBody,
  toBill,
  type XpayBillWire,
} from "./assumed-api.js";
import { errorIn2xx, mapXpayError, type XpayEndpoint } from "./errors.js";
import { parseXpayHint } from "./hints.js";
import { authResponse, type XpayErrorEnvelope } from "./schemas.js";
import type { XpayToken, XpayTokenCache } from "./token-cache.js";
import { XpayTokenManager } from "./token-manager.js";

export interface XpayClientOptions {
  /** Where the limits are counted: this process (default) or Redis, shared by every process. */
  limiters?: LimiterFactory;
  baseUrl: string;
  username: string;
  secretKey: string;
  /** The currency deposits are billed in (default IDR in the configuration). */
  currency: string;
  http: ProviderHttp;
  tokenCache: XpayTokenCache;
  /** Renew the token this long before it expires (default 60 s). */
  refreshMarginMs?: number;
  rateLimits?: RateLimiterOptions[];
  writeTimeoutMs?: number;
  readTimeoutMs?: number;
  logger?: Logger;
}

type Envelope<D> = { success: { data: D } } | XpayErrorEnvelope;

interface Call<D> {
  endpoint: XpayEndpoint;
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  schema: z.ZodType<Envelope<D>>;
  retry: "read" | "none";
  timeoutMs?: number;
}

export const DEFAULT_REFRESH_MARGIN_MS = 60_000;

export class XpayClient implements PaymentsSource {
  private readonly base: string;
  private readonly limiters: Limiter[];
  private readonly tokens: XpayTokenManager;
  /** Tokens this client has sent lately: scrubbed from every error, not only the request's own. */
  private readonly sentTokens: string[] = [];

  constructor(private readonly opts: XpayClientOptions) {
    if (!isCurrency(opts.currency)) throw new RangeError(`xpay: unknown currency ${opts.currency}`);
    this.base = opts.baseUrl.replace(/\/+$/, "");
    this.limiters = (opts.rateLimits ?? XPAY_RATE_LIMITS).map((l, i) => (opts.limiters ?? localLimiters)(`xpay:${i}`, l));
    this.tokens = new XpayTokenManager({
      cache: opts.tokenCache,
      authenticate: () => this.authenticate(),
      refreshMarginMs: opts.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS,
      // The lock outlives one authentication with its read retries.
      lockWaitMs: (opts.readTimeoutMs ?? 10_000) * 2,
      logger: opts.logger,
    });
  }

  async createBill(req: CreateBillRequest): Promise<Bill> {
    const reference = req.reference.trim();
    if (!reference) throw invalid("bill_create", "reference is required");
    if (req.currency !== this.opts.currency) throw invalid("bill_create", `bills are in ${this.opts.currency}, not ${req.currency}`);
    if (!Number.isSafeInteger(req.amount) || req.amount <= 0)
      throw invalid("bill_create", `amount ${req.amount} is not a positive whole number of minor units`);
    const wire = await this.call({
      endpoint: "bill_create",
      method: "POST",
      path: BILL_PATHS.create,
      body: createBillBody({ ...req, reference }),
      schema: billResponse,
      retry: "none",
      timeoutMs: this.opts.writeTimeoutMs,
    });
    const bill = this.toBill("bill_create", wire);
    // A bill for another deposit or sum must never be shown to the reseller as theirs.
    if (bill.reference !== reference || bill.amount.amount !== req.amount || bill.amount.currency !== req.currency) {
      throw badResponse("bill_create", "bill_mismatch", "the created bill does not match the request (reference, amount or currency)");
    }
    return bill;
  }

  async getBill(id: string): Promise<Bill> {
    const wire = await this.call({
      endpoint: "bill_get",
      method: "GET",
      path: BILL_PATHS.get(this.billId("bill_get", id)),
      schema: billResponse,
      retry: "read",
      timeoutMs: this.opts.readTimeoutMs,
    });
    return this.checkedId("bill_get", id, this.toBill("bill_get", wire));
  }

  async cancelBill(id: string): Promise<Bill> {
    const wire = await this.call({
      endpoint: "bill_cancel",
      method: "POST",
      path: BILL_PATHS.cancel(this.billId("bill_cancel", id)),
      schema: billResponse,
      retry: "none",
      timeoutMs: this.opts.writeTimeoutMs,
    });
    return this.checkedId("bill_cancel", id, this.toBill("bill_cancel", wire));
  }

  async searchBills(query: BillQuery): Promise<Bill[]> {
    const items = await this.call({
      endpoint: "bill_search",
      method: "GET",
      path: BILL_PATHS.search(query),
      schema: billListResponse,
      retry: "read",
      timeoutMs: this.opts.readTimeoutMs,
    });
    const bills = parseItems("xpay", items, billWire, (w) => this.tryBill(w), this.opts.logger);
    // Filtered here too: a deposit is matched by its reference, whatever the server did with ours.
    return bills.filter(
      (b) =>
        (query.reference === undefined || b.reference === query.reference) && (query.status === undefined || b.status === query.status),
    );
  }

  parseHint(rawBody: Uint8Array | string): PaymentHint {
    return parseXpayHint(rawBody);
  }

  /** POST /client/authenticate, as documented. */
  private async authenticate(): Promise<XpayToken> {
    const body = await this.opts.http.request({
      endpoint: "authenticate",
      url: `${this.base}/client/authenticate`,
      method: "POST",
      headers: { "Content-Type": "application/json" },
      // Assumption: the document's curl sends isAPI as the string "true", its request body and
      // JavaScript as the boolean; we send the boolean.
      body: { username: this.opts.username, secretKey: this.opts.secretKey, isAPI: true },
      schema: authResponse,
      limiters: this.limiters,
      retry: "read",
      mapError: mapXpayError("authenticate", this.redactor()),
      timeoutMs: this.opts.readTimeoutMs,
    });
    if ("error" in body) throw errorIn2xx("authenticate", body, this.redactor());
    this.remember(body.success.data.access_token);
    const d = body.success.data;
    if (d.success === false) {
      throw new ProviderError({
        provider: "xpay",
        endpoint: "authenticate",
        kind: "auth",
        code: "auth_failed",
        message: "xpay authenticate: answered success: false",
      });
    }
    return { token: d.access_token, expiresAt: d.expiresAt };
  }

  /** One API call with the shared token; a 401 renews the token and repeats the call once. */
  private async call<D>(c: Call<D>): Promise<D> {
    const token = await this.tokens.token();
    try {
      return await this.send(c, token);
    } catch (e) {
      if (!(e instanceof ProviderError) || e.httpStatus !== 401) throw e;
      // Assumption: a 401 means xpay refused the token before acting, so repeating the call
      // (a write too) once with a new token cannot do anything twice. A second 401 is final.
      const renewed = await this.tokens.token(token);
      return this.send(c, renewed);
    }
  }

  private async send<D>(c: Call<D>, token: string): Promise<D> {
    this.remember(token);
    const body = await this.opts.http.request({
      endpoint: c.endpoint,
      url: this.base + c.path,
      method: c.method,
      headers: { Authorization: `Bearer ${token}`, ...(c.body === undefined ? {} : { "Content-Type": "application/json" }) },
      body: c.body,
      schema: c.schema,
      limiters: this.limiters,
      retry: c.retry,
      mapError: mapXpayError(c.endpoint, this.redactor()),
      timeoutMs: c.timeoutMs,
    });
    if ("error" in body) throw errorIn2xx(c.endpoint, body, this.redactor());
    return body.success.data;
  }

  private toBill(endpoint: XpayEndpoint, w: XpayBillWire): Bill {
    const r = toBill(w, this.opts.currency);
    if (!r.ok) throw badResponse(endpoint, "unexpected_bill", r.reason);
    return r.bill;
  }

  private tryBill(w: XpayBillWire): Bill | undefined {
    const r = toBill(w, this.opts.currency);
    return r.ok ? r.bill : undefined;
  }

  private billId(endpoint: XpayEndpoint, id: string): string {
    const trimmed = id.trim();
    if (!trimmed) throw invalid(endpoint, "bill id is required");
    return trimmed;
  }

  /** The answer must be the bill asked for: a deposit is credited from it. */
  private checkedId(endpoint: XpayEndpoint, asked: string, bill: Bill): Bill {
    if (bill.id !== asked.trim()) throw badResponse(endpoint, "bill_mismatch", "answered another bill than the one asked for");
    return bill;
  }

  private remember(token: string): void {
    if (this.sentTokens.includes(token)) return;
    this.sentTokens.push(token);
    if (this.sentTokens.length > 8) this.sentTokens.shift();
  }

  private redactor(): (t: string) => string {
    return makeRedactor([this.opts.secretKey, ...this.sentTokens]);
  }
}

function invalid(endpoint: XpayEndpoint, message: string): ProviderError {
  return new ProviderError({
    provider: "xpay",
    endpoint,
    kind: "rejected",
    code: "invalid_request",
    message: `xpay ${endpoint}: ${message}`,
  });
}

function badResponse(endpoint: XpayEndpoint, code: string, message: string): ProviderError {
  return new ProviderError({ provider: "xpay", endpoint, kind: "bad_response", code, message: `xpay ${endpoint}: ${message}` });
}
