import type { SavedCustomer, SavedCustomers } from "../types.js";
import type { Pool } from "./pool.js";

interface Row {
  id: number;
  user_id: number;
  kind: SavedCustomer["kind"];
  value: string;
  zone: string;
  nickname: string | null;
  used_at: Date;
}

const toCustomer = (r: Row): SavedCustomer => ({
  id: r.id,
  userId: r.user_id,
  kind: r.kind,
  value: r.value,
  ...(r.zone !== "" && { zone: r.zone }),
  ...(r.nickname !== null && { nickname: r.nickname }),
  usedAt: r.used_at.getTime(),
});

export function postgresCustomers(pool: Pool): SavedCustomers {
  return {
    async remember(c, keep) {
      // GREATEST: a late recording of an older use never pushes a newer one down.
      await pool.query(
        `INSERT INTO saved_customers (user_id, kind, value, zone, nickname, used_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id, kind, value, zone) DO UPDATE
         SET used_at = GREATEST(saved_customers.used_at, EXCLUDED.used_at), nickname = COALESCE(EXCLUDED.nickname, saved_customers.nickname)`,
        [c.userId, c.kind, c.value, c.zone ?? "", c.nickname ?? null, new Date(c.usedAt)],
      );
      await pool.query(
        `DELETE FROM saved_customers WHERE id IN (
           SELECT id FROM saved_customers WHERE user_id = $1 AND kind = $2 ORDER BY used_at DESC, id DESC OFFSET $3)`,
        [c.userId, c.kind, keep],
      );
    },
    async setNickname(userId, playerId, zone, nickname) {
      await pool.query("UPDATE saved_customers SET nickname = $4 WHERE user_id = $1 AND kind = 'player' AND value = $2 AND zone = $3", [
        userId,
        playerId,
        zone ?? "",
        nickname,
      ]);
    },
    async list(userId, kind, limit) {
      const r = await pool.query<Row>(
        "SELECT * FROM saved_customers WHERE user_id = $1 AND kind = $2 ORDER BY used_at DESC, id DESC LIMIT $3",
        [userId, kind, limit],
      );
      return r.rows.map(toCustomer);
    },
    async forget(userId, id) {
      const r = await pool.query("DELETE FROM saved_customers WHERE id = $1 AND user_id = $2", [id, userId]);
      return (r.rowCount ?? 0) > 0;
    },
  };
}
