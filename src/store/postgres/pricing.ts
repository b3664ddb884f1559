import type { Tier } from "../../domain/tiers.js";
import type { PricingRecords } from "../types.js";
import { inTransaction, type Pool } from "./pool.js";

/** Every change is one statement or one transaction: two admins and the price guard never overwrite each other. */
export function postgresPricing(pool: Pool): PricingRecords {
  return {
    async snapshot() {
      const [markups, fixed, paused] = await Promise.all([
        pool.query<{ tier: Tier; percent: string }>("SELECT tier, percent FROM tier_markups"),
        pool.query<{ product_key: string; amount: number }>("SELECT product_key, amount FROM fixed_prices"),
        pool.query<{ product_key: string; reason: string; at: Date }>("SELECT product_key, reason, at FROM paused_products"),
      ]);
      return {
        // numeric comes back as text; a percentage is not money, so a Number is exact enough.
        markups: Object.fromEntries(markups.rows.map((r) => [r.tier, Number(r.percent)])),
        fixedPrices: Object.fromEntries(fixed.rows.map((r) => [r.product_key, r.amount])),
        paused: Object.fromEntries(paused.rows.map((r) => [r.product_key, { reason: r.reason, at: r.at.getTime() }])),
      };
    },

    async setMarkup(tier, percent) {
      return inTransaction(pool, async (db) => {
        const before = await db.query<{ percent: string }>("SELECT percent FROM tier_markups WHERE tier = $1 FOR UPDATE", [tier]);
        await db.query("INSERT INTO tier_markups (tier, percent) VALUES ($1, $2) ON CONFLICT (tier) DO UPDATE SET percent = $2", [
          tier,
          percent,
        ]);
        return before.rows[0] ? Number(before.rows[0].percent) : undefined;
      });
    },

    async fixPrice(key, amount) {
      return inTransaction(pool, async (db) => {
        // Serialises admins fixing the same product; the pause row is locked by the DELETE below.
        await db.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`price:${key}`]);
        const before = await db.query<{ amount: number }>("SELECT amount FROM fixed_prices WHERE product_key = $1", [key]);
        if (amount === null) await db.query("DELETE FROM fixed_prices WHERE product_key = $1", [key]);
        else await db.query("INSERT INTO fixed_prices VALUES ($1, $2) ON CONFLICT (product_key) DO UPDATE SET amount = $2", [key, amount]);
        const unpaused = await db.query("DELETE FROM paused_products WHERE product_key = $1", [key]);
        return { before: before.rows[0]?.amount, wasPaused: (unpaused.rowCount ?? 0) > 0 };
      });
    },

    // Pauses only while a fixed price below the cost exists at this instant, so an admin's new
    // price that landed a moment earlier is never paused on a stale read.
    async pauseIfBelow(key, cost, reason) {
      const r = await pool.query<{ amount: number }>(
        `WITH f AS (SELECT amount FROM fixed_prices WHERE product_key = $1 AND amount < $2),
              p AS (INSERT INTO paused_products (product_key, reason, at) SELECT $1, $3, now() FROM f ON CONFLICT DO NOTHING RETURNING 1)
         SELECT f.amount FROM f, p`,
        [key, cost, reason],
      );
      return r.rows[0] ? { fixed: r.rows[0].amount } : undefined;
    },

    async resumeIfCovered(key, cost, reason) {
      const r = await pool.query(
        `DELETE FROM paused_products WHERE product_key = $1 AND reason = $3
           AND NOT EXISTS (SELECT 1 FROM fixed_prices WHERE product_key = $1 AND amount < $2)`,
        [key, cost, reason],
      );
      return (r.rowCount ?? 0) > 0;
    },
  };
}
