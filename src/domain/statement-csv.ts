import { csvField } from "../lib/csv.js";
import type { Ledger, LedgerEntry } from "../store/types.js";
import { readStatement, type StatementLimits } from "./statement.js";

const csvRow = (e: LedgerEntry) =>
  [new Date(e.at).toISOString(), e.type, e.amount, e.currency, e.balanceAfter, e.orderId ?? "", e.reason].map(csvField).join(",");

/** The statement as CSV under the reader's header, oldest entry first; read a page at a time (see readStatement). */
export async function statementCsv(
  ledger: Pick<Ledger, "entries">,
  userId: number,
  header: string,
  limits?: StatementLimits,
): Promise<{ csv: string; truncated: boolean }> {
  const newestFirst: string[] = [];
  const { truncated } = await readStatement(
    ledger,
    userId,
    (page) => {
      for (const e of page) newestFirst.push(csvRow(e));
    },
    limits,
  );
  return { csv: `${[header, ...newestFirst.reverse()].join("\n")}\n`, truncated };
}
