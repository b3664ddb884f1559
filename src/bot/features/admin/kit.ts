import type { Accounts } from "../../../domain/accounts.js";
import type { AuditTrail } from "../../../domain/audit.js";
import type { DailyReports } from "../../../domain/daily-report.js";
import type { Notifier } from "../../../domain/notifications.js";
import type { PriceAdmin } from "../../../domain/price-admin.js";
import type { Wallets } from "../../../domain/wallets.js";
import type { Services } from "../../context.js";
import type { Translator } from "../../i18n.js";

export interface AdminDeps extends Services {
  notifier: Notifier;
  adminIds: readonly number[];
  /** Renders text for a reader other than the admin (the note line of a wallet notice). */
  translator: Translator;
  /** The daily report (/report) and the operator's time zone (the /stats chart's days). */
  reports: DailyReports;
}

/** What every admin command file gets: the services plus the admin-only domain modules (built in app.ts). */
export interface AdminKit extends AdminDeps {
  audit: AuditTrail;
  accounts: Accounts;
  wallets: Wallets;
  prices: PriceAdmin;
}
