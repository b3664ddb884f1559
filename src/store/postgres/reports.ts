import type { UserStatus } from "../../domain/reseller-status.js";
import { NOT_SOLD_STATES, type DaySalesRow, type LedgerDifference, type MoneyTotal, type Reports, type SalesRow } from "../types.js";
import type { Pool } from "./pool.js";

export function postgresReports(pool: Pool): Reports {
  return {
    async resellersByStatus(excludeIds) {
      const r = await pool.query<{ status: UserStatus; n: number }>(
        "SELECT status, count(*)::int AS n FROM resellers WHERE NOT (id = ANY($1::bigint[])) GROUP BY status",
        [[...excludeIds]],
      );
      return Object.fromEntries(r.rows.map((row) => [row.status, row.n]));
    },

    async sales(since, until = Date.now() + 1) {
      const r = await pool.query<SalesRow>(
        `SELECT provider, price_currency AS currency, count(*)::int AS orders,
                sum(price)::bigint AS revenue, sum(price - cost)::bigint AS margin
         FROM orders
         WHERE created_at >= $1 AND created_at < $2 AND NOT (state = ANY($3::text[])) AND refunded_at IS NULL
         GROUP BY provider, price_currency ORDER BY provider, price_currency`,
        [new Date(since), new Date(until), [...NOT_SOLD_STATES]],
      );
      return r.rows;
    },

    async ledgerCheck() {
      const r = await pool.query<LedgerDifference>(`
        SELECT 'balance' AS kind, coalesce(w.user_id, s.user_id) AS "userId", coalesce(w.currency, s.currency) AS currency,
               NULL AS "orderId", coalesce(s.total, 0)::bigint AS expected, coalesce(w.balance, 0)::bigint AS actual
        FROM wallets w
        FULL JOIN (SELECT user_id, currency, sum(amount) AS total FROM ledger_entries GROUP BY user_id, currency) s
          ON s.user_id = w.user_id AND s.currency = w.currency
        WHERE coalesce(w.balance, 0) <> coalesce(s.total, 0)
        UNION ALL
        SELECT 'debits_per_order', min(user_id), min(currency), order_id, 1, count(*)
        FROM ledger_entries WHERE type = 'debit' GROUP BY order_id HAVING count(*) > 1
        UNION ALL
        SELECT 'refund_without_debit', r.user_id, r.currency, r.order_id, 0, r.amount
        FROM ledger_entries r
        WHERE r.type = 'refund' AND NOT EXISTS (SELECT 1 FROM ledger_entries d WHERE d.type = 'debit' AND d.order_id = r.order_id)
        UNION ALL
        SELECT 'refund_amount', r.user_id, r.currency, r.order_id, -d.amount, r.amount
        FROM ledger_entries r JOIN ledger_entries d ON d.type = 'debit' AND d.order_id = r.order_id
        WHERE r.type = 'refund' AND (r.amount <> -d.amount OR r.currency <> d.currency OR r.user_id <> d.user_id)
        ORDER BY 1, 2, 3`);
      return r.rows;
    },

    async refunds(since, until) {
      const r = await pool.query<MoneyTotal>(
        `SELECT currency, count(*)::int AS count, sum(amount)::bigint AS sum FROM ledger_entries
         WHERE type = 'refund' AND created_at >= $1 AND created_at < $2 GROUP BY currency ORDER BY currency`,
        [new Date(since), new Date(until)],
      );
      return r.rows;
    },

    async adminCredits(since, until) {
      const r = await pool.query<MoneyTotal>(
        `SELECT currency, count(*)::int AS count, sum(amount)::bigint AS sum FROM ledger_entries
         WHERE reason = 'admin_credit' AND created_at >= $1 AND created_at < $2 GROUP BY currency ORDER BY currency`,
        [new Date(since), new Date(until)],
      );
      return r.rows;
    },

    async depositsPaid(since, until) {
      const r = await pool.query<MoneyTotal>(
        `SELECT currency, count(*)::int AS count, sum(amount)::bigint AS sum FROM deposits
         WHERE state = 'paid' AND settled_at >= $1 AND settled_at < $2 GROUP BY currency ORDER BY currency`,
        [new Date(since), new Date(until)],
      );
      return r.rows;
    },

    async salesByDay(since, until, timeZone) {
      const r = await pool.query<DaySalesRow>(
        `SELECT to_char(created_at AT TIME ZONE $4, 'YYYY-MM-DD') AS day, price_currency AS currency,
                count(*)::int AS orders, sum(price)::bigint AS revenue
         FROM orders
         WHERE created_at >= $1 AND created_at < $2 AND NOT (state = ANY($3::text[])) AND refunded_at IS NULL
         GROUP BY 1, 2 ORDER BY 1, 2`,
        [new Date(since), new Date(until), [...NOT_SOLD_STATES], timeZone],
      );
      return r.rows;
    },
  };
}
