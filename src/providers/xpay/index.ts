import { adapterHttp, type AdapterDeps } from "../http.js";
import type { RateLimiterOptions } from "../rate-limiter.js";
import type { ProviderAdapter } from "../types.js";
import { XpayClient } from "./client.js";
import { MemoryXpayTokenCache, type XpayTokenCache } from "./token-cache.js";

export interface XpayConfig {
  baseUrl: string;
  username: string;
  secretKey: string;
  /** The currency deposits are billed in (XPAY_CURRENCY, default IDR). */
  currency: string;
  /** Shared by every bot process in production (Redis); default: this process only. */
  tokenCache?: XpayTokenCache;
  /** Renew the token this long before it expires (default 60 s). */
  refreshMarginMs?: number;
  /** Overrides the assumed limit (tests). */
  rateLimits?: RateLimiterOptions[];
}

export function createXpayAdapter(cfg: XpayConfig, deps: AdapterDeps): ProviderAdapter {
  const http = adapterHttp("xpay", deps, [cfg.secretKey]);
  const client = new XpayClient({
    limiters: deps.limiters,
    ...cfg,
    http,
    tokenCache: cfg.tokenCache ?? new MemoryXpayTokenCache(),
    writeTimeoutMs: deps.timeouts.orderMs,
    readTimeoutMs: deps.timeouts.readMs,
    logger: deps.logger,
  });
  return { id: "xpay", payments: client };
}

export { XpayClient, DEFAULT_REFRESH_MARGIN_MS } from "./client.js";
export { parseXpayHint } from "./hints.js";
export { billStatus, BILL_PATHS, XPAY_RATE_LIMITS } from "./assumed-api.js";
export { MemoryXpayTokenCache, type XpayToken, type XpayTokenCache } from "./token-cache.js";
export { XpayTokenManager } from "./token-manager.js";
