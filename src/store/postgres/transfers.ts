import type { ApproveResult, MoneyTotal, Payee, TransferDeposit, Transfers } from "../types.js";
import { insertEntry } from "./ledger.js";
import { inTransaction, type Pool } from "./pool.js";

interface PayeeRow {
  id: number;
  currency: string;
  label: string;
  details: string;
  created_by: number;
  created_at: Date;
}

interface Row {
  id: string;
  user_id: number;
  amount: number;
  currency: string;
  state: TransferDeposit["state"];
  file_id: string;
  file_unique_id: string;
  file_kind: "photo" | "document";
  duplicate_of: string | null;
  claimed_amount: number | null;
  reviewed_by: number | null;
  reviewed_at: Date | null;
  reason: string | null;
  created_at: Date;
  updated_at: Date;
  raised_at: Date | null;
}

const toPayee = (r: PayeeRow): Payee => ({
  id: r.id,
  currency: r.currency,
  label: r.label,
  details: r.details,
  createdBy: r.created_by,
  createdAt: r.created_at.getTime(),
});

const toDeposit = (r: Row): TransferDeposit => ({
  id: r.id,
  userId: r.user_id,
  amount: r.amount,
  currency: r.currency,
  state: r.state,
  slip: { fileId: r.file_id, fileUniqueId: r.file_unique_id, kind: r.file_kind },
  ...(r.duplicate_of !== null && { duplicateOf: r.duplicate_of }),
  ...(r.claimed_amount !== null && { claimedAmount: r.claimed_amount }),
  ...(r.reviewed_by !== null && { reviewedBy: r.reviewed_by }),
  ...(r.reviewed_at !== null && { reviewedAt: r.reviewed_at.getTime() }),
  ...(r.reason !== null && { reason: r.reason }),
  createdAt: r.created_at.getTime(),
  updatedAt: r.updated_at.getTime(),
  ...(r.raised_at !== null && { raisedAt: r.raised_at.getTime() }),
});

export function postgresTransfers(pool: Pool): Transfers {
  const one = async (sql: string, params: unknown[]) => {
    const r = await pool.query<Row>(sql, params);
    return r.rows[0] && toDeposit(r.rows[0]);
  };
  const get = (id: string) => one("SELECT * FROM transfer_deposits WHERE id = $1", [id]);

  return {
    async addPayee(p) {
      const r = await pool.query<PayeeRow>(
        "INSERT INTO payees (currency, label, details, created_by) VALUES ($1, $2, $3, $4) RETURNING *",
        [p.currency, p.label, p.details, p.createdBy],
      );
      return toPayee(r.rows[0] as PayeeRow);
    },
    async payees(currency) {
      const r = await pool.query<PayeeRow>(
        "SELECT * FROM payees WHERE removed_at IS NULL AND ($1::text IS NULL OR currency = $1) ORDER BY id",
        [currency ?? null],
      );
      return r.rows.map(toPayee);
    },
    async removePayee(id) {
      const r = await pool.query("UPDATE payees SET removed_at = now() WHERE id = $1 AND removed_at IS NULL", [id]);
      return (r.rowCount ?? 0) > 0;
    },

    async create(d) {
      const r = await pool.query(
        `INSERT INTO transfer_deposits (id, user_id, amount, currency, state, file_id, file_unique_id, file_kind, duplicate_of, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) ON CONFLICT (id) DO NOTHING`,
        [
          d.id,
          d.userId,
          d.amount,
          d.currency,
          d.state,
          d.slip.fileId,
          d.slip.fileUniqueId,
          d.slip.kind,
          d.duplicateOf ?? null,
          new Date(d.createdAt),
        ],
      );
      return (r.rowCount ?? 0) > 0;
    },
    get,
    async openCount(userId) {
      const r = await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM transfer_deposits WHERE user_id = $1 AND state = 'submitted'",
        [userId],
      );
      return r.rows[0]?.n ?? 0;
    },
    firstWithSlip: (fileUniqueId, exceptId) =>
      one("SELECT * FROM transfer_deposits WHERE file_unique_id = $1 AND id <> $2 ORDER BY created_at, id LIMIT 1", [
        fileUniqueId,
        exceptId,
      ]),
    changeAmount: (id, amount) =>
      one(
        `UPDATE transfer_deposits SET claimed_amount = coalesce(claimed_amount, amount), amount = $2, updated_at = clock_timestamp()
         WHERE id = $1 AND state = 'submitted' RETURNING *`,
        [id, amount],
      ),
    async approve(id, by, credit): Promise<ApproveResult> {
      // One transaction: the row leaves 'submitted' only for the caller whose UPDATE matched
      // (a racer waits on the row lock, then sees it decided and matches nothing), and the
      // credit is written with it or not at all.
      const out = await inTransaction(pool, async (db) => {
        const moved = await db.query<Row>(
          `UPDATE transfer_deposits SET state = 'approved', reviewed_by = $2, reviewed_at = clock_timestamp(), updated_at = clock_timestamp()
           WHERE id = $1 AND state = 'submitted' RETURNING *`,
          [id, by],
        );
        const row = moved.rows[0];
        if (!row) return undefined;
        const deposit = toDeposit(row);
        const entry = await insertEntry(db, {
          ...credit,
          type: "credit",
          amount: deposit.amount,
          currency: deposit.currency,
          userId: deposit.userId,
        });
        if (!entry) throw new Error("a credit can never be refused for funds");
        return { deposit, entry };
      });
      return out ? { kind: "approved", ...out } : { kind: "decided", deposit: await get(id) };
    },
    reject: (id, by, reason) =>
      one(
        `UPDATE transfer_deposits SET state = 'rejected', reviewed_by = $2, reviewed_at = clock_timestamp(), reason = $3, updated_at = clock_timestamp()
         WHERE id = $1 AND state = 'submitted' RETURNING *`,
        [id, by, reason],
      ),
    async addCard(depositId, card) {
      await pool.query("INSERT INTO transfer_deposit_cards (deposit_id, chat_id, message_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [
        depositId,
        card.chatId,
        card.messageId,
      ]);
    },
    async cards(depositId) {
      const r = await pool.query<{ chat_id: number; message_id: number }>(
        "SELECT chat_id, message_id FROM transfer_deposit_cards WHERE deposit_id = $1 ORDER BY posted_at, chat_id",
        [depositId],
      );
      return r.rows.map((c) => ({ chatId: c.chat_id, messageId: c.message_id }));
    },
    async unreviewedSince(before) {
      const r = await pool.query<Row>(
        "SELECT * FROM transfer_deposits WHERE state = 'submitted' AND coalesce(raised_at, created_at) < $1 ORDER BY created_at",
        [new Date(before)],
      );
      return r.rows.map(toDeposit);
    },
    async markRaised(id, seen, at) {
      const r = await pool.query(
        `UPDATE transfer_deposits SET raised_at = $3 WHERE id = $1 AND state = 'submitted'
           AND raised_at IS NOT DISTINCT FROM $2::timestamptz`,
        [id, seen === undefined ? null : new Date(seen), new Date(at)],
      );
      return (r.rowCount ?? 0) > 0;
    },
    async approvedTotals(since, until) {
      const r = await pool.query<MoneyTotal>(
        `SELECT currency, count(*)::int AS count, sum(amount)::bigint AS sum FROM transfer_deposits
         WHERE state = 'approved' AND reviewed_at >= $1 AND reviewed_at < $2 GROUP BY currency ORDER BY currency`,
        [new Date(since), new Date(until)],
      );
      return r.rows;
    },
  };
}
