/** Which providers are on, from configuration. The only place adapters are imported by name. */
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import { createGametopupAdapter, type GametopupConfig } from "./gametopup/index.js";
import { longestWriteMs, ProviderHealth, type AdapterDeps, type ProviderHealthSnapshot, type RetryPolicy, type UpSignal } from "./http.js";
import type { LimiterFactory } from "./rate-limiter.js";
import type { ProviderAdapter, ProviderId } from "./types.js";
import { createVifoxAdapter, type VifoxConfig } from "./vifox/index.js";
import { createXenAdapter, type XenConfig } from "./xen/index.js";
import { createXinstituteAdapter, type XinstituteConfig } from "./xinstitute/index.js";
import { createXpayAdapter, type XpayConfig, type XpayTokenCache } from "./xpay/index.js";

export type { ProviderHealthSnapshot } from "./http.js";

export interface ProvidersConfig {
  xinstitute?: XinstituteConfig;
  gametopup?: GametopupConfig;
  xen?: XenConfig;
  vifox?: VifoxConfig;
  xpay?: XpayConfig;
  /** Defaults: order 7000 ms (the update handler has an 8 s budget), read 10000 ms. */
  timeouts?: { orderMs?: number; readMs?: number };
  /** Overrides the shared retry policy (tests). */
  retry?: Partial<RetryPolicy>;
}

export interface ProviderRegistry {
  list(): ProviderAdapter[];
  get(id: ProviderId): ProviderAdapter | undefined;
  health(): Record<string, ProviderHealthSnapshot>;
  /** Told of every call attempt's UpSignal, per provider (the automatic-maintenance streak). */
  onSignal(fn: (provider: ProviderId, signal: UpSignal) => void): void;
}

export const DEFAULT_TIMEOUTS = { orderMs: 7_000, readMs: 10_000 } as const;

/** What a placement in flight may need at shutdown: the order call at its longest, and the writes after it. */
export const placementGraceMs = (timeouts?: ProvidersConfig["timeouts"]): number =>
  longestWriteMs(timeouts?.orderMs ?? DEFAULT_TIMEOUTS.orderMs) + 5_000;

export function createProviderRegistry(
  cfg: ProvidersConfig,
  deps: { metrics?: Metrics; logger?: Logger },
  /** What every bot process shares (Redis): xpay's access token, the providers' rate limits. */
  shared: { xpayTokenCache?: XpayTokenCache; limiters?: LimiterFactory } = {},
): ProviderRegistry {
  const adapters = new Map<ProviderId, ProviderAdapter>();
  const healths = new Map<ProviderId, ProviderHealth>();
  const depsFor = (id: ProviderId): AdapterDeps => {
    const health = new ProviderHealth(id);
    healths.set(id, health);
    return {
      limiters: shared.limiters,
      metrics: deps.metrics,
      logger: deps.logger?.child({ provider: id }),
      health,
      timeouts: {
        orderMs: cfg.timeouts?.orderMs ?? DEFAULT_TIMEOUTS.orderMs,
        readMs: cfg.timeouts?.readMs ?? DEFAULT_TIMEOUTS.readMs,
      },
      retry: cfg.retry,
    };
  };
  if (cfg.xinstitute) adapters.set("xinstitute", createXinstituteAdapter(cfg.xinstitute, depsFor("xinstitute")));
  if (cfg.gametopup) adapters.set("gametopup", createGametopupAdapter(cfg.gametopup, depsFor("gametopup")));
  if (cfg.xen) adapters.set("xen", createXenAdapter(cfg.xen, depsFor("xen")));
  if (cfg.vifox) adapters.set("vifox", createVifoxAdapter(cfg.vifox, depsFor("vifox")));
  if (cfg.xpay)
    adapters.set("xpay", createXpayAdapter({ ...cfg.xpay, tokenCache: shared.xpayTokenCache ?? cfg.xpay.tokenCache }, depsFor("xpay")));

  return {
    list: () => [...adapters.values()],
    get: (id) => adapters.get(id),
    health: () => Object.fromEntries([...healths].map(([id, h]) => [id, h.snapshot()])),
    onSignal(fn) {
      for (const [id, h] of healths) h.listen((signal) => fn(id, signal));
    },
  };
}
