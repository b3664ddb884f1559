import type { MoneyTotal } from "../types.js";

/** Count and sum per currency, ordered by currency as the SQL twins order them. */
export function moneyTotals(items: readonly { currency: string; amount: number }[]): MoneyTotal[] {
  const totals = new Map<string, MoneyTotal>();
  for (const { currency, amount } of items) {
    const t = totals.get(currency) ?? { currency, count: 0, sum: 0 };
    t.count += 1;
    t.sum += amount;
    totals.set(currency, t);
  }
  return [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
