import type { LowBalanceThresholds } from "../types.js";
import type { Pool } from "./pool.js";

export function postgresLowBalance(pool: Pool): LowBalanceThresholds {
  return {
    async set(userId, currency, threshold) {
      await pool.query(
        `INSERT INTO low_balance_thresholds (user_id, currency, threshold) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, currency) DO UPDATE SET threshold = EXCLUDED.threshold, updated_at = now()`,
        [userId, currency, threshold],
      );
    },
    async clear(userId, currency) {
      const r =
        currency === undefined
          ? await pool.query("DELETE FROM low_balance_thresholds WHERE user_id = $1", [userId])
          : await pool.query("DELETE FROM low_balance_thresholds WHERE user_id = $1 AND currency = $2", [userId, currency]);
      return r.rowCount ?? 0;
    },
    async get(userId, currency) {
      const r = await pool.query<{ threshold: number }>(
        "SELECT threshold FROM low_balance_thresholds WHERE user_id = $1 AND currency = $2",
        [userId, currency],
      );
      return r.rows[0]?.threshold;
    },
    async byUser(userId) {
      const r = await pool.query<{ currency: string; threshold: number }>(
        "SELECT currency, threshold FROM low_balance_thresholds WHERE user_id = $1 ORDER BY currency",
        [userId],
      );
      return Object.fromEntries(r.rows.map((t) => [t.currency, t.threshold]));
    },
  };
}
