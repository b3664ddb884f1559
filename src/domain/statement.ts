import type { Ledger, LedgerEntry } from "../store/types.js";

export interface StatementLimits {
  /** Entries read per query. */
  page: number;
  /** Most entries in one statement: the newest ones. */
  max: number;
}

/** About 100 bytes a line: 200,000 lines stay well under Telegram's 50 MB for a document. */
export const STATEMENT_LIMITS: StatementLimits = { page: 5_000, max: 200_000 };

/**
 * A reseller's ledger for a statement, newest page first, handed over a page at a time so a long
 * history never sits in memory as entry objects. Pages are keyed on the last entry read, so an
 * entry written meanwhile neither repeats nor shifts a line. Says whether older entries were left out.
 */
export async function readStatement(
  ledger: Pick<Ledger, "entries">,
  userId: number,
  onPage: (entries: LedgerEntry[]) => void,
  limits: StatementLimits = STATEMENT_LIMITS,
): Promise<{ truncated: boolean }> {
  let read = 0;
  let before: string | undefined;
  while (read < limits.max) {
    const page = await ledger.entries(userId, { limit: Math.min(limits.page, limits.max - read), before });
    const last = page.at(-1);
    if (last === undefined) return { truncated: false };
    onPage(page);
    read += page.length;
    before = last.id;
  }
  return { truncated: (await ledger.entries(userId, { limit: 1, before })).length > 0 };
}
