import type { PricingRecords, StoredPricing } from "../types.js";

/** Pricing in memory; each method runs to completion without awaiting, so each is atomic. */
export function memoryPricing(): PricingRecords {
  const s: StoredPricing = { markups: {}, fixedPrices: {}, paused: {} };
  return {
    async snapshot() {
      return structuredClone(s);
    },
    async setMarkup(tier, percent) {
      const before = s.markups[tier];
      s.markups[tier] = percent;
      return before;
    },
    async fixPrice(key, amount) {
      const before = s.fixedPrices[key];
      if (amount === null) delete s.fixedPrices[key];
      else s.fixedPrices[key] = amount;
      const wasPaused = key in s.paused;
      delete s.paused[key];
      return { before, wasPaused };
    },
    async pauseIfBelow(key, cost, reason) {
      const fixed = s.fixedPrices[key];
      if (fixed === undefined || fixed >= cost || key in s.paused) return undefined;
      s.paused[key] = { reason, at: Date.now() };
      return { fixed };
    },
    async resumeIfCovered(key, cost, reason) {
      const fixed = s.fixedPrices[key];
      if (s.paused[key]?.reason !== reason || (fixed !== undefined && fixed < cost)) return false;
      delete s.paused[key];
      return true;
    },
  };
}
