/**
 * `npm run ledger:check`: reads DATABASE_URL and prints every difference between what the
 * ledger says and what the wallets and orders say; none is expected. Exit code 1 when any.
 */
import { createLogger } from "../src/observability/logger.js";
import { createPool, postgresRecords } from "../src/store/postgres/index.js";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
const records = postgresRecords(createPool(url, createLogger({ level: "silent" }), 1));
try {
  const diffs = await records.reports.ledgerCheck();
  for (const d of diffs) {
    console.log(`${d.kind}\tuser ${d.userId}\t${d.currency}\t${d.orderId ?? "-"}\texpected ${d.expected}\tactual ${d.actual}`);
  }
  console.log(diffs.length === 0 ? "ledger check: clean" : `ledger check: ${diffs.length} difference(s)`);
  if (diffs.length > 0) process.exitCode = 1;
} finally {
  await records.close();
}
