import { NOT_SOLD_STATES, type OrderRecord, type SalesRow } from "./types.js";

/** An order counts as a sale while its price is held or earned: charged and not refunded. */
export const isSale = (o: OrderRecord) => !NOT_SOLD_STATES.includes(o.state) && o.refundedAt === undefined;

/** Sums sales per provider and currency (a sale price is always in its cost's currency). */
export function salesRows(orders: readonly OrderRecord[]): SalesRow[] {
  const rows = new Map<string, SalesRow>();
  for (const o of orders.filter(isSale)) {
    const k = `${o.provider}:${o.price.currency}`;
    const row = rows.get(k) ?? { provider: o.provider, currency: o.price.currency, orders: 0, revenue: 0, margin: 0 };
    row.orders += 1;
    row.revenue += o.price.amount;
    row.margin += o.price.amount - o.cost.amount;
    rows.set(k, row);
  }
  return [...rows.values()].sort((a, b) => a.provider.localeCompare(b.provider) || a.currency.localeCompare(b.currency));
}
