import type { PricingRecords } from "../store/types.js";
import type { Tier } from "./tiers.js";

/** What prices are made of at run time; the markups' defaults come from configuration. */
export interface PricingSettings {
  markups: Record<Tier, number>;
  /** Fixed sale prices per unit, keyed by `${provider}:${sku}`, in minor units. */
  fixedPrices: Record<string, number>;
  /** Products not for sale: a fixed price fell below cost on sync. Keyed like fixedPrices. */
  paused: Record<string, { reason: string; at: number }>;
}

/** The price book: markups, fixed prices and paused products. Reads merge the configured defaults in; every change is one atomic step of the store. */
export interface PriceBook extends Omit<PricingRecords, "snapshot" | "setMarkup"> {
  pricing(): Promise<PricingSettings>;
  /** Returns the markup in force before (the configured default when no admin had set one). */
  setMarkup(tier: Tier, percent: number): Promise<number>;
  /** True while the product is paused (its provider cost rose above its fixed price). */
  isPaused(provider: string, sku: string): Promise<boolean>;
}

export function productKey(provider: string, sku: string): string {
  return `${provider}:${sku}`;
}

export function createPriceBook(records: PricingRecords, defaults: { markups: Record<Tier, number> }): PriceBook {
  return {
    async pricing() {
      const stored = await records.snapshot();
      return { ...stored, markups: { ...defaults.markups, ...stored.markups } };
    },
    async setMarkup(tier, percent) {
      return (await records.setMarkup(tier, percent)) ?? defaults.markups[tier];
    },
    async isPaused(provider, sku) {
      return productKey(provider, sku) in (await records.snapshot()).paused;
    },
    fixPrice: (key, amount) => records.fixPrice(key, amount),
    pauseIfBelow: (key, cost, reason) => records.pauseIfBelow(key, cost, reason),
    resumeIfCovered: (key, cost, reason) => records.resumeIfCovered(key, cost, reason),
  };
}
