import type { Kv } from "../../store/types.js";

/** The window the per-key limit is counted in; `rate` per second on average, twice that at once. */
const WINDOW_MS = 2_000;

export interface RateVerdict {
  ok: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window ends (RateLimit-Reset, Retry-After). */
  resetSeconds: number;
}

/**
 * Each key's limit, counted in the shared store (Redis across every process; memory in the
 * no-Redis mode): `ratePerSecond × 2` requests per 2-second window, so a burst of twice the rate
 * is taken at once and the average stays at the rate.
 */
export function apiRateLimit(kv: Kv, ratePerSecond: number) {
  const limit = ratePerSecond * (WINDOW_MS / 1000);
  return {
    limit,
    windowSeconds: WINDOW_MS / 1000,
    async take(keyId: string, now = Date.now()): Promise<RateVerdict> {
      const window = Math.floor(now / WINDOW_MS);
      const used = await kv.incr(`ratelimit:api:${keyId}:${window}`, "n", 1, WINDOW_MS * 2);
      const resetSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - now) / 1000));
      return { ok: used <= limit, limit, remaining: Math.max(0, limit - used), resetSeconds };
    },
  };
}
