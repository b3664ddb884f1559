import type { Growth } from "../domain/growth.js";
import type { Logger } from "../observability/logger.js";
import type { Kv } from "../store/types.js";

export const DEFAULT_TIER_CHECK_MS = 3600_000;
const DAY_MS = 24 * 3600_000;

/**
 * The daily volume-tier pass (SPEC §7): promotions also happen after each completed order, and
 * this catches the rest (thresholds an admin lowered, a hook that failed). Ticks hourly; the
 * first process to claim the day's lock in the store runs it, the others skip the day.
 */
export function startTierPromotions(deps: { growth: Pick<Growth, "promoteAll">; kv: Kv; logger: Logger; everyMs?: number }): () => void {
  const everyMs = deps.everyMs ?? DEFAULT_TIER_CHECK_MS;
  const tick = async () => {
    const day = Math.floor(Date.now() / DAY_MS);
    if (!(await deps.kv.setIfAbsent(`lock:tier-promotions:${day}`, "1", 2 * DAY_MS))) return;
    const promoted = await deps.growth.promoteAll();
    deps.logger.info({ promoted }, "daily tier promotions done");
  };
  const timer = setInterval(() => void tick().catch((err: unknown) => deps.logger.warn({ err }, "daily tier promotions failed")), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
