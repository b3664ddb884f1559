import type { ConversationFlavor } from "@grammyjs/conversations";
import type { Context, LazySessionFlavor } from "grammy";
import type { Broadcasts } from "../domain/broadcasts.js";
import type { Bulk } from "../domain/bulk.js";
import type { Catalog } from "../domain/catalog.js";
import type { Drafts } from "../domain/drafts.js";
import type { Licences } from "../domain/licences.js";
import type { LowBalance } from "../domain/low-balance.js";
import type { MessageArgs } from "../domain/notifications.js";
import type { OrderService } from "../domain/orders.js";
import type { Points } from "../domain/points.js";
import type { Reorder } from "../domain/reorder.js";
import type { Resellers } from "../domain/resellers.js";
import type { SavedCustomersService } from "../domain/saved-customers.js";
import type { Settings } from "../domain/settings.js";
import type { Logger } from "../observability/logger.js";
import type { ProviderHealthSnapshot } from "../providers/health.js";
import type { ProviderDirectory } from "../providers/types.js";
import type { Locale } from "../domain/locale.js";
import type { Store, UserRecord } from "../store/types.js";

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
/** Context inside a conversation: no session, but our flavour (ctx.tr, ctx.user) is installed as a plugin. */
export type FlowContext = Context & AppFlavor;

export interface Services {
  store: Store;
  resellers: Resellers;
  catalog: Catalog;
  drafts: Drafts;
  orders: OrderService;
  settings: Settings;
  broadcasts: Broadcasts;
  licences: Licences;
  points: Points;
  /** Recent customers offered as buttons in the purchase flow. */
  customers: SavedCustomersService;
  /** "Buy again": a new confirmation card from an earlier order. */
  reorder: Reorder;
  lowBalance: LowBalance;
  /** Bulk top-ups: many players in one confirmation, one order each. */
  bulk: Bulk;
  providers: ProviderDirectory & { health(): Record<string, ProviderHealthSnapshot> };
  logger: Logger;
  sandbox: boolean;
  defaultLocale: Locale;
}
