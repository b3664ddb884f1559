/** The aggregates: every record type together (Records), and with the key-value side (Store). */
import type { ApiRecords } from "./api.js";
import type { AuditLog } from "./audit.js";
import type { PointsAwards } from "./awards.js";
import type { SavedCustomers } from "./customers.js";
import type { Deposits } from "./deposits.js";
import type { GrowthRecords } from "./growth.js";
import type { Kv } from "./kv.js";
import type { Ledger } from "./ledger.js";
import type { LicenceLinks } from "./licence-links.js";
import type { LowBalanceThresholds } from "./low-balance.js";
import type { MaintenanceRecords } from "./maintenance.js";
import type { OperatorGroups } from "./operator-group.js";
import type { Orders } from "./orders.js";
import type { PricingRecords } from "./pricing.js";
import type { Promos } from "./promos.js";
import type { Reports } from "./reports.js";
import type { SupportTickets } from "./support.js";
import type { Transfers } from "./transfers.js";
import type { UnmatchedEvents } from "./unmatched.js";
import type { Users } from "./users.js";

/** The system of record: PostgreSQL, or the in-memory stand-in. */
export interface Records {
  kind: "postgres" | "memory";
  users: Users;
  ledger: Ledger;
  orders: Orders;
  audit: AuditLog;
  pricing: PricingRecords;
  reports: Reports;
  deposits: Deposits;
  awards: PointsAwards;
  licenceLinks: LicenceLinks;
  unmatched: UnmatchedEvents;
  customers: SavedCustomers;
  lowBalance: LowBalanceThresholds;
  maintenance: MaintenanceRecords;
  support: SupportTickets;
  operatorGroups: OperatorGroups;
  /** Deposits by transfer and the payees they are paid to. */
  transfers: Transfers;
  api: ApiRecords;
  /** Promo codes and the uses orders took (SPEC §7). */
  promos: Promos;
  /** Referrals and volume tiers (SPEC §7). */
  growth: GrowthRecords;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The records and the ephemeral key-value side (Redis, or memory), as the app uses them. */
export interface Store extends Records {
  kv: Kv;
}
