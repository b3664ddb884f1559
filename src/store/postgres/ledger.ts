import { randomUUID } from "node:crypto";
import { must } from "../../lib/must.js";
import type { Ledger, LedgerEntry, LedgerInput, LedgerResult, OrderDebitResult, OrderState, PromoTakeRefusal } from "../types.js";
import { inTransaction, isUniqueViolation, parseBigint, type Pool, type PoolClient } from "./pool.js";
import { takePromoUse } from "./promos.js";

/** Rolls a debit's transaction back for its promo: the use was refused, or (no refusal) the funds were short. */
class PromoRefused extends Error {
  constructor(readonly refusal: PromoTakeRefusal | undefined) {
    super(`promo use refused: ${refusal ?? "insufficient"}`);
  }
}

interface Row {
  id: string;
  user_id: number;
  currency: string;
  amount: number;
  balance_after: number;
  type: LedgerEntry["type"];
  reason: string;
  actor: string;
  order_id: string | null;
  note: string | null;
  idempotency_key: string;
  created_at: Date;
}

const toEntry = (r: Row): LedgerEntry => ({
  id: r.id,
  userId: r.user_id,
  currency: r.currency,
  amount: r.amount,
  balanceAfter: r.balance_after,
  type: r.type,
  reason: r.reason,
  actor: r.actor,
  ...(r.order_id !== null && { orderId: r.order_id }),
  ...(r.note !== null && { note: r.note }),
  key: r.idempotency_key,
  at: r.created_at.getTime(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** JSON has no int8 or timestamp: an entry read through json_agg, checked back into a Row. */
const fromJson = (j: Omit<Row, "created_at"> & { created_at: string }): Row => {
  for (const n of [j.user_id, j.amount, j.balance_after])
    if (!Number.isSafeInteger(n)) throw new RangeError(`ledger value ${n} is beyond the exact range of a JavaScript number`);
  return { ...j, created_at: new Date(j.created_at) };
};

// Named: prepared once per connection, since every /balance runs it.
const WALLET = {
  name: "ledger-wallet",
  text: `SELECT
  (SELECT coalesce(json_agg(json_build_array(currency, balance::text) ORDER BY currency), '[]') FROM wallets WHERE user_id = $1) AS balances,
  (SELECT coalesce(json_agg(e ORDER BY e.seq DESC), '[]')
     FROM (SELECT * FROM ledger_entries WHERE user_id = $1 ORDER BY seq DESC LIMIT $2) e) AS entries`,
};

/**
 * The balance and its entry change in ONE statement: the UPDATE only matches while the result
 * stays at or above zero (PostgreSQL re-checks that condition on the latest row version when
 * another transaction changed it first), and the entry is inserted from what the UPDATE
 * returned. A unique violation on the idempotency key undoes both.
 */
const APPLY = `
WITH wallet AS (
  UPDATE wallets SET balance = balance + $4, updated_at = now()
  WHERE user_id = $2 AND currency = $3 AND balance + $4 >= 0
  RETURNING balance
)
INSERT INTO ledger_entries (id, user_id, currency, amount, balance_after, type, reason, actor, order_id, note, idempotency_key)
SELECT $1, $2, $3, $4, wallet.balance, $5, $6, $7, $8, $9, $10 FROM wallet
RETURNING *`;

/**
 * The entry in one statement on `db` (the pool, or a transaction's client); undefined when it
 * would overdraw. Exported for records that credit in their own transaction (transfer approvals).
 */
export async function insertEntry(db: Pool | PoolClient, input: LedgerInput): Promise<LedgerEntry | undefined> {
  if (input.amount > 0) {
    await db.query("INSERT INTO wallets (user_id, currency) VALUES ($1, $2) ON CONFLICT DO NOTHING", [input.userId, input.currency]);
  }
  const r = await db.query<Row>(APPLY, [
    randomUUID(),
    input.userId,
    input.currency,
    input.amount,
    input.type,
    input.reason,
    input.actor,
    input.orderId ?? null,
    input.note ?? null,
    input.key,
  ]);
  return r.rows[0] && toEntry(r.rows[0]);
}

export function postgresLedger(pool: Pool): Ledger {
  const byKey = async (key: string) => {
    const r = await pool.query<Row>("SELECT * FROM ledger_entries WHERE idempotency_key = $1", [key]);
    return r.rows[0] && toEntry(r.rows[0]);
  };
  const balanceOf = async (userId: number, currency: string) => {
    const r = await pool.query<{ balance: number }>("SELECT balance FROM wallets WHERE user_id = $1 AND currency = $2", [userId, currency]);
    return r.rows[0]?.balance ?? 0;
  };

  /** A racer applied the same key (or the order's one debit/refund) first: its entry, else the error again. */
  const firstOf = async (input: LedgerInput, err: unknown): Promise<LedgerResult> => {
    if (!isUniqueViolation(err)) throw err;
    const first = (await byKey(input.key)) ?? (input.orderId ? await orderEntry(input.orderId, input.type) : undefined);
    if (first) return { ok: true, entry: first, duplicate: true };
    throw err;
  };
  /** No wallet row matched: the debit would overdraw (or a racer took the same key meanwhile). */
  const refused = async (input: LedgerInput): Promise<LedgerResult> => {
    const raced = await byKey(input.key);
    if (raced) return { ok: true, entry: raced, duplicate: true };
    return { ok: false, reason: "insufficient", balance: await balanceOf(input.userId, input.currency) };
  };
  const checkAmount = (input: LedgerInput) => {
    if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw new RangeError("ledger amount must be a non-zero integer");
  };

  const insert = insertEntry;

  return {
    async apply(input: LedgerInput): Promise<LedgerResult> {
      checkAmount(input);
      // A retry of an applied entry is answered from the entry, even if the balance moved since.
      const seen = await byKey(input.key);
      if (seen) return { ok: true, entry: seen, duplicate: true };
      let entry: LedgerEntry | undefined;
      try {
        entry = await insert(pool, input);
      } catch (err) {
        return firstOf(input, err);
      }
      return entry ? { ok: true, entry, duplicate: false } : refused(input);
    },

    async debitOrder(input): Promise<OrderDebitResult> {
      checkAmount(input);
      const seen = await byKey(input.key);
      if (seen) return { ok: true, entry: seen, duplicate: true };
      let outcome: { state: OrderState | undefined; entry?: LedgerEntry };
      const { promo, ...entryInput } = input;
      try {
        // The order's row lock is what the sweep's verdict (orders.failUncharged) takes too.
        outcome = await inTransaction(pool, async (db) => {
          const o = await db.query<{ state: OrderState }>("SELECT state FROM orders WHERE id = $1 FOR UPDATE", [input.orderId]);
          const state = o.rows[0]?.state;
          if (state !== "pending") return { state };
          // The promo's use and the debit commit together or not at all (SPEC §7).
          if (promo) {
            const refusal = await takePromoUse(db, promo, input.userId, input.orderId);
            if (refusal) throw new PromoRefused(refusal);
          }
          const entry = await insert(db, entryInput);
          if (!entry && promo) throw new PromoRefused(undefined); // no funds: the use is rolled back
          return { state, entry };
        });
      } catch (err) {
        if (err instanceof PromoRefused) {
          return err.refusal ? { ok: false, reason: "promo", refusal: err.refusal } : refused(input);
        }
        return firstOf(input, err);
      }
      if (outcome.state !== "pending") return { ok: false, reason: "not_pending", state: outcome.state };
      return outcome.entry ? { ok: true, entry: outcome.entry, duplicate: false } : refused(input);
    },

    entryByKey: byKey,

    async balances(userId) {
      const r = await pool.query<{ currency: string; balance: number }>(
        "SELECT currency, balance FROM wallets WHERE user_id = $1 ORDER BY currency",
        [userId],
      );
      return Object.fromEntries(r.rows.map((w) => [w.currency, w.balance]));
    },

    async entries(userId, opts = {}) {
      // Entry ids are UUIDs: anything else names no entry (and would be a type error in SQL).
      if (opts.before !== undefined && !UUID.test(opts.before)) return [];
      const r = await pool.query<Row>(
        `SELECT * FROM ledger_entries WHERE user_id = $1
           AND ($4::uuid IS NULL OR seq < (SELECT seq FROM ledger_entries WHERE id = $4 AND user_id = $1))
         ORDER BY seq DESC OFFSET $2 LIMIT $3`,
        [userId, opts.offset ?? 0, opts.limit ?? 10, opts.before ?? null],
      );
      return r.rows.map(toEntry);
    },

    async wallet(userId, recent) {
      const r = await pool.query<{ balances: [string, string][]; entries: (Omit<Row, "created_at"> & { created_at: string })[] }>({
        ...WALLET,
        values: [userId, recent],
      });
      const { balances, entries } = must(r.rows[0], "the wallet query answers one row");
      return {
        balances: Object.fromEntries(balances.map(([currency, balance]) => [currency, parseBigint(balance)])),
        entries: entries.map((e) => toEntry(fromJson(e))),
      };
    },

    async totals() {
      const r = await pool.query<{ k: string; sum: number }>(
        "SELECT currency || ':' || type AS k, sum(amount)::bigint AS sum FROM ledger_entries GROUP BY currency, type",
      );
      return Object.fromEntries(r.rows.map((t) => [t.k, t.sum]));
    },
  };

  async function orderEntry(orderId: string, type: LedgerEntry["type"]) {
    if (type !== "debit" && type !== "refund") return undefined;
    const r = await pool.query<Row>("SELECT * FROM ledger_entries WHERE order_id = $1 AND type = $2", [orderId, type]);
    return r.rows[0] && toEntry(r.rows[0]);
  }
}
