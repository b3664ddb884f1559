import type { DepositRecord, LedgerEntry, OrderRecord, PromoRecord, PromoUse, UserRecord } from "../types.js";

/** Records are copied in and out so callers cannot mutate stored state. */
export const copy = <T>(v: T): T => structuredClone(v);

/**
 * The state more than one record type reads, as PostgreSQL's tables are shared by its queries:
 * the ledger reads orders (a debit only while the order is pending), orders read the ledger (no
 * failing a charged order), and the reports read users, orders, the ledger and deposits. State
 * only one record type reads stays inside that record type.
 */
export interface MemoryTables {
  users: Map<number, UserRecord>;
  orders: Map<string, OrderRecord>;
  /** Balances, keyed by `${userId}:${currency}`. */
  wallets: Map<string, number>;
  /** Each user's ledger entries, oldest first. */
  entries: Map<number, LedgerEntry[]>;
  deposits: Map<string, DepositRecord>;
  /** Promo codes by code, and their uses by order id: an order's debit takes a use (SPEC §7). */
  promos: Map<string, PromoRecord>;
  promoUses: Map<string, PromoUse>;
}

export function memoryTables(): MemoryTables {
  return {
    users: new Map(),
    orders: new Map(),
    wallets: new Map(),
    entries: new Map(),
    deposits: new Map(),
    promos: new Map(),
    promoUses: new Map(),
  };
}

export const allEntries = (t: Pick<MemoryTables, "entries">): LedgerEntry[] => [...t.entries.values()].flat();

/** An order is charged at most once and refunded at most once, as PostgreSQL's unique indexes say. */
export const orderEntry = (t: Pick<MemoryTables, "entries">, orderId: string | undefined, type: LedgerEntry["type"]) =>
  orderId && (type === "debit" || type === "refund") ? allEntries(t).find((e) => e.orderId === orderId && e.type === type) : undefined;
