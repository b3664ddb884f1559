import { localDate } from "../../lib/time-zone.js";
import type { UserStatus } from "../../domain/reseller-status.js";
import { isSale, salesRows } from "../sales.js";
import type { DaySalesRow, LedgerDifference, LedgerEntry, OrderRecord, Reports } from "../types.js";
import { allEntries, type MemoryTables } from "./tables.js";
import { moneyTotals } from "./totals.js";

/** Sales per local day and currency (the memory twin of the SQL `AT TIME ZONE` grouping). */
function salesByDay(orders: readonly OrderRecord[], timeZone: string): DaySalesRow[] {
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

/** The reports, read from every table they sum over. */
export function memoryReports(t: MemoryTables): Reports {
  const { users, orders, wallets, deposits } = t;
  return {
    async resellersByStatus(excludeIds) {
      const out: Partial<Record<UserStatus, number>> = {};
      for (const u of users.values()) if (!excludeIds.includes(u.id)) out[u.status] = (out[u.status] ?? 0) + 1;
      return out;
    },
    async sales(since, until = Date.now() + 1) {
      return salesRows([...orders.values()].filter((o) => o.createdAt >= since && o.createdAt < until));
    },
    async ledgerCheck() {
      const diffs: LedgerDifference[] = [];
      const sums = new Map<string, number>();
      for (const e of allEntries(t)) sums.set(`${e.userId}:${e.currency}`, (sums.get(`${e.userId}:${e.currency}`) ?? 0) + e.amount);
      for (const k of new Set([...wallets.keys(), ...sums.keys()])) {
        const [u, currency] = k.split(":") as [string, string];
        const expected = sums.get(k) ?? 0;
        const actual = wallets.get(k) ?? 0;
        if (expected !== actual) diffs.push({ kind: "balance", userId: Number(u), currency, orderId: null, expected, actual });
      }
      const debits = new Map<string, LedgerEntry[]>();
      for (const e of allEntries(t)) if (e.type === "debit" && e.orderId) debits.set(e.orderId, [...(debits.get(e.orderId) ?? []), e]);
      for (const [orderId, list] of debits) {
        const [first] = list;
        if (first && list.length > 1)
          diffs.push({
            kind: "debits_per_order",
            userId: first.userId,
            currency: first.currency,
            orderId,
            expected: 1,
            actual: list.length,
          });
      }
      for (const r of allEntries(t).filter((e) => e.type === "refund")) {
        const d = r.orderId ? debits.get(r.orderId)?.[0] : undefined;
        const base = { userId: r.userId, currency: r.currency, orderId: r.orderId ?? null, actual: r.amount };
        if (!d) diffs.push({ kind: "refund_without_debit", ...base, expected: 0 });
        else if (d.amount !== -r.amount || d.currency !== r.currency || d.userId !== r.userId)
          diffs.push({ kind: "refund_amount", ...base, expected: -d.amount });
      }
      return diffs;
    },
    async refunds(since, until) {
      return moneyTotals(allEntries(t).filter((e) => e.type === "refund" && e.at >= since && e.at < until));
    },
    async adminCredits(since, until) {
      return moneyTotals(allEntries(t).filter((e) => e.reason === "admin_credit" && e.at >= since && e.at < until));
    },
    async depositsPaid(since, until) {
      // The paid ones settled in [since, until).
      const paid = [...deposits.values()].filter(
        (d) => d.state === "paid" && d.settledAt !== undefined && d.settledAt >= since && d.settledAt < until,
      );
      return moneyTotals(paid.map((d) => d.amount));
    },
    async salesByDay(since, until, timeZone) {
      return salesByDay(
        [...orders.values()].filter((o) => o.createdAt >= since && o.createdAt < until),
        timeZone,
      );
    },
  };
}
