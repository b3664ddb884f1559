import type { Logger } from "../observability/logger.js";
import type { Product } from "../providers/types.js";
import { money, type Notifier } from "./notifications.js";
import { productKey, type PricingSettings, type PriceBook } from "./price-book.js";

/** The pause reason this guard sets, and the only one it lifts again. */
export const COST_ABOVE_FIXED = "cost_above_fixed";

/**
 * The catalogue's `onSynced` hook: a product with a fixed admin price is paused as soon as a
 * sync shows the provider's cost above that price (we never sell at a loss), and put back on
 * sale when a later sync shows the cost within it again. Admins hear about both.
 */
export function createPriceGuard(deps: { priceBook: PriceBook; notifier: Notifier; logger: Logger }) {
  const losing = (p: Product, s: PricingSettings) => {
    const fixed = s.fixedPrices[productKey(p.provider, p.sku)];
    return fixed !== undefined && p.cost.amount > fixed;
  };
  const pausedByUs = (p: Product, s: PricingSettings) => s.paused[productKey(p.provider, p.sku)]?.reason === COST_ABOVE_FIXED;

  return async function onSynced(products: Product[]): Promise<void> {
    const current = await deps.priceBook.pricing();
    const toPause = products.filter((p) => losing(p, current) && !(productKey(p.provider, p.sku) in current.paused));
    const toResume = products.filter((p) => pausedByUs(p, current) && !losing(p, current));
    if (toPause.length === 0 && toResume.length === 0) return;

    const at = Date.now();
    for (const p of toPause) {
      const key = productKey(p.provider, p.sku);
      // Decided again atomically by the store: an admin's price set since the read above wins.
      const paused = await deps.priceBook.pauseIfBelow(key, p.cost.amount, COST_ABOVE_FIXED);
      if (!paused) continue;
      deps.logger.warn({ product: key, cost: p.cost, fixed: paused.fixed }, "provider cost above the fixed price: product paused");
      await deps.notifier.notifyAdmins(
        "admin-price-paused-alert",
        { product: p.name, key, cost: money(p.cost.amount, p.cost.currency), price: money(paused.fixed, p.cost.currency) },
        `price-guard:${key}:paused:${p.cost.amount}:${at}`,
      );
    }
    for (const p of toResume) {
      const key = productKey(p.provider, p.sku);
      if (!(await deps.priceBook.resumeIfCovered(key, p.cost.amount, COST_ABOVE_FIXED))) continue;
      await deps.notifier.notifyAdmins(
        "admin-price-resumed-alert",
        { product: p.name, key, cost: money(p.cost.amount, p.cost.currency) },
        `price-guard:${key}:resumed:${p.cost.amount}:${at}`,
      );
    }
  };
}
