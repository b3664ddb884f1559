import type { MoneyTotal, NewPromo, PromoClaim, PromoRecord, Promos, PromoTakeRefusal, PromoUse } from "../types.js";
import { inTransaction, isUniqueViolation, type Pool, type PoolClient } from "./pool.js";

interface Row {
  code: string;
  kind: "percent" | "amount";
  value: number;
  currency: string | null;
  max_uses: number | null;
  per_reseller: number | null;
  until: Date | null;
  min_amount: number | null;
  min_currency: string | null;
  product: string | null;
  active: boolean;
  used: number;
  created_by: number;
  created_at: Date;
}

const toPromo = (r: Row): PromoRecord => ({
  code: r.code,
  discount: r.kind === "percent" ? { kind: "percent", bp: r.value } : { kind: "amount", amount: r.value, currency: r.currency ?? "" },
  ...(r.max_uses !== null && { maxUses: r.max_uses }),
  ...(r.per_reseller !== null && { perReseller: r.per_reseller }),
  ...(r.until !== null && { until: r.until.getTime() }),
  ...(r.min_amount !== null && r.min_currency !== null && { min: { amount: r.min_amount, currency: r.min_currency } }),
  ...(r.product !== null && { product: r.product }),
  active: r.active,
  used: r.used,
  createdBy: r.created_by,
  createdAt: r.created_at.getTime(),
});

interface UseRow {
  order_id: string;
  code: string;
  user_id: number;
  discount: number;
  currency: string;
  used_at: Date;
  released_at: Date | null;
}

const toUse = (r: UseRow): PromoUse => ({
  orderId: r.order_id,
  code: r.code,
  userId: r.user_id,
  discount: r.discount,
  currency: r.currency,
  at: r.used_at.getTime(),
  ...(r.released_at !== null && { releasedAt: r.released_at.getTime() }),
});

/**
 * Takes one use of a code for an order, inside the caller's transaction (the order's debit). The
 * UPDATE takes the use only while the code is on, unexpired and not used up, and locks the code's
 * row until the transaction ends: every other taker of this code waits here, so the per-reseller
 * count read next is exact. A refusal is returned; the caller must then roll back.
 */
export async function takePromoUse(
  db: PoolClient,
  claim: PromoClaim,
  userId: number,
  orderId: string,
): Promise<PromoTakeRefusal | undefined> {
  const took = await db.query<{ per_reseller: number | null }>(
    `UPDATE promo_codes SET used = used + 1
      WHERE code = $1 AND active AND (until IS NULL OR until > now()) AND (max_uses IS NULL OR used < max_uses)
      RETURNING per_reseller`,
    [claim.code],
  );
  const row = took.rows[0];
  if (!row) {
    const r = await db.query<Row>("SELECT * FROM promo_codes WHERE code = $1", [claim.code]);
    const p = r.rows[0];
    if (!p) return "unknown";
    if (!p.active) return "off";
    if (p.until !== null && p.until.getTime() <= Date.now()) return "expired";
    return "used_up";
  }
  if (row.per_reseller !== null) {
    const n = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM promo_uses WHERE code = $1 AND user_id = $2 AND released_at IS NULL",
      [claim.code, userId],
    );
    // This use is not inserted yet: the reseller's earlier ones must leave room for it.
    if ((n.rows[0]?.n ?? 0) >= row.per_reseller) return "per_reseller";
  }
  await db.query("INSERT INTO promo_uses (order_id, code, user_id, discount, currency) VALUES ($1, $2, $3, $4, $5)", [
    orderId,
    claim.code,
    userId,
    claim.discount,
    claim.currency,
  ]);
  return undefined;
}

export function postgresPromos(pool: Pool): Promos {
  const one = async (code: string) => {
    const r = await pool.query<Row>("SELECT * FROM promo_codes WHERE code = $1", [code]);
    return r.rows[0] && toPromo(r.rows[0]);
  };
  const totals = async (where: string, params: unknown[]): Promise<MoneyTotal[]> => {
    const r = await pool.query<MoneyTotal>(
      `SELECT currency, count(*)::int AS count, sum(discount)::bigint AS sum FROM promo_uses
        WHERE released_at IS NULL AND ${where} GROUP BY currency ORDER BY currency`,
      params,
    );
    return r.rows;
  };
  return {
    async add(p: NewPromo) {
      try {
        await pool.query(
          `INSERT INTO promo_codes (code, kind, value, currency, max_uses, per_reseller, until, min_amount, min_currency, product, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            p.code,
            p.discount.kind,
            p.discount.kind === "percent" ? p.discount.bp : p.discount.amount,
            p.discount.kind === "amount" ? p.discount.currency : null,
            p.maxUses ?? null,
            p.perReseller ?? null,
            p.until === undefined ? null : new Date(p.until),
            p.min?.amount ?? null,
            p.min?.currency ?? null,
            p.product ?? null,
            p.createdBy,
          ],
        );
        return true;
      } catch (err) {
        if (isUniqueViolation(err)) return false;
        throw err;
      }
    },
    get: one,
    async list() {
      const r = await pool.query<Row>("SELECT * FROM promo_codes ORDER BY created_at DESC, code");
      return r.rows.map(toPromo);
    },
    async turnOff(code) {
      const r = await pool.query<Row>("UPDATE promo_codes SET active = false WHERE code = $1 RETURNING *", [code]);
      return r.rows[0] && toPromo(r.rows[0]);
    },
    async usesBy(code, userId) {
      const r = await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM promo_uses WHERE code = $1 AND user_id = $2 AND released_at IS NULL",
        [code, userId],
      );
      return r.rows[0]?.n ?? 0;
    },
    given: (code) => totals("code = $1", [code]),
    async useOf(orderId) {
      const r = await pool.query<UseRow>("SELECT * FROM promo_uses WHERE order_id = $1", [orderId]);
      return r.rows[0] && toUse(r.rows[0]);
    },
    async release(orderId) {
      return inTransaction(pool, async (db) => {
        const r = await db.query<{ code: string }>(
          "UPDATE promo_uses SET released_at = now() WHERE order_id = $1 AND released_at IS NULL RETURNING code",
          [orderId],
        );
        const code = r.rows[0]?.code;
        if (code === undefined) return false;
        await db.query("UPDATE promo_codes SET used = used - 1 WHERE code = $1", [code]);
        return true;
      });
    },
    discounts: (since, until) => totals("used_at >= $1 AND used_at < $2", [new Date(since), new Date(until)]),
  };
}
