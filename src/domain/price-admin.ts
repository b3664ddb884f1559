import type { Product } from "../providers/types.js";
import type { Tier } from "./tiers.js";
import type { AuditTrail } from "./audit.js";
import { productKey, type PriceBook } from "./price-book.js";

export type FixOutcome =
  | { kind: "fixed"; before?: number; wasPaused: boolean }
  | { kind: "auto"; before?: number; wasPaused: boolean }
  /** A fixed price under the provider's current cost would sell at a loss: refused. */
  | { kind: "below_cost" };

/**
 * Pricing changes admins make. They are stored settings read on every catalogue view and at
 * checkout, so they apply from the next view; nothing is cached in between.
 */
export function createPriceAdmin(deps: { priceBook: PriceBook; audit: AuditTrail }) {
  const { priceBook, audit } = deps;
  return {
    async setMarkup(tier: Tier, percent: number, adminId: number): Promise<{ before: number }> {
      const before = await priceBook.setMarkup(tier, percent);
      await audit.record(adminId, "markup", { target: tier, before: { percent: before }, after: { percent } });
      return { before };
    },

    /**
     * Fixes a product's unit price (minor units of its cost currency), or with `undefined`
     * returns it to cost plus markup. Either way an admin has looked at the price, so a pause
     * the price guard set is lifted.
     */
    async fix(product: Product, amount: number | undefined, adminId: number): Promise<FixOutcome> {
      if (amount !== undefined && amount < product.cost.amount) return { kind: "below_cost" };
      const key = productKey(product.provider, product.sku);
      const { before, wasPaused } = await priceBook.fixPrice(key, amount ?? null);
      await audit.record(adminId, "price", {
        target: key,
        before: { fixed: before ?? "auto", paused: wasPaused },
        after: { fixed: amount ?? "auto", paused: false },
      });
      return { kind: amount === undefined ? "auto" : "fixed", before, wasPaused };
    },
  };
}

export type PriceAdmin = ReturnType<typeof createPriceAdmin>;

/**
 * Finds the products an admin means by "<sku>" or "<provider>:<sku>". More than one result
 * means two providers share the sku and the admin must name the provider.
 */
export function matchProducts(products: readonly Product[], ref: { provider?: string; sku: string }): Product[] {
  const candidates = products.filter((p) => ref.provider === undefined || p.provider === ref.provider);
  const exact = candidates.filter((p) => p.sku === ref.sku);
  // Skus are typed by hand in chat: fall back to a case-insensitive match only when no exact one exists.
  return exact.length > 0 ? exact : candidates.filter((p) => p.sku.toLowerCase() === ref.sku.toLowerCase());
}
