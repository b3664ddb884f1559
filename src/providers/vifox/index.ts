import { adapterHttp, type AdapterDeps } from "../http.js";
import type { RateLimiterOptions } from "../rate-limiter.js";
import type { ProviderAdapter } from "../types.js";
import { undiciTransport } from "../undici-transport.js";
import { VifoxClient } from "./client.js";
import { assertPartnerName } from "./signature.js";

export interface VifoxConfig {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  /** The registered partner name: the prefix of every X-TRANSACTION-ID. */
  partnerName: string;
  /** Overrides the assumed limit (tests). */
  rateLimits?: RateLimiterOptions[];
  /** Clock for X-TIMESTAMP (tests). */
  now?: () => number;
}

export function createVifoxAdapter(cfg: VifoxConfig, deps: AdapterDeps): ProviderAdapter {
  assertPartnerName(cfg.partnerName);
  // Node's fetch reports vifox's 407 "Request expired" as a network failure.
  const http = adapterHttp("vifox", deps, [cfg.apiKey, cfg.apiSecret], { transport: undiciTransport });
  const client = new VifoxClient({
    limiters: deps.limiters,
    ...cfg,
    http,
    writeTimeoutMs: deps.timeouts.orderMs,
    readTimeoutMs: deps.timeouts.readMs,
    logger: deps.logger,
  });
  return { id: "vifox", points: client };
}

export { VifoxClient, VIFOX_RATE_LIMITS, awardOutcome, type VifoxEndpoint } from "./client.js";
export { mapVifoxError } from "./errors.js";
export { isVifoxTransactionId, newVifoxTransactionId, signVifoxRequest } from "./signature.js";
