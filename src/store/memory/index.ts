import type { Records } from "../types.js";
import { memoryApi } from "./api.js";
import { memoryAudit } from "./audit.js";
import { memoryAwards } from "./awards.js";
import { memoryCustomers } from "./customers.js";
import { memoryDeposits } from "./deposits.js";
import { memoryGrowth } from "./growth.js";
import { memoryLedger } from "./ledger.js";
import { memoryLicenceLinks } from "./licence-links.js";
import { memoryLowBalance } from "./low-balance.js";
import { memoryMaintenance } from "./maintenance.js";
import { memoryOperatorGroups } from "./operator-group.js";
import { memoryOrders } from "./orders.js";
import { memoryPricing } from "./pricing.js";
import { memoryPromos } from "./promos.js";
import { memoryReports } from "./reports.js";
import { memorySupport } from "./support.js";
import { memoryTables } from "./tables.js";
import { memoryTransfers } from "./transfers.js";
import { memoryUnmatched } from "./unmatched.js";
import { memoryUsers } from "./users.js";

export { memoryKv } from "./kv.js";

/**
 * The in-memory stand-in for PostgreSQL: same contracts, nothing survives a restart. Node runs
 * one callback at a time and nothing here awaits mid-operation, so each method is atomic as the
 * SQL statements are. Records are copied in and out so callers cannot mutate stored state.
 */
export function memoryRecords(): Records {
  const tables = memoryTables();
  const ledger = memoryLedger(tables);
  return {
    kind: "memory",
    users: memoryUsers(tables),
    ledger,
    orders: memoryOrders(tables),
    audit: memoryAudit(),
    pricing: memoryPricing(),
    reports: memoryReports(tables),
    deposits: memoryDeposits(tables),
    awards: memoryAwards(),
    licenceLinks: memoryLicenceLinks(),
    unmatched: memoryUnmatched(),
    customers: memoryCustomers(),
    lowBalance: memoryLowBalance(),
    maintenance: memoryMaintenance(),
    support: memorySupport(),
    operatorGroups: memoryOperatorGroups(),
    transfers: memoryTransfers(ledger),
    api: memoryApi(),
    promos: memoryPromos(tables),
    growth: memoryGrowth(tables),
    async ping() {
      return true;
    },
    async close() {},
  };
}
