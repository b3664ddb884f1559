import type { Logger } from "../observability/logger.js";
import type { Ledger, LedgerEntry, OrderDebitResult, Transfers } from "../store/types.js";

/** Told of every ledger entry that was applied (never of a duplicate answered from the first). */
export type LedgerListener = (entry: LedgerEntry) => Promise<void>;

/**
 * The ledger with listeners on it: every path that moves money (purchases, refunds, admin
 * adjustments, deposits, and whatever places orders tomorrow) goes through `apply`, so this is
 * the one place that sees them all. The entry is committed before a listener runs, so a
 * listener's failure is logged and never turns a done debit into an error for its caller.
 */
export function watchLedger(ledger: Ledger, listeners: readonly LedgerListener[], logger: Logger): Ledger {
  async function told<R extends OrderDebitResult>(result: R): Promise<R> {
    if (result.ok && !result.duplicate) {
      for (const listen of listeners) {
        await listen(result.entry).catch((err: unknown) => logger.error({ err, entryId: result.entry.id }, "ledger listener failed"));
      }
    }
    return result;
  }
  return {
    ...ledger,
    apply: async (input) => told(await ledger.apply(input)),
    debitOrder: async (input) => told(await ledger.debitOrder(input)),
  };
}

/**
 * Transfer approvals write their credit inside the approval's own transaction (the store's
 * `approve`), not through `apply`: the same listeners hear of those entries here.
 */
export function watchTransfers(transfers: Transfers, listeners: readonly LedgerListener[], logger: Logger): Transfers {
  return {
    ...transfers,
    async approve(id, by, credit) {
      const r = await transfers.approve(id, by, credit);
      if (r.kind === "approved") {
        for (const listen of listeners) {
          await listen(r.entry).catch((err: unknown) => logger.error({ err, entryId: r.entry.id }, "ledger listener failed"));
        }
      }
      return r;
    },
  };
}
