import type { ProviderId } from "../providers/types.js";
import type { OrderRecord, OrderState, Store, UserStatus } from "../store/types.js";

export type StatsWindow = "today" | "7d" | "30d";

export interface SalesRow {
  provider: ProviderId;
  currency: string;
  orders: number;
  /** Minor units: what resellers paid. */
  revenue: number;
  /** Minor units: revenue minus provider cost. */
  margin: number;
}

export interface Stats {
  resellers: Record<UserStatus, number>;
  windows: { window: StatsWindow; rows: SalesRow[] }[];
  open: { pending: number; unknown: number; unknownIds: string[] };
}

const DAY_MS = 24 * 3600_000;
/** States in which the reseller's money is no longer with us for the order. */
const NOT_SOLD: readonly OrderState[] = ["failed", "refunded", "cancelled"];

/** An order counts as a sale while its price is held or earned: charged and not refunded. */
export const isSale = (o: OrderRecord) => !NOT_SOLD.includes(o.state) && o.refundedAt === undefined;

export function windowStart(window: StatsWindow, now: number): number {
  if (window === "today") return now - (now % DAY_MS); // UTC midnight
  return now - (window === "7d" ? 7 : 30) * DAY_MS;
}

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

/** The admin's /stats: resellers by state (admins left out), sales per window, open orders. */
export async function collectStats(store: Store, isAdmin: (id: number) => boolean, now = Date.now()): Promise<Stats> {
  const resellers: Record<UserStatus, number> = { pending: 0, active: 0, rejected: 0, banned: 0 };
  for (const u of await store.users.all()) if (!isAdmin(u.id)) resellers[u.status] += 1;

  const windows: StatsWindow[] = ["today", "7d", "30d"];
  // One read of the widest window; the narrower ones are slices of it.
  const month = await store.orders.since(Math.min(...windows.map((w) => windowStart(w, now))));
  const [pending, processing, unknownIds] = await Promise.all([
    store.orders.idsInState("pending"),
    store.orders.idsInState("processing"),
    store.orders.idsInState("unknown"),
  ]);
  return {
    resellers,
    windows: windows.map((window) => ({ window, rows: salesRows(month.filter((o) => o.createdAt >= windowStart(window, now))) })),
    open: { pending: pending.length + processing.length, unknown: unknownIds.length, unknownIds: [...unknownIds].sort() },
  };
}
