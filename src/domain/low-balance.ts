import type { LedgerEntry, LowBalanceThresholds } from "../store/types.js";
import { money, type Notifier } from "./notifications.js";

/**
 * A reseller's low-balance alert: one message when an entry takes a wallet from at or above its
 * level to below it. The ledger applies a wallet's entries one after another (a row lock in
 * PostgreSQL), so each entry's balance before it is exact and exactly one entry makes each
 * crossing: that entry is the crossing's marker (its id keys the message). Further debits below
 * the level cross nothing; a credit back to the level or above re-arms it.
 */
export function createLowBalance(deps: { thresholds: LowBalanceThresholds; notifier: Notifier }) {
  const { thresholds } = deps;
  return {
    async onEntry(entry: LedgerEntry): Promise<void> {
      if (entry.amount >= 0) return;
      const level = await thresholds.get(entry.userId, entry.currency);
      if (level === undefined) return;
      const before = entry.balanceAfter - entry.amount;
      if (!(before >= level && entry.balanceAfter < level)) return;
      await deps.notifier.notifyUser({
        userId: entry.userId,
        key: "lowbal-alert",
        args: { balance: money(entry.balanceAfter, entry.currency), level: money(level, entry.currency) },
        dedupeKey: `lowbal:${entry.userId}:${entry.currency}:${entry.id}`,
      });
    },
    set: (userId: number, currency: string, level: number) => thresholds.set(userId, currency, level),
    clear: (userId: number, currency?: string) => thresholds.clear(userId, currency),
    levels: (userId: number) => thresholds.byUser(userId),
  };
}

export type LowBalance = ReturnType<typeof createLowBalance>;
