/** The reports: sums over users, orders, the ledger and deposits, computed where the records are. */
import type { UserStatus } from "../../domain/reseller-status.js";
import type { ProviderId } from "../../providers/contracts/money.js";
import type { OrderState } from "./orders.js";

/** States in which the reseller's money is no longer with us for the order: not a sale. */
export const NOT_SOLD_STATES: readonly OrderState[] = ["failed", "refunded", "cancelled"];

export interface SalesRow {
  provider: ProviderId;
  currency: string;
  orders: number;
  /** Minor units: what resellers paid. */
  revenue: number;
  /** Minor units: revenue minus provider cost. */
  margin: number;
}

/** One thing the ledger check found wrong; none is expected. */
export interface LedgerDifference {
  kind: "balance" | "debits_per_order" | "refund_without_debit" | "refund_amount";
  userId: number;
  currency: string;
  orderId: string | null;
  expected: number;
  actual: number;
}

/** How many movements of one currency, and their sum (minor units). */
export interface MoneyTotal {
  currency: string;
  count: number;
  sum: number;
}

/** Sales (as Reports.sales counts them) of one local calendar day in one currency. */
export interface DaySalesRow {
  /** YYYY-MM-DD in the time zone asked for. */
  day: string;
  currency: string;
  orders: number;
  /** Minor units. */
  revenue: number;
}

/** Reports computed where the records are (SQL in PostgreSQL). */
export interface Reports {
  resellersByStatus(excludeIds: readonly number[]): Promise<Partial<Record<UserStatus, number>>>;
  /** Sales per provider and currency of orders created in [since, until): charged and not refunded. */
  sales(since: number, until?: number): Promise<SalesRow[]>;
  /** Every balance equals the sum of its entries; every order debited at most once; every refund matches its debit. */
  ledgerCheck(): Promise<LedgerDifference[]>;
  // The operators' daily report and /stats chart:
  /** Refunds paid into wallets in [since, until), per currency. */
  refunds(since: number, until: number): Promise<MoneyTotal[]>;
  /** Credits admins gave by hand (/credit) in [since, until), per currency: money in, not revenue. */
  adminCredits(since: number, until: number): Promise<MoneyTotal[]>;
  /** Deposits settled as paid in [since, until), per currency. */
  depositsPaid(since: number, until: number): Promise<MoneyTotal[]>;
  /** Sales of orders created in [since, until) per calendar day in `timeZone` and currency; days without sales are absent. */
  salesByDay(since: number, until: number, timeZone: string): Promise<DaySalesRow[]>;
}
