import { must } from "../../lib/must.js";
import type { PointsAwardRecord, PointsAwards } from "../types.js";
import type { Pool } from "./pool.js";

interface Row {
  order_id: string;
  user_id: number;
  email: string;
  points: number;
  transaction_id: string;
  state: PointsAwardRecord["state"];
  attempts: number;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

const toAward = (r: Row): PointsAwardRecord => ({
  orderId: r.order_id,
  userId: r.user_id,
  email: r.email,
  points: r.points,
  transactionId: r.transaction_id,
  state: r.state,
  attempts: r.attempts,
  ...(r.note !== null && { note: r.note }),
  createdAt: r.created_at.getTime(),
  updatedAt: r.updated_at.getTime(),
});

const COLUMNS = { transactionId: "transaction_id", state: "state", attempts: "attempts", note: "note", email: "email" } as const;

export function postgresAwards(pool: Pool): PointsAwards {
  const one = async (sql: string, params: unknown[]) => {
    const r = await pool.query<Row>(sql, params);
    return r.rows[0] && toAward(r.rows[0]);
  };
  return {
    async claim(a) {
      const created = await one(
        `INSERT INTO points_awards (order_id, user_id, email, points, transaction_id, state, attempts, note, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (order_id) DO NOTHING RETURNING *`,
        [
          a.orderId,
          a.userId,
          a.email,
          a.points,
          a.transactionId,
          a.state,
          a.attempts,
          a.note ?? null,
          new Date(a.createdAt),
          new Date(a.updatedAt),
        ],
      );
      if (created) return { award: created, created: true };
      const existing = await one("SELECT * FROM points_awards WHERE order_id = $1", [a.orderId]);
      return { award: must(existing, "the award the insert conflicted with exists"), created: false };
    },
    get: (orderId) => one("SELECT * FROM points_awards WHERE order_id = $1", [orderId]),
    // Only a pending award changes: a finished one is never reopened by a late retry.
    update(orderId, patch) {
      const params: unknown[] = [orderId];
      const sets = Object.entries(patch)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => {
          params.push(v);
          return `${COLUMNS[k as keyof typeof COLUMNS]} = $${params.length}`;
        });
      return one(
        `UPDATE points_awards SET ${[...sets, "updated_at = clock_timestamp()"].join(", ")} WHERE order_id = $1 AND state = 'pending' RETURNING *`,
        params,
      );
    },
    async pending() {
      return (await pool.query<Row>("SELECT * FROM points_awards WHERE state = 'pending' ORDER BY created_at")).rows.map(toAward);
    },
    async byUser(userId, limit = 10) {
      return (
        await pool.query<Row>("SELECT * FROM points_awards WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2", [userId, limit])
      ).rows.map(toAward);
    },
  };
}
