/** The ledger entry: one signed movement of a reseller's wallet balance. */
import type { OrderState } from "./orders.js";
import type { PromoClaim, PromoTakeRefusal } from "./promos.js";

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
export type OrderDebitResult =
  | LedgerResult
  | { ok: false; reason: "not_pending"; state: OrderState | undefined }
  /** The promo code's use could not be taken: nothing was debited. */
  | { ok: false; reason: "promo"; refusal: PromoTakeRefusal };

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
   * With `promo`, the code's use is taken in the same transaction (SPEC §7): both or neither.
   */
  debitOrder(input: LedgerInput & { orderId: string; promo?: PromoClaim }): Promise<OrderDebitResult>;
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
