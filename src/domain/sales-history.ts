import { addDays, localDate, startOfLocalDay } from "../lib/time-zone.js";
import { exponentOf } from "../lib/money.js";
import type { Store } from "../store/types.js";

/** One currency's sales per day, every day of the window present (zero when nothing sold). */
export interface SalesHistory {
  currency: string;
  days: { day: string; revenue: number; orders: number }[];
}

/**
 * The last `days` local days up to today, one history per currency that sold anything in them
 * (revenue in whole units, as the chart labels it). Currencies are never added together.
 */
export async function salesHistory(store: Store, now: number, timeZone: string, days = 30): Promise<SalesHistory[]> {
  const today = localDate(now, timeZone);
  const first = addDays(today, -(days - 1));
  const rows = await store.reports.salesByDay(startOfLocalDay(first, timeZone), now + 1, timeZone);
  const dates = Array.from({ length: days }, (_, i) => addDays(first, i));
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const unit = 10 ** exponentOf(currency);
    const byDay = new Map(rows.filter((r) => r.currency === currency).map((r) => [r.day, r]));
    return {
      currency,
      days: dates.map((day) => ({ day, revenue: Math.round((byDay.get(day)?.revenue ?? 0) / unit), orders: byDay.get(day)?.orders ?? 0 })),
    };
  });
}
