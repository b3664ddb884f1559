import type { Kv, Tier } from "../store/types.js";

/** Business settings admins change at run time; defaults come from configuration. */
export interface PricingSettings {
  markups: Record<Tier, number>;
  /** Fixed sale prices per unit, keyed by `${provider}:${sku}`, in minor units. */
  fixedPrices: Record<string, number>;
  /** Products not for sale: a fixed price fell below cost on sync. Keyed like fixedPrices. */
  paused: Record<string, { reason: string; at: number }>;
}

export interface Settings {
  pricing(): Promise<PricingSettings>;
  updatePricing(change: (p: PricingSettings) => PricingSettings): Promise<PricingSettings>;
  maintenance(): Promise<boolean>;
  setMaintenance(on: boolean): Promise<void>;
}

export function productKey(provider: string, sku: string): string {
  return `${provider}:${sku}`;
}

export function createSettings(kv: Kv, defaults: { markups: Record<Tier, number> }): Settings {
  const read = async (): Promise<PricingSettings> => {
    const stored = await kv.getJson<Partial<PricingSettings>>("settings:pricing");
    return {
      markups: { ...defaults.markups, ...stored?.markups },
      fixedPrices: stored?.fixedPrices ?? {},
      paused: stored?.paused ?? {},
    };
  };
  return {
    pricing: read,
    // Admin edits are rare and come one at a time from chat; last write wins is acceptable here.
    async updatePricing(change) {
      const next = change(await read());
      await kv.setJson("settings:pricing", next);
      return next;
    },
    async maintenance() {
      return (await kv.getJson<boolean>("settings:maintenance")) === true;
    },
    async setMaintenance(on) {
      await kv.setJson("settings:maintenance", on);
    },
  };
}
