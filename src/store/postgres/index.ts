import type { Records } from "../types.js";
import { postgresApi } from "./api.js";
import { postgresAudit } from "./audit.js";
import { postgresAwards } from "./awards.js";
import { postgresCustomers } from "./customers.js";
import { postgresDeposits } from "./deposits.js";
import { postgresGrowth } from "./growth.js";
import { postgresLicenceLinks } from "./licence-links.js";
import { postgresLedger } from "./ledger.js";
import { postgresLowBalance } from "./low-balance.js";
import { postgresMaintenance } from "./maintenance.js";
import { postgresOperatorGroups } from "./operator-group.js";
import { postgresOrders } from "./orders.js";
import type { Pool } from "./pool.js";
import { postgresPricing } from "./pricing.js";
import { postgresPromos } from "./promos.js";
import { postgresReports } from "./reports.js";
import { postgresSupport } from "./support.js";
import { postgresTransfers } from "./transfers.js";
import { postgresUnmatched } from "./unmatched.js";
import { postgresUsers } from "./users.js";

export { createPool, isDatabaseUnavailable } from "./pool.js";
export { migrate, SchemaTooNewError } from "./migrate.js";

/** The system of record on PostgreSQL. The pool is closed with the records. */
export function postgresRecords(pool: Pool): Records {
  return {
    kind: "postgres",
    users: postgresUsers(pool),
    ledger: postgresLedger(pool),
    orders: postgresOrders(pool),
    audit: postgresAudit(pool),
    pricing: postgresPricing(pool),
    reports: postgresReports(pool),
    deposits: postgresDeposits(pool),
    awards: postgresAwards(pool),
    licenceLinks: postgresLicenceLinks(pool),
    unmatched: postgresUnmatched(pool),
    customers: postgresCustomers(pool),
    lowBalance: postgresLowBalance(pool),
    maintenance: postgresMaintenance(pool),
    support: postgresSupport(pool),
    operatorGroups: postgresOperatorGroups(pool),
    transfers: postgresTransfers(pool),
    api: postgresApi(pool),
    promos: postgresPromos(pool),
    growth: postgresGrowth(pool),
    async ping() {
      try {
        await pool.query("SELECT 1");
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}
