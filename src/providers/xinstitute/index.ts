import { adapterHttp, type AdapterDeps } from "../http.js";
import type { RateLimiterOptions } from "../rate-limiter.js";
import type { ProviderAdapter } from "../types.js";
import { XinstituteClient } from "./client.js";
import { XinstituteWebhooks } from "./webhooks.js";

export interface XinstituteConfig {
  baseUrl: string;
  apiKey: string;
  webhookSecret: string;
  /** Overrides the documented limits (tests). */
  rateLimits?: RateLimiterOptions[];
}

export function createXinstituteAdapter(cfg: XinstituteConfig, deps: AdapterDeps): ProviderAdapter {
  const http = adapterHttp("xinstitute", deps, [cfg.apiKey, cfg.webhookSecret]);
  const client = new XinstituteClient({
    limiters: deps.limiters,
    baseUrl: cfg.baseUrl,
    apiKey: cfg.apiKey,
    http,
    rateLimits: cfg.rateLimits,
    orderTimeoutMs: deps.timeouts.orderMs,
    readTimeoutMs: deps.timeouts.readMs,
    logger: deps.logger,
  });
  return { id: "xinstitute", catalog: client, ordering: client, account: client, webhooks: new XinstituteWebhooks(cfg.webhookSecret) };
}

export { XinstituteClient, XINSTITUTE_RATE_LIMITS } from "./client.js";
export { XinstituteWebhooks, signXinstituteWebhook, verifyXinstituteSignature } from "./webhooks.js";
