/** xen's REST API (document 001): account, extensions, licences, heartbeat, orders. */
import type { z } from "zod";
import type { Logger } from "../../observability/logger.js";
import type { ProviderHttp } from "../http.js";
import { parseItems } from "../parse-items.js";
import { localLimiters, type Limiter, type LimiterFactory, type RateLimiterOptions } from "../rate-limiter.js";
import {
  ProviderError,
  type Licence,
  type LicenceAccount,
  type LicenceAccountSource,
  type LicenceExtension,
  type LicenceHeartbeat,
  type LicenceOrder,
  type LicenceSource,
  type LicenceVerification,
} from "../types.js";
import { mapXenError } from "./errors.js";
import { isPlausibleLicenseKey, licenceKeySegment } from "./license-key.js";
import { defined, licenceState, toExtension, toLicence, toOrder } from "./mapping.js";
import {
  extensionItemSchema,
  heartbeatResponse,
  licenceItemSchema,
  listResponse,
  meResponse,
  orderItemSchema,
  verifyResponse,
} from "./schemas.js";

/** The document: "60 requests per minute per key (sliding window)". */
export const XEN_RATE_LIMIT: RateLimiterOptions = { max: 60, windowMs: 60_000 };

export interface XenClientOptions {
  /** Where the limits are counted: this process (default) or Redis, shared by every process. */
  limiters?: LimiterFactory;
  /** The host, e.g. https://xen-support.com; paths keep /api/v1. */
  baseUrl: string;
  apiKey: string;
  http: ProviderHttp;
  rateLimit?: RateLimiterOptions;
  timeoutMs?: number;
  logger?: Logger;
}

interface Call<T> {
  endpoint: string;
  path: string;
  schema: z.ZodType<T>;
  /** The public endpoints send no Authorization header. */
  auth: boolean;
  method?: "GET" | "POST";
  body?: unknown;
}

export class XenClient implements LicenceSource, LicenceAccountSource {
  private readonly api: string;
  private readonly limiter: Limiter;

  constructor(private readonly opts: XenClientOptions) {
    this.api = apiRoot(opts.baseUrl);
    // Assumption: the document counts "per key" and does not say how keyless public calls are
    // counted (per IP, most likely). They share the key's limiter: the operator's one address
    // makes both kinds of call, and one budget for all can only err on the safe side.
    this.limiter = (opts.limiters ?? localLimiters)("xen:all", opts.rateLimit ?? XEN_RATE_LIMIT);
  }

  isPlausibleKey(key: string): boolean {
    return isPlausibleLicenseKey(key);
  }

  async me(): Promise<LicenceAccount> {
    const { data: d } = await this.call({ endpoint: "me", path: "/me", schema: meResponse, auth: true });
    return defined({ id: d.id, email: d.email, name: d.name, username: d.username, createdAt: d.created_at });
  }

  async listExtensions(): Promise<LicenceExtension[]> {
    const { data } = await this.call({ endpoint: "extensions", path: "/extensions", schema: listResponse, auth: false });
    return parseItems("xen", data, extensionItemSchema, (e) => toExtension(e), this.opts.logger);
  }

  async listLicences(): Promise<Licence[]> {
    const { data } = await this.call({ endpoint: "licenses", path: "/licenses", schema: listResponse, auth: true });
    return parseItems("xen", data, licenceItemSchema, toLicence, this.opts.logger);
  }

  async verify(key: string): Promise<LicenceVerification> {
    const k = key.trim();
    const path = `/licenses/${licenceKeySegment(k, "license")}`;
    try {
      const { data: d } = await this.call({ endpoint: "license", path, schema: verifyResponse, auth: false });
      return defined({
        key: k,
        state: licenceState(d) ?? "invalid",
        domain: d.domain,
        expiresAt: d.expires_at,
        extension: toExtension(d.extension),
      });
    } catch (e) {
      // An unknown key is an answer, not a failure; any other 404 (a wrong base URL) stays an error.
      if (e instanceof ProviderError && e.code === "license_not_found") return { key: k, state: "not_found" };
      throw e;
    }
  }

  async heartbeat(key: string, domain?: string): Promise<LicenceHeartbeat> {
    const k = key.trim();
    const d = domain?.trim() || undefined;
    const { data } = await this.call({
      endpoint: "heartbeat",
      path: `/licenses/${licenceKeySegment(k, "heartbeat")}/heartbeat`,
      schema: heartbeatResponse,
      auth: true,
      method: "POST",
      // "Body (optional)": sent only with a domain.
      body: d === undefined ? undefined : { domain: d },
    });
    return defined({
      key: k,
      state: licenceState(data),
      domain: data.domain,
      lastVerifiedAt: data.last_verified_at,
      verifyCount: data.verify_count ?? undefined,
    });
  }

  async orders(): Promise<LicenceOrder[]> {
    const { data } = await this.call({ endpoint: "orders", path: "/orders", schema: listResponse, auth: true });
    return parseItems("xen", data, orderItemSchema, toOrder, this.opts.logger);
  }

  private call<T>(c: Call<T>): Promise<T> {
    const headers: Record<string, string> = {};
    if (c.auth) headers.Authorization = `Bearer ${this.opts.apiKey}`;
    if (c.body !== undefined) headers["Content-Type"] = "application/json";
    return this.opts.http.request({
      endpoint: c.endpoint,
      url: `${this.api}${c.path}`,
      method: c.method ?? "GET",
      headers,
      body: c.body,
      schema: c.schema,
      limiters: [this.limiter],
      // Every call is a read except the heartbeat, which only refreshes last_verified_at and a
      // counter: repeating it after a 5xx or a timeout does no harm, so it is retried like a read.
      retry: "read",
      mapError: mapXenError(c.endpoint),
      timeoutMs: this.opts.timeoutMs,
    });
  }
}

/** "https://xen-support.com" → ".../api/v1"; a base that already ends in /api/v1 is kept as is. */
export function apiRoot(baseUrl: string): string {
  const base = baseUrl.trim().replace(/\/+$/, "");
  return /\/api\/v1$/.test(base) ? base : `${base}/api/v1`;
}
