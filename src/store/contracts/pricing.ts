/** The stored pricing: markups, fixed prices, and pauses admins set at run time. */
import type { Tier } from "../../domain/tiers.js";

/** Pricing admins set at run time, stored as it is changed; every change is atomic. */
export interface StoredPricing {
  /** Only tiers an admin has set; the others use the configured default. */
  markups: Partial<Record<Tier, number>>;
  /** Fixed sale prices per unit, keyed by `${provider}:${sku}`, in minor units. */
  fixedPrices: Record<string, number>;
  /** Products not for sale, keyed like fixedPrices. */
  paused: Record<string, { reason: string; at: number }>;
}

export interface PricingRecords {
  snapshot(): Promise<StoredPricing>;
  /** Returns the markup set before, if an admin had set one. */
  setMarkup(tier: Tier, percent: number): Promise<number | undefined>;
  /** Sets (or with null removes) a fixed price and lifts any pause of the product, in one step. */
  fixPrice(productKey: string, amount: number | null): Promise<{ before?: number; wasPaused: boolean }>;
  /** Pauses the product if, at this instant, its fixed price is below `cost`; returns that price when it paused. */
  pauseIfBelow(productKey: string, cost: number, reason: string): Promise<{ fixed: number } | undefined>;
  /** Lifts a pause with this reason if, at this instant, no fixed price is below `cost`. */
  resumeIfCovered(productKey: string, cost: number, reason: string): Promise<boolean>;
}
