import type { UserStatus } from "./reseller-status.js";
import type { MoneyTotal, SalesRow, Store } from "../store/types.js";

export { isSale, salesRows } from "../store/sales.js";
export type { SalesRow } from "../store/types.js";

export type StatsWindow = "today" | "7d" | "30d";

/**
 * Money that came into wallets, by source (SPEC §6). None of it is revenue: a deposit is the
 * reseller's own money until they buy with it, and revenue is counted from sales only.
 */
export interface MoneyIn {
  admin: MoneyTotal[];
  transfer: MoneyTotal[];
  xpay: MoneyTotal[];
}

export const MONEY_IN_SOURCES = ["admin", "transfer", "xpay"] as const;

export async function collectMoneyIn(store: Store, since: number, until: number): Promise<MoneyIn> {
  const [admin, transfer, xpay] = await Promise.all([
    store.reports.adminCredits(since, until),
    store.transfers.approvedTotals(since, until),
    store.reports.depositsPaid(since, until),
  ]);
  return { admin, transfer, xpay };
}

/** What profit takes off the margin besides provider cost; §7 (discounts, referral commissions) fills these in. */
export interface ProfitDeductions {
  discounts: Record<string, number>;
  commissions: Record<string, number>;
}

/** Profit per currency: sales minus provider cost (the margin) minus discounts and commissions. */
export function profit(rows: readonly SalesRow[], less: ProfitDeductions = { discounts: {}, commissions: {} }): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.currency] = (out[r.currency] ?? 0) + r.margin;
  for (const c of Object.keys(out)) out[c] = (out[c] ?? 0) - (less.discounts[c] ?? 0) - (less.commissions[c] ?? 0);
  return out;
}

export interface Stats {
  resellers: Record<UserStatus, number>;
  windows: {
    window: StatsWindow;
    rows: SalesRow[];
    moneyIn: MoneyIn;
    /**
     * Promo discounts given on the window's orders (SPEC §7). Shown, not deducted again: a sale's
     * revenue is the discounted price the reseller paid, so its margin is already net of it.
     */
    discounts: MoneyTotal[];
    /** Referral commissions kept (SPEC §7), per currency. */
    commissions: Record<string, number>;
  }[];
  open: { pending: number; unknown: number; unknownIds: string[] };
}

const DAY_MS = 24 * 3600_000;

export function windowStart(window: StatsWindow, now: number): number {
  if (window === "today") return now - (now % DAY_MS); // UTC midnight
  return now - (window === "7d" ? 7 : 30) * DAY_MS;
}

/** The admin's /stats: resellers by state (admins left out), sales per window, open orders; counted by the store. */
export async function collectStats(store: Store, adminIds: readonly number[], now = Date.now()): Promise<Stats> {
  const windows: StatsWindow[] = ["today", "7d", "30d"];
  const [byStatus, sales, pending, processing, unknownIds] = await Promise.all([
    store.reports.resellersByStatus(adminIds),
    Promise.all(
      windows.map(async (window) => ({
        window,
        rows: await store.reports.sales(windowStart(window, now)),
        moneyIn: await collectMoneyIn(store, windowStart(window, now), now + 1),
        discounts: await store.promos.discounts(windowStart(window, now), now + 1),
        commissions: await store.growth.commissionTotals(windowStart(window, now), now + 1),
      })),
    ),
    store.orders.idsInState("pending"),
    store.orders.idsInState("processing"),
    store.orders.idsInState("unknown"),
  ]);
  return {
    resellers: { pending: 0, active: 0, rejected: 0, banned: 0, ...byStatus },
    windows: sales,
    open: { pending: pending.length + processing.length, unknown: unknownIds.length, unknownIds: [...unknownIds].sort() },
  };
}
