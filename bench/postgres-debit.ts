/**
 * The PostgreSQL half of the ledger benchmark: the store's one-statement debit (the guarded
 * UPDATE and the entry INSERT in one CTE) against the textbook baseline, a transaction that
 * locks the wallet with SELECT … FOR UPDATE, checks the balance in code, then updates and inserts.
 */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { createLogger } from "../src/observability/logger.js";
import { createPool, migrate, postgresRecords } from "../src/store/postgres/index.js";

async function baselineDebit(pool: pg.Pool, userId: number, amount: number): Promise<boolean> {
  const c = await pool.connect();
  try {
    await c.query("BEGIN");
    const w = await c.query<{ balance: number }>("SELECT balance FROM wallets WHERE user_id = $1 AND currency = 'IDR' FOR UPDATE", [
      userId,
    ]);
    const balance = w.rows[0]?.balance ?? 0;
    if (balance < amount) {
      await c.query("ROLLBACK");
      return false;
    }
    await c.query("UPDATE wallets SET balance = balance - $2 WHERE user_id = $1 AND currency = 'IDR'", [userId, amount]);
    await c.query(
      `INSERT INTO ledger_entries (id, user_id, currency, amount, balance_after, type, reason, actor, order_id, idempotency_key)
       VALUES ($1, $2, 'IDR', $3, $4, 'debit', 'bench', 'bench', $5, $6)`,
      [randomUUID(), userId, -amount, balance - amount, randomUUID(), randomUUID()],
    );
    await c.query("COMMIT");
    return true;
  } catch (err) {
    await c.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    c.release();
  }
}

/** Times `debits` concurrent debits of 1 on one wallet over `clients` connections, per variant. */
export async function benchPostgres(adminUrl: string, opts: { rounds: number; debits: number; clients: number }) {
  const name = `rb_bench_${process.pid}`;
  const admin = new pg.Client(adminUrl);
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = createPool(url.toString(), createLogger({ level: "silent" }), opts.clients);
  try {
    await migrate(pool);
    const ledger = postgresRecords(pool).ledger;
    const results: { statement: number; baseline: number }[] = [];
    for (let round = 0; round < opts.rounds; round++) {
      const a = 1000 + round * 2;
      const b = a + 1;
      for (const userId of [a, b]) {
        await ledger.apply({
          userId,
          currency: "IDR",
          amount: opts.debits,
          type: "credit",
          reason: "seed",
          actor: "bench",
          key: randomUUID(),
        });
      }
      const statement = await timeIt(() =>
        Promise.all(
          Array.from({ length: opts.debits }, () =>
            ledger.apply({
              userId: a,
              currency: "IDR",
              amount: -1,
              type: "debit",
              reason: "bench",
              actor: "bench",
              orderId: randomUUID(),
              key: randomUUID(),
            }),
          ),
        ),
      );
      const baseline = await timeIt(() => Promise.all(Array.from({ length: opts.debits }, () => baselineDebit(pool, b, 1))));
      const balances = await pool.query<{ balance: number }>("SELECT balance FROM wallets WHERE user_id = ANY($1) ORDER BY user_id", [
        [a, b],
      ]);
      if (balances.rows.some((r) => r.balance !== 0)) throw new Error("a variant lost or doubled a debit");
      results.push({ statement, baseline });
    }
    return results;
  } finally {
    await pool.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

export async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}
