import { localDate } from "../../lib/time-zone.js";
import { isSale } from "../sales.js";
import type { DaySalesRow, MoneyTotal, OrderRecord } from "../types.js";

/** Count and sum per currency, ordered by currency as the SQL twin orders them. */
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

/** Sales per local day and currency (the memory twin of the SQL `AT TIME ZONE` grouping). */
export function salesByDay(orders: readonly OrderRecord[], timeZone: string): DaySalesRow[] {
  const rows = new Map<string, DaySalesRow>();
  for (const o of orders.filter(isSale)) {
    const day = localDate(o.createdAt, timeZone);
    const k = `${day}:${o.price.currency}`;
    const row = rows.get(k) ?? { day, currency: o.price.currency, orders: 0, revenue: 0 };
    row.orders += 1;
    row.revenue += o.price.amount;
    rows.set(k, row);
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.currency.localeCompare(b.currency));
}
