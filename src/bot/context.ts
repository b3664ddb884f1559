import type { PromoService } from "../domain/promos.js";
import type { Role, Team } from "../domain/team/index.js";
import type { OperatorGroup } from "../domain/team/operator-group.js";
import type { TeamAlerts } from "../jobs/team-alerts.js";
import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context, LazySessionFlavor } from "grammy";
import type { User } from "grammy/types";
import type { Accounts } from "../domain/accounts.js";
import type { ApiKeys } from "../domain/api-keys.js";
import type { ApiCallbacks } from "../jobs/callbacks.js";
import type { AuditTrail } from "../domain/audit.js";
import type { Broadcasts } from "../domain/broadcasts.js";
import type { Growth } from "../domain/growth.js";
import type { Bulk } from "../domain/bulk.js";
import type { Catalog } from "../domain/catalog.js";
import type { DailyReports } from "../domain/daily-report.js";
import type { DepositService } from "../domain/deposits.js";
import type { Payees } from "../domain/deposits/payees.js";
import type { TransferDeposits } from "../domain/deposits/transfers.js";
import type { Drafts } from "../domain/drafts.js";
import type { Licences } from "../domain/licences.js";
import type { LowBalance } from "../domain/low-balance.js";
import type { Maintenance } from "../domain/maintenance.js";
import type { MessageArgs, Notifier } from "../domain/notifications.js";
import type { OrderHistory } from "../domain/order-history.js";
import type { OrderService } from "../domain/orders.js";
import type { Points } from "../domain/points.js";
import type { PriceAdmin } from "../domain/price-admin.js";
import type { PriceBook } from "../domain/price-book.js";
import type { Reorder } from "../domain/reorder.js";
import type { Resellers } from "../domain/resellers.js";
import type { SavedCustomersService } from "../domain/saved-customers.js";
import type { Support } from "../domain/support/index.js";
import type { Wallets } from "../domain/wallets.js";
import type { Logger } from "../observability/logger.js";
import type { ProviderHealthSnapshot } from "../providers/health.js";
import type { ProviderDirectory } from "../providers/types.js";
import type { Locale } from "../domain/locale.js";
import type { UserRecord } from "../store/types.js";
import type { Translator } from "./i18n.js";

/** Small per-chat state; money and orders never live here (they are in our own keys). */
export interface SessionData {
  /** Page of /orders the user last looked at. */
  ordersPage?: number;
}

/** What every update's context carries beyond grammY's own. */
export interface AppFlavor {
  /** The sender's record, loaded (and registered on first contact) before features run. */
  user?: UserRecord;
  /** True on the update that registered the user. */
  userCreated: boolean;
  /** The sender's role in the operator team, read on every update (undefined: not on the team). */
  role?: Role;
  /** On the team, whatever the role: the reseller gate lets them through. */
  isAdmin: boolean;
  /** The reader's locale, resolved once per update. */
  locale: Locale;
  /** Translate with HTML-escaped arguments and money formatted for the reader. */
  tr(key: string, args?: MessageArgs): string;
  /** Translate for a button label: plain text, arguments as they are. */
  label(key: string, args?: MessageArgs): string;
}

export type BaseContext = Context & LazySessionFlavor<SessionData> & AppFlavor;
export type BotContext = ConversationFlavor<BaseContext>;
/** An update known to have a sender: a message's command or a button press (grammY's filters narrow `from` so). */
export type SenderContext = BotContext & { from: User };
/** Context inside a conversation: no session, but our flavour (ctx.tr, ctx.user) is installed as a plugin. */
export type FlowContext = Context & AppFlavor;

/**
 * The domain services the chat works through (built by the app's areas, src/app/). Handlers
 * reach records only through these: the store is not among them.
 */
export interface Services {
  /** The reseller API's keys and callbacks, for /api (absent: /api is silent). */
  resellerApi?: { keys: ApiKeys; callbacks: Pick<ApiCallbacks, "ping">; allowPrivate: boolean };
  resellers: Resellers;
  catalog: Catalog;
  priceBook: PriceBook;
  maintenance: Maintenance;
  drafts: Drafts;
  orders: OrderService;
  /** Reads of orders: one, a reseller's own, a page, by either id. */
  history: OrderHistory;
  /** Balances, the recent entries and the statement; admin credits and debits. */
  wallets: Wallets;
  deposits: DepositService;
  /** Deposits by transfer (slips reviewed by the team) and the payees they are paid to. */
  transfers: TransferDeposits;
  payees: Payees;
  broadcasts: Broadcasts;
  licences: Licences;
  points: Points;
  /** Recent customers offered as buttons in the purchase flow. */
  customers: SavedCustomersService;
  /** Promo codes: /promo, and the card's 🎟 button (SPEC §7). */
  promos: PromoService;
  /** "Buy again": a new confirmation card from an earlier order. */
  reorder: Reorder;
  lowBalance: LowBalance;
  /** Bulk top-ups: many players in one confirmation, one order each. */
  bulk: Bulk;
  /** Referrals and volume tiers (SPEC §7). */
  growth: Growth;
  providers: ProviderDirectory & { health(): Record<string, ProviderHealthSnapshot> };
  /** The admin console's own: the audit trail, account changes, price changes, the daily report and /stats. */
  audit: AuditTrail;
  accounts: Accounts;
  team: Team;
  prices: PriceAdmin;
  reports: DailyReports;
  /** Support tickets: opened by resellers, answered and closed by the team. */
  support: Support;
  notifier: Notifier;
  /** The operator group (ADMIN_CHAT_ID): its current chat, and whether the bot is in it. */
  operatorGroup: OperatorGroup;
  /**
   * Sends to a topic's readers now (the operator group's topic, or their DMs) and returns where
   * each message landed, to match replies later (jobs/team-alerts.ts, post).
   */
  teamPost: TeamAlerts["post"];
  adminIds: readonly number[];
  /** Renders text for a reader other than the one in the update (the note line of a wallet notice). */
  translator: Translator;
  logger: Logger;
  sandbox: boolean;
  defaultLocale: Locale;
  /** True when an error means the system of record is away (the reply then says nothing was charged). */
  recordsUnavailable(err: unknown): boolean;
}
