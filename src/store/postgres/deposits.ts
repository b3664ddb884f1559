import type { DepositRecord, Deposits } from "../types.js";
import type { Pool } from "./pool.js";

interface Row {
  id: string;
  user_id: number;
  amount: number;
  currency: string;
  bill_id: string | null;
  state: DepositRecord["state"];
  pay_url: string | null;
  instructions: string | null;
  expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
  settled_at: Date | null;
}

const toDeposit = (r: Row): DepositRecord => ({
  id: r.id,
  userId: r.user_id,
  amount: { amount: r.amount, currency: r.currency },
  ...(r.bill_id !== null && { billId: r.bill_id }),
  state: r.state,
  ...(r.pay_url !== null && { payUrl: r.pay_url }),
  ...(r.instructions !== null && { instructions: r.instructions }),
  ...(r.expires_at !== null && { expiresAt: r.expires_at.getTime() }),
  createdAt: r.created_at.getTime(),
  updatedAt: r.updated_at.getTime(),
  ...(r.settled_at !== null && { settledAt: r.settled_at.getTime() }),
});

const date = (ms: number | undefined) => (ms === undefined ? null : new Date(ms));

export function postgresDeposits(pool: Pool): Deposits {
  const one = async (sql: string, params: unknown[]) => {
    const r = await pool.query<Row>(sql, params);
    return r.rows[0] && toDeposit(r.rows[0]);
  };
  return {
    async create(d) {
      const r = await pool.query(
        `INSERT INTO deposits (id, user_id, amount, currency, bill_id, state, pay_url, instructions, expires_at, created_at, updated_at, settled_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING`,
        [
          d.id,
          d.userId,
          d.amount.amount,
          d.amount.currency,
          d.billId ?? null,
          d.state,
          d.payUrl ?? null,
          d.instructions ?? null,
          date(d.expiresAt),
          new Date(d.createdAt),
          new Date(d.updatedAt),
          date(d.settledAt),
        ],
      );
      return (r.rowCount ?? 0) > 0;
    },
    get: (id) => one("SELECT * FROM deposits WHERE id = $1", [id]),
    byBillId: (billId) => one("SELECT * FROM deposits WHERE bill_id = $1", [billId]),
    attachBill: (id, b) =>
      one(
        `UPDATE deposits SET bill_id = $2, pay_url = $3, instructions = $4, expires_at = $5, updated_at = clock_timestamp()
         WHERE id = $1 AND state = 'open' RETURNING *`,
        [id, b.billId, b.payUrl ?? null, b.instructions ?? null, date(b.expiresAt)],
      ),
    settle: (id, to) =>
      one(
        `UPDATE deposits SET state = $2, settled_at = clock_timestamp(), updated_at = clock_timestamp()
         WHERE id = $1 AND state = 'open' RETURNING *`,
        [id, to],
      ),
    async open() {
      return (await pool.query<Row>("SELECT * FROM deposits WHERE state = 'open' ORDER BY created_at")).rows.map(toDeposit);
    },
    async byUser(userId, opts = {}) {
      const r = await pool.query<Row>("SELECT * FROM deposits WHERE user_id = $1 ORDER BY created_at DESC OFFSET $2 LIMIT $3", [
        userId,
        opts.offset ?? 0,
        opts.limit ?? 10,
      ]);
      return r.rows.map(toDeposit);
    },
  };
}
