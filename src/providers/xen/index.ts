import { adapterHttp, type AdapterDeps } from "../http.js";
import type { RateLimiterOptions } from "../rate-limiter.js";
import type { ProviderAdapter } from "../types.js";
import { XenClient } from "./client.js";
import { XenWebhooks } from "./webhooks.js";

export interface XenConfig {
  /** The host, e.g. https://xen-support.com (the paths keep /api/v1). */
  baseUrl: string;
  /** xs_live_ + 32 hex. */
  apiKey: string;
  webhookSecret: string;
  /** Overrides the documented 60 per minute (tests). */
  rateLimit?: RateLimiterOptions;
}

export function createXenAdapter(cfg: XenConfig, deps: AdapterDeps): ProviderAdapter {
  const http = adapterHttp("xen", deps, [cfg.apiKey, cfg.webhookSecret]);
  const client = new XenClient({
    limiters: deps.limiters,
    baseUrl: cfg.baseUrl,
    apiKey: cfg.apiKey,
    http,
    rateLimit: cfg.rateLimit,
    timeoutMs: deps.timeouts.readMs,
    logger: deps.logger,
  });
  return { id: "xen", licences: client, licenceAccount: client, licenceWebhooks: new XenWebhooks(cfg.webhookSecret) };
}

export { XenClient, XEN_RATE_LIMIT, apiRoot } from "./client.js";
export { isPlausibleLicenseKey } from "./license-key.js";
export { XenWebhooks, XEN_SIGNATURE_HEADER, parseXenWebhook, verifyXenSignature } from "./webhooks.js";
