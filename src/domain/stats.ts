import type { UserStatus } from "./reseller-status.js";
import type { SalesRow, Store } from "../store/types.js";

export { isSale, salesRows } from "../store/sales.js";
export type { SalesRow } from "../store/types.js";

export type StatsWindow = "today" | "7d" | "30d";

export interface Stats {
  resellers: Record<UserStatus, number>;
  windows: { window: StatsWindow; rows: SalesRow[] }[];
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
    Promise.all(windows.map(async (window) => ({ window, rows: await store.reports.sales(windowStart(window, now)) }))),
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
