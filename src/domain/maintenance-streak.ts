import type { Kv } from "../store/types.js";

/** A streak nobody added to for this long is forgotten: failures an hour apart are not "in a row". */
export const STREAK_TTL_MS = 3_600_000;

export type StreakSignal = "failure" | "answer" | "neither";

/**
 * A provider's failed calls in a row, counted in the shared key-value store (Redis) so that the
 * failures every process sees add up to one streak. Any answer ends it.
 */
export function createFailureStreaks(deps: { kv: Kv; threshold: number; ttlMs?: number }) {
  const key = (provider: string) => `maintenance:streak:${provider}`;
  const ttlMs = deps.ttlMs ?? STREAK_TTL_MS;
  return {
    /** Adds one signal; `reached` is true once the streak is at the threshold or past it. */
    async record(provider: string, signal: StreakSignal): Promise<{ count: number; reached: boolean }> {
      if (signal === "neither") return { count: await this.count(provider), reached: false };
      if (signal === "answer") {
        await deps.kv.del(key(provider));
        return { count: 0, reached: false };
      }
      const count = await deps.kv.incr(key(provider), "failures", 1, ttlMs);
      return { count, reached: count >= deps.threshold };
    },
    async count(provider: string): Promise<number> {
      return (await deps.kv.counters(key(provider))).failures ?? 0;
    },
    reset: (provider: string) => deps.kv.del(key(provider)),
  };
}

export type FailureStreaks = ReturnType<typeof createFailureStreaks>;
