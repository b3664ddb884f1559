import type { Ledger, LedgerEntry } from "../store/types.js";
import type { AuditTrail } from "./audit.js";
import { money, type Notifier } from "./notifications.js";
import { statementCsv } from "./statement-csv.js";

export interface AdminAdjustment {
  adminId: number;
  userId: number;
  direction: "credit" | "debit";
  /** Positive, minor units. */
  amount: number;
  currency: string;
  note?: string;
  /** Idempotency key: one admin message is one ledger entry, however often it is delivered. */
  key: string;
  /**
   * The note line as the reseller will read it ("" without a note). Rendered by the caller,
   * which knows the reader's language; the domain only carries it into the notification.
   */
  noticeNote: string;
}

export type AdjustOutcome =
  | { kind: "applied"; entry: LedgerEntry }
  /** The same admin message was applied before; nothing changed. */
  | { kind: "duplicate"; entry: LedgerEntry }
  /** A debit larger than the balance: refused, the wallet is untouched. */
  | { kind: "insufficient"; balance: number };

/**
 * A reseller's wallets as the chat reads them (balances, the recent entries, the CSV statement),
 * and admin credits and debits: a ledger entry with the admin as actor, an audit entry, a notice.
 */
export function createWallets(deps: { ledger: Ledger; notifier: Notifier; audit: AuditTrail }) {
  return {
    /** Balances per currency and the newest entries: /balance in one read. */
    card: (userId: number, recent: number) => deps.ledger.wallet(userId, recent),
    balances: (userId: number) => deps.ledger.balances(userId),
    /** The whole statement as CSV under the reader's header line. */
    statementCsv: (userId: number, header: string) => statementCsv(deps.ledger, userId, header),

    async adjust(a: AdminAdjustment): Promise<AdjustOutcome> {
      const credit = a.direction === "credit";
      const r = await deps.ledger.apply({
        userId: a.userId,
        currency: a.currency,
        amount: credit ? a.amount : -a.amount,
        // A debit by an admin is a correction, not a purchase: "debit" entries are orders.
        type: credit ? "credit" : "adjustment",
        reason: credit ? "admin_credit" : "admin_debit",
        actor: `admin:${a.adminId}`,
        note: a.note,
        key: a.key,
      });
      if (!r.ok) return { kind: "insufficient", balance: r.balance };
      if (r.duplicate) return { kind: "duplicate", entry: r.entry };
      const { entry } = r;
      await deps.audit.record(a.adminId, a.direction, {
        target: String(a.userId),
        before: { balance: entry.balanceAfter - entry.amount, currency: a.currency },
        after: { balance: entry.balanceAfter, currency: a.currency },
        note: a.note,
      });
      await deps.notifier.notifyUser({
        userId: a.userId,
        key: credit ? "wallet-credited" : "wallet-debited",
        args: { amount: money(a.amount, a.currency), balance: money(entry.balanceAfter, a.currency), note: a.noticeNote },
        dedupeKey: `${a.key}:notice`,
      });
      return { kind: "applied", entry };
    },
  };
}

export type Wallets = ReturnType<typeof createWallets>;
