import type { Tier } from "../../domain/tiers.js";
import type { GrowthRecords } from "../types.js";
import { inTransaction, type Pool } from "./pool.js";

/** The states of a delivered order: what counts as a completed sale for commissions and tiers. */
const DELIVERED = ["completed", "shipped"];

const sums = (rows: { currency: string; sum: string | number }[]) => Object.fromEntries(rows.map((r) => [r.currency, Number(r.sum)]));

export function postgresGrowth(pool: Pool): GrowthRecords {
  return {
    async settings() {
      const [s, t] = await Promise.all([
        pool.query<{ referral_basis_points: number; referral_months: number }>(
          "SELECT referral_basis_points, referral_months FROM growth_settings",
        ),
        pool.query<{ currency: string; tier: Tier; amount: string }>("SELECT currency, tier, amount FROM tier_thresholds"),
      ]);
      const thresholds: Record<string, Partial<Record<Tier, number>>> = {};
      for (const r of t.rows) (thresholds[r.currency] ??= {})[r.tier] = Number(r.amount);
      return {
        referralBasisPoints: s.rows[0]?.referral_basis_points ?? 0,
        referralMonths: s.rows[0]?.referral_months ?? 12,
        thresholds,
      };
    },
    async setReferral(patch) {
      await pool.query(
        `UPDATE growth_settings SET referral_basis_points = coalesce($1, referral_basis_points),
                                    referral_months = coalesce($2, referral_months)`,
        [patch.basisPoints ?? null, patch.months ?? null],
      );
    },
    async setThresholds(currency, thresholds) {
      await inTransaction(pool, async (db) => {
        await db.query("DELETE FROM tier_thresholds WHERE currency = $1", [currency]);
        for (const [tier, amount] of Object.entries(thresholds)) {
          await db.query("INSERT INTO tier_thresholds (currency, tier, amount) VALUES ($1, $2, $3)", [currency, tier, amount]);
        }
      });
    },
    async bind(userId, referrerId, at) {
      if (userId === referrerId) return false;
      const r = await pool.query("INSERT INTO referrals (user_id, referrer_id, bound_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [
        userId,
        referrerId,
        new Date(at),
      ]);
      return (r.rowCount ?? 0) > 0;
    },
    async referrerOf(userId) {
      const r = await pool.query<{ referrer_id: string; bound_at: Date }>(
        "SELECT referrer_id, bound_at FROM referrals WHERE user_id = $1",
        [userId],
      );
      const row = r.rows[0];
      return row && { userId, referrerId: Number(row.referrer_id), boundAt: row.bound_at.getTime() };
    },
    async joined(referrerId) {
      const r = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM referrals WHERE referrer_id = $1", [referrerId]);
      return r.rows[0]?.n ?? 0;
    },
    async recordCommission(c) {
      await pool.query(
        `INSERT INTO referral_commissions (order_id, referrer_id, user_id, currency, amount, at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (order_id) DO NOTHING`,
        [c.orderId, c.referrerId, c.userId, c.currency, c.amount, new Date(c.at)],
      );
    },
    async commission(orderId) {
      const r = await pool.query<{
        referrer_id: string;
        user_id: string;
        currency: string;
        amount: string;
        at: Date;
        reversed: string;
        shortfall: string;
      }>("SELECT * FROM referral_commissions WHERE order_id = $1", [orderId]);
      const row = r.rows[0];
      return (
        row && {
          orderId,
          referrerId: Number(row.referrer_id),
          userId: Number(row.user_id),
          currency: row.currency,
          amount: Number(row.amount),
          at: row.at.getTime(),
          reversed: Number(row.reversed),
          shortfall: Number(row.shortfall),
        }
      );
    },
    async recordReversal(orderId, reversed, shortfall, at) {
      await pool.query(
        `UPDATE referral_commissions SET reversed = $2, shortfall = $3, reversed_at = $4
         WHERE order_id = $1 AND reversed_at IS NULL`,
        [orderId, reversed, shortfall, new Date(at)],
      );
    },
    async earned(referrerId, since) {
      const r = await pool.query<{ currency: string; sum: string }>(
        `SELECT currency, sum(amount - reversed) AS sum FROM referral_commissions
         WHERE referrer_id = $1 AND ($2::timestamptz IS NULL OR at >= $2) GROUP BY currency`,
        [referrerId, since === undefined ? null : new Date(since)],
      );
      return sums(r.rows);
    },
    async shortfalls(referrerId) {
      const r = await pool.query<{ currency: string; sum: string }>(
        `SELECT currency, sum(shortfall) AS sum FROM referral_commissions
         WHERE referrer_id = $1 AND shortfall > 0 GROUP BY currency`,
        [referrerId],
      );
      return sums(r.rows);
    },
    async commissionTotals(since, until) {
      const r = await pool.query<{ currency: string; sum: string }>(
        `SELECT currency, sum(amount - reversed) AS sum FROM referral_commissions
         WHERE at >= $1 AND at < $2 GROUP BY currency`,
        [new Date(since), new Date(until)],
      );
      return sums(r.rows);
    },
    async completedSales(userId, since) {
      const r = await pool.query<{ currency: string; sum: string }>(
        `SELECT price_currency AS currency, sum(price) AS sum FROM orders
         WHERE user_id = $1 AND created_at >= $2 AND state = ANY($3::text[]) AND refunded_at IS NULL GROUP BY price_currency`,
        [userId, new Date(since), DELIVERED],
      );
      return sums(r.rows);
    },
    async sellersSince(since) {
      const r = await pool.query<{ user_id: string }>(
        "SELECT DISTINCT user_id FROM orders WHERE created_at >= $1 AND state = ANY($2::text[]) AND refunded_at IS NULL",
        [new Date(since), DELIVERED],
      );
      return r.rows.map((x) => Number(x.user_id));
    },
  };
}
