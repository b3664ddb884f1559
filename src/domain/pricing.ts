import { exponentOf, roundUpTo } from "../lib/money.js";
import type { Money } from "../providers/types.js";

/**
 * Sale price for one unit: a fixed admin price when set, else cost plus the tier's markup,
 * rounded up to the currency's whole unit (Rp 1, Ks 1, $1.00 → 100 cents stays exact to the
 * cent only when the markup lands there). Integer arithmetic throughout: the percent is taken
 * in hundredths (basis points) and the division rounds up, so a price never undercuts cost.
 */
export function salePrice(cost: Money, markupPercent: number, fixed?: number): Money {
  if (fixed !== undefined) return { amount: fixed, currency: cost.currency };
  const bps = BigInt(Math.round(markupPercent * 100));
  const raw = (BigInt(cost.amount) * (10_000n + bps) + 9_999n) / 10_000n;
  const unit = 10 ** exponentOf(cost.currency);
  return { amount: roundUpTo(Number(raw), unit), currency: cost.currency };
}

/** Total for a quantity; quantities are small integers, so this stays exact. */
export function times(m: Money, quantity: number): Money {
  return { amount: m.amount * quantity, currency: m.currency };
}
