import { adapterHttp, type AdapterDeps } from "../http.js";
import type { RateLimiterOptions } from "../rate-limiter.js";
import type { ProviderAdapter } from "../types.js";
import { GametopupClient, type GametopupEndpoint } from "./client.js";

export interface GametopupConfig {
  productsUrl: string;
  orderUrl: string;
  statusUrl: string;
  apiKey: string;
  currency: string;
  /** Overrides the documented limits (tests). */
  rateLimits?: Partial<Record<GametopupEndpoint, RateLimiterOptions>>;
  /** Clock for X-Request-Time (tests). */
  now?: () => number;
}

export function createGametopupAdapter(cfg: GametopupConfig, deps: AdapterDeps): ProviderAdapter {
  const http = adapterHttp("gametopup", deps, [cfg.apiKey]);
  const client = new GametopupClient({
    limiters: deps.limiters,
    ...cfg,
    http,
    orderTimeoutMs: deps.timeouts.orderMs,
    readTimeoutMs: deps.timeouts.readMs,
    logger: deps.logger,
  });
  return { id: "gametopup", catalog: client, ordering: client, status: client };
}

export { GametopupClient, GAMETOPUP_RATE_LIMITS, transactionState, type GametopupEndpoint } from "./client.js";
export { orderHash, statusHash } from "./hash.js";
