import type { Money, ProviderId } from "../providers/types.js";

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
  /** The entry applied under an idempotency key, if any. */
  entryByKey(key: string): Promise<LedgerEntry | undefined>;
  balances(userId: number): Promise<Record<string, number>>;
  /** Newest first. */
  entries(userId: number, opts?: { offset?: number; limit?: number }): Promise<LedgerEntry[]>;
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
  /** Patch without changing the state (e.g. refundedAt, nickname). */
  patch(id: string, patch: Partial<Omit<OrderRecord, "id" | "state" | "history">>): Promise<OrderRecord | undefined>;
  /** Newest first. */
  byUser(userId: number, opts?: { offset?: number; limit?: number }): Promise<OrderRecord[]>;
  countByUser(userId: number): Promise<number>;
  /** Ids of orders currently in a state (kept for pending/processing/unknown). */
  idsInState(state: OrderState): Promise<string[]>;
  /** Orders created since a time, oldest first (stats). */
  since(at: number): Promise<OrderRecord[]>;
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

/** Small key-value needs: caches, drafts, settings, dedupe markers, locks. */
export interface Kv {
  getJson<T>(key: string): Promise<T | undefined>;
  setJson(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Sets only when absent; true when this call set it (dedupe, locks). */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  del(key: string): Promise<void>;
  /** Atomically adds to a counter field of a hash-like record; returns the new value. */
  incr(key: string, field: string, by?: number): Promise<number>;
  counters(key: string): Promise<Record<string, number>>;
}

export interface Store {
  kind: "redis" | "memory";
  users: Users;
  ledger: Ledger;
  orders: Orders;
  audit: AuditLog;
  kv: Kv;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
