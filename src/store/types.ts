import type { Money, ProviderId, WebhookEvent } from "../providers/types.js";

export type Locale = "en" | "id" | "my";
export const LOCALES: readonly Locale[] = ["en", "id", "my"];
export type Tier = "member" | "reseller" | "vip";
export const TIERS: readonly Tier[] = ["member", "reseller", "vip"];
export type UserStatus = "pending" | "active" | "rejected" | "banned";

export interface UserRecord {
  id: number;
  username?: string;
  firstName: string;
  /** Chosen with /language; otherwise negotiated from Telegram's language_code. */
  locale?: Locale;
  telegramLanguage?: string;
  status: UserStatus;
  /** The reseller's own e-mail (loyalty points registration), when they gave one. */
  email?: string;
  /** When `email` was registered at the loyalty-points provider (cleared when the e-mail changes). */
  pointsRegisteredAt?: number;
  tier: Tier;
  createdAt: number;
  /** Set when Telegram answered 403 to a message: the user blocked the bot. */
  blockedAt?: number;
}

export type LedgerEntryType = "credit" | "debit" | "refund" | "adjustment";

export interface LedgerEntry {
  id: string;
  userId: number;
  currency: string;
  /** Signed, minor units. */
  amount: number;
  balanceAfter: number;
  type: LedgerEntryType;
  reason: string;
  /** Who caused it: "system", "admin:<id>", "user:<id>". */
  actor: string;
  orderId?: string;
  note?: string;
  key: string;
  at: number;
}

export type LedgerResult =
  | { ok: true; entry: LedgerEntry; duplicate: false }
  /** The idempotency key was used before: nothing changed; the first entry is returned. */
  | { ok: true; entry: LedgerEntry; duplicate: true }
  | { ok: false; reason: "insufficient"; balance: number };

/** An order's debit: applied only while the order is still pending (see Ledger.debitOrder). */
export type OrderDebitResult = LedgerResult | { ok: false; reason: "not_pending"; state: OrderState | undefined };

export interface LedgerInput {
  userId: number;
  currency: string;
  amount: number;
  type: LedgerEntryType;
  reason: string;
  actor: string;
  key: string;
  orderId?: string;
  note?: string;
}

export interface Ledger {
  /** Atomically applies one entry; refuses to take a balance below zero; idempotent on key. */
  apply(input: LedgerInput): Promise<LedgerResult>;
  /**
   * An order's debit, serialised with every verdict on that order: the order's row is locked,
   * and the debit is applied only while the order is still pending. A sweep that failed the
   * order first wins (nothing is taken); a debit that got the lock first is seen by the sweep.
   */
  debitOrder(input: LedgerInput & { orderId: string }): Promise<OrderDebitResult>;
  /** The entry applied under an idempotency key, if any. */
  entryByKey(key: string): Promise<LedgerEntry | undefined>;
  balances(userId: number): Promise<Record<string, number>>;
  /** Newest first; `before`: only entries older than the entry with this id (pages that new entries cannot shift). */
  entries(userId: number, opts?: { offset?: number; limit?: number; before?: string }): Promise<LedgerEntry[]>;
  /** The balances and the newest `recent` entries, read together (the wallet card: one round trip). */
  wallet(userId: number, recent: number): Promise<{ balances: Record<string, number>; entries: LedgerEntry[] }>;
  /** Sum of amounts per currency and entry type over every user, for metrics. */
  totals(): Promise<Record<string, number>>;
}

export type OrderState =
  | "pending"
  | "processing"
  | "completed"
  | "failed"
  | "refunded"
  | "unknown"
  | "shipped"
  | "cancelled"
  | "delivery_failed";

export interface OrderEvent {
  at: number;
  state: OrderState;
  note?: string;
}

export interface OrderRecord {
  id: string;
  userId: number;
  provider: ProviderId;
  sku: string;
  productName: string;
  quantity: number;
  email?: string;
  playerId?: string;
  zone?: string;
  /** What the reseller pays in total. */
  price: Money;
  /** What the provider charges the operator in total. */
  cost: Money;
  unitCost: Money;
  state: OrderState;
  providerOrderId?: string;
  /** Machine code of the last failure (provider error code or our own). */
  failure?: string;
  nickname?: string;
  note?: string;
  trackingInfo?: string;
  shippingStatus?: string;
  refundedAt?: number;
  /** When the order was handed to its provider (claimed once, just before the call). */
  sentAt?: number;
  sandbox?: boolean;
  createdAt: number;
  updatedAt: number;
  history: OrderEvent[];
}

export interface Orders {
  /** Creates the order unless its id exists; returns false when it did. */
  create(order: OrderRecord): Promise<boolean>;
  get(id: string): Promise<OrderRecord | undefined>;
  byProviderOrderId(provider: ProviderId, providerOrderId: string): Promise<OrderRecord | undefined>;
  /**
   * Compare-and-set: moves the order to `to` only when its state is one of `from`, merging
   * `patch`, appending history. Returns the new record, or undefined when the state did not match.
   */
  transition(
    id: string,
    from: readonly OrderState[],
    to: OrderState,
    patch?: Partial<Omit<OrderRecord, "id" | "state" | "history">>,
    note?: string,
  ): Promise<OrderRecord | undefined>;
  /**
   * Claims a pending order for sending to its provider: sets sentAt and appends `note` as an event,
   * only while it is pending and was never claimed. Returns the order, or undefined when another
   * sender (or a state change) got there first.
   */
  claimSending(id: string, note: string): Promise<OrderRecord | undefined>;
  /**
   * Fails a pending order that was never charged, under the same row lock as Ledger.debitOrder:
   * undefined when the order is not pending or a debit for it exists.
   */
  failUncharged(id: string, patch: Partial<Omit<OrderRecord, "id" | "state" | "history">>, note: string): Promise<OrderRecord | undefined>;
  /** Gives a claim back when nothing reached the provider (no rate-limit slot, a 429), so it can be sent later. */
  releaseSending(id: string, note: string): Promise<OrderRecord | undefined>;
  /** Patch without changing the state (e.g. refundedAt, nickname). */
  patch(id: string, patch: Partial<Omit<OrderRecord, "id" | "state" | "history">>): Promise<OrderRecord | undefined>;
  /** Newest first. */
  byUser(userId: number, opts?: { offset?: number; limit?: number }): Promise<OrderRecord[]>;
  countByUser(userId: number): Promise<number>;
  /** Ids of orders currently in a state, oldest first (meant for the open states). */
  idsInState(state: OrderState): Promise<string[]>;
}

/** Fields to set; null removes an optional field. */
export type UserPatch = { [K in Exclude<keyof UserRecord, "id">]?: UserRecord[K] | null };

export interface Users {
  get(id: number): Promise<UserRecord | undefined>;
  /**
   * Atomically merges fields into a stored user; returns the result, or undefined when absent.
   * Writers touching different fields (a profile refresh, an admin's approval) never undo each other.
   */
  patch(id: number, patch: UserPatch): Promise<UserRecord | undefined>;
  /** Creates the user unless present; returns the stored record and whether it was created. */
  createIfAbsent(user: UserRecord): Promise<{ user: UserRecord; created: boolean }>;
  save(user: UserRecord): Promise<void>;
  byUsername(username: string): Promise<UserRecord | undefined>;
  all(): Promise<UserRecord[]>;
}

export interface AuditEntry {
  at: number;
  actor: number;
  action: string;
  target?: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  recent(n: number): Promise<AuditEntry[]>;
}

/** Pricing admins set at run time, stored as it is changed; every change is atomic. */
export interface StoredPricing {
  /** Only tiers an admin has set; the others use the configured default. */
  markups: Partial<Record<Tier, number>>;
  /** Fixed sale prices per unit, keyed by `${provider}:${sku}`, in minor units. */
  fixedPrices: Record<string, number>;
  /** Products not for sale, keyed like fixedPrices. */
  paused: Record<string, { reason: string; at: number }>;
}

export interface PricingRecords {
  snapshot(): Promise<StoredPricing>;
  /** Returns the markup set before, if an admin had set one. */
  setMarkup(tier: Tier, percent: number): Promise<number | undefined>;
  /** Sets (or with null removes) a fixed price and lifts any pause of the product, in one step. */
  fixPrice(productKey: string, amount: number | null): Promise<{ before?: number; wasPaused: boolean }>;
  /** Pauses the product if, at this instant, its fixed price is below `cost`; returns that price when it paused. */
  pauseIfBelow(productKey: string, cost: number, reason: string): Promise<{ fixed: number } | undefined>;
  /** Lifts a pause with this reason if, at this instant, no fixed price is below `cost`. */
  resumeIfCovered(productKey: string, cost: number, reason: string): Promise<boolean>;
  /** Named on/off switches (maintenance). */
  flag(name: string): Promise<boolean>;
  setFlag(name: string, on: boolean): Promise<void>;
}

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
  /** Deposits settled as paid in [since, until), per currency. */
  depositsPaid(since: number, until: number): Promise<MoneyTotal[]>;
  /** Sales of orders created in [since, until) per calendar day in `timeZone` and currency; days without sales are absent. */
  salesByDay(since: number, until: number, timeZone: string): Promise<DaySalesRow[]>;
}

/** Small key-value needs: caches, drafts, settings, dedupe markers, locks. */
export interface Kv {
  getJson<T>(key: string): Promise<T | undefined>;
  setJson(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Sets only when absent; true when this call set it (dedupe, locks). */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  /** Deletes the key only while it still holds `value` (a lock released by its owner only); true when it did. */
  deleteIf(key: string, value: string): Promise<boolean>;
  del(key: string): Promise<void>;
  /**
   * Atomically adds to a counter field of a hash-like record; returns the new value. With ttlMs
   * the whole record expires that long after this call (fixed-window rate limits).
   */
  incr(key: string, field: string, by?: number, ttlMs?: number): Promise<number>;
  counters(key: string): Promise<Record<string, number>>;
}

export type DepositState = "open" | "paid" | "expired" | "cancelled";

/** A wallet deposit paid through a payment provider's bill. */
export interface DepositRecord {
  /** Ours: the bill's reference at the provider. */
  id: string;
  userId: number;
  amount: Money;
  billId?: string;
  state: DepositState;
  payUrl?: string;
  instructions?: string;
  expiresAt?: number;
  createdAt: number;
  updatedAt: number;
  settledAt?: number;
}

export interface Deposits {
  /** Creates the deposit unless its id exists; returns false when it did. */
  create(deposit: DepositRecord): Promise<boolean>;
  get(id: string): Promise<DepositRecord | undefined>;
  byBillId(billId: string): Promise<DepositRecord | undefined>;
  /** Records the provider's bill for an open deposit. */
  attachBill(
    id: string,
    bill: { billId: string; payUrl?: string; instructions?: string; expiresAt?: number },
  ): Promise<DepositRecord | undefined>;
  /** Compare-and-set out of "open"; undefined when it was no longer open. */
  settle(id: string, to: Exclude<DepositState, "open">): Promise<DepositRecord | undefined>;
  /** Open deposits, oldest first (the fallback check). */
  open(): Promise<DepositRecord[]>;
  /** Newest first. */
  byUser(userId: number, opts?: { offset?: number; limit?: number }): Promise<DepositRecord[]>;
}

export type PointsAwardState = "pending" | "awarded" | "limit_reached" | "failed";

/** The loyalty points one completed order earns its reseller. */
export interface PointsAwardRecord {
  orderId: string;
  userId: number;
  email: string;
  points: number;
  /** Sent with the award; stored before each call so a retry of that call reuses it. */
  transactionId: string;
  state: PointsAwardState;
  attempts: number;
  note?: string;
  createdAt: number;
  updatedAt: number;
}

export interface PointsAwards {
  /** One award per order: creates it unless the order has one, and returns the stored one. */
  claim(award: PointsAwardRecord): Promise<{ award: PointsAwardRecord; created: boolean }>;
  get(orderId: string): Promise<PointsAwardRecord | undefined>;
  /** Changes a pending award (a new transaction id, an attempt counted, its final state). */
  update(
    orderId: string,
    patch: Partial<Pick<PointsAwardRecord, "transactionId" | "state" | "attempts" | "note" | "email">>,
  ): Promise<PointsAwardRecord | undefined>;
  /** Pending awards, oldest first. */
  pending(): Promise<PointsAwardRecord[]>;
  /** Newest first. */
  byUser(userId: number, limit?: number): Promise<PointsAwardRecord[]>;
}

/** Which resellers looked up a licence key, so news about the key reaches them. */
export interface LicenceLinks {
  link(licenceKey: string, userId: number): Promise<void>;
  users(licenceKey: string): Promise<number[]>;
}

/** Verified webhooks that arrived before their order's provider id: kept until it does. */
export interface UnmatchedEvents {
  keep(event: WebhookEvent): Promise<void>;
  /** Removes and returns the events for this provider order (each is taken by one caller only). */
  take(provider: ProviderId, providerOrderId: string): Promise<WebhookEvent[]>;
}

export type SavedCustomerKind = "player" | "email";

/** A customer a reseller bought for lately: a player id (with its zone) or an e-mail. */
export interface SavedCustomer {
  id: number;
  userId: number;
  kind: SavedCustomerKind;
  /** The player id or the e-mail. */
  value: string;
  zone?: string;
  /** What the provider reported for the player, when it did. */
  nickname?: string;
  usedAt: number;
}

export interface SavedCustomers {
  /**
   * Records a use: inserts the customer or moves it to the front (a nickname given replaces the
   * one kept; none given keeps it), then keeps only the newest `keep` of the user's `kind`.
   */
  remember(c: Omit<SavedCustomer, "id">, keep: number): Promise<void>;
  /** Sets the nickname of a saved player (no-op when that player is not saved). */
  setNickname(userId: number, playerId: string, zone: string | undefined, nickname: string): Promise<void>;
  /** Newest first. */
  list(userId: number, kind: SavedCustomerKind, limit: number): Promise<SavedCustomer[]>;
  /** Removes one of the user's own saved customers; false when it was not theirs or is gone. */
  forget(userId: number, id: number): Promise<boolean>;
}

/** Resellers' low-balance alert levels, per wallet currency, in minor units. */
export interface LowBalanceThresholds {
  set(userId: number, currency: string, threshold: number): Promise<void>;
  /** Removes one currency's level, or every level of the user; returns how many were removed. */
  clear(userId: number, currency?: string): Promise<number>;
  get(userId: number, currency: string): Promise<number | undefined>;
  byUser(userId: number): Promise<Record<string, number>>;
}

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
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The records and the ephemeral key-value side (Redis, or memory), as the app uses them. */
export interface Store extends Records {
  kv: Kv;
}
