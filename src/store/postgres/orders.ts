import { must } from "../../lib/must.js";
import type { OrderEvent, OrderRecord, OrderState, Orders } from "../types.js";
import { inTransaction, type Pool, type PoolClient } from "./pool.js";

type Patch = Partial<Omit<OrderRecord, "id" | "state" | "history">>;

interface Row {
  id: string;
  user_id: number;
  provider: OrderRecord["provider"];
  sku: string;
  product_name: string;
  quantity: number;
  email: string | null;
  player_id: string | null;
  zone: string | null;
  price: number;
  price_currency: string;
  cost: number;
  unit_cost: number;
  cost_currency: string;
  state: OrderRecord["state"];
  provider_order_id: string | null;
  failure: string | null;
  nickname: string | null;
  note: string | null;
  tracking_info: string | null;
  shipping_status: string | null;
  refunded_at: Date | null;
  sent_at: Date | null;
  sandbox: boolean;
  created_at: Date;
  updated_at: Date;
  history: { at: string; state: OrderRecord["state"]; note: string | null }[] | null;
}

const opt = <K extends string, V>(key: K, v: V | null) => (v === null ? {} : ({ [key]: v } as { [P in K]: V }));

const toOrder = (r: Row): OrderRecord => ({
  id: r.id,
  userId: r.user_id,
  provider: r.provider,
  sku: r.sku,
  productName: r.product_name,
  quantity: r.quantity,
  ...opt("email", r.email),
  ...opt("playerId", r.player_id),
  ...opt("zone", r.zone),
  price: { amount: r.price, currency: r.price_currency },
  cost: { amount: r.cost, currency: r.cost_currency },
  unitCost: { amount: r.unit_cost, currency: r.cost_currency },
  state: r.state,
  ...opt("providerOrderId", r.provider_order_id),
  ...opt("failure", r.failure),
  ...opt("nickname", r.nickname),
  ...opt("note", r.note),
  ...opt("trackingInfo", r.tracking_info),
  ...opt("shippingStatus", r.shipping_status),
  ...opt("refundedAt", r.refunded_at?.getTime() ?? null),
  ...opt("sentAt", r.sent_at?.getTime() ?? null),
  ...(r.sandbox && { sandbox: true }),
  createdAt: r.created_at.getTime(),
  updatedAt: r.updated_at.getTime(),
  history: (r.history ?? []).map((e): OrderEvent => ({ at: Date.parse(e.at), state: e.state, ...opt("note", e.note) })),
});

// The order with its events, oldest first, in one round trip.
const SELECT = `SELECT o.*, (SELECT json_agg(json_build_object('at', e.at, 'state', e.state, 'note', e.note) ORDER BY e.seq)
  FROM order_events e WHERE e.order_id = o.id) AS history FROM orders o`;

/** Patchable record fields and their columns; money fields are written as amount + currency. */
function patchColumns(patch: Patch, params: unknown[]): string[] {
  const sets: string[] = [];
  const set = (column: string, value: unknown) => {
    params.push(value ?? null);
    sets.push(`${column} = $${params.length}`);
  };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    switch (field as keyof Patch) {
      case "price":
        set("price", (value as OrderRecord["price"]).amount);
        set("price_currency", (value as OrderRecord["price"]).currency);
        break;
      case "cost":
        set("cost", (value as OrderRecord["cost"]).amount);
        set("cost_currency", (value as OrderRecord["cost"]).currency);
        break;
      case "unitCost":
        set("unit_cost", (value as OrderRecord["unitCost"]).amount);
        break;
      case "refundedAt":
      case "sentAt":
      case "createdAt":
      case "updatedAt":
        set(field.replace(/At$/, "_at"), new Date(value as number));
        break;
      default:
        set(
          field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`),
          value,
        );
    }
  }
  return sets;
}

/**
 * Compare-and-set: the state moves only from an allowed one, and its event is appended in the
 * same statement, so two processes can never both win the same transition.
 */
async function move(db: Pool | PoolClient, id: string, from: readonly OrderState[], to: OrderState, patch: Patch, note?: string) {
  const params: unknown[] = [id, [...from], to, note ?? null];
  const sets = patchColumns(patch, params);
  const r = await db.query<{ id: string }>(
    `WITH moved AS (
       UPDATE orders SET ${[...sets, "state = $3", "updated_at = clock_timestamp()"].join(", ")}
       WHERE id = $1 AND state = ANY($2::text[]) RETURNING id, updated_at
     ), event AS (
       INSERT INTO order_events (order_id, state, note, at) SELECT id, $3, $4, updated_at FROM moved
     )
     SELECT id FROM moved`,
    params,
  );
  return r.rows.length > 0;
}

export function postgresOrders(pool: Pool): Orders {
  const one = async (where: string, params: unknown[]) => {
    const r = await pool.query<Row>(`${SELECT} WHERE ${where}`, params);
    return r.rows[0] && toOrder(r.rows[0]);
  };
  const many = async (where: string, params: unknown[]) => (await pool.query<Row>(`${SELECT} WHERE ${where}`, params)).rows.map(toOrder);

  return {
    // The order, its provider id (UNIQUE per provider) and its first events in one transaction.
    async create(order) {
      return inTransaction(pool, async (db) => {
        const r = await db.query(
          `INSERT INTO orders (id, user_id, provider, sku, product_name, quantity, email, player_id, zone, price, price_currency,
             cost, unit_cost, cost_currency, state, provider_order_id, failure, nickname, note, tracking_info, shipping_status,
             refunded_at, sandbox, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $25)
           ON CONFLICT (id) DO NOTHING`,
          [
            order.id,
            order.userId,
            order.provider,
            order.sku,
            order.productName,
            order.quantity,
            order.email ?? null,
            order.playerId ?? null,
            order.zone ?? null,
            order.price.amount,
            order.price.currency,
            order.cost.amount,
            order.unitCost.amount,
            order.cost.currency,
            order.state,
            order.providerOrderId ?? null,
            order.failure ?? null,
            order.nickname ?? null,
            order.note ?? null,
            order.trackingInfo ?? null,
            order.shippingStatus ?? null,
            order.refundedAt === undefined ? null : new Date(order.refundedAt),
            order.sandbox === true,
            new Date(order.createdAt),
            new Date(order.updatedAt),
          ],
        );
        if (r.rowCount === 0) return false;
        for (const e of order.history) {
          await db.query("INSERT INTO order_events (order_id, state, note, at) VALUES ($1, $2, $3, $4)", [
            order.id,
            e.state,
            e.note ?? null,
            new Date(e.at),
          ]);
        }
        return true;
      });
    },

    get: (id) => one("o.id = $1", [id]),

    byProviderOrderId: (provider, providerOrderId) => one("o.provider = $1 AND o.provider_order_id = $2", [provider, providerOrderId]),

    async transition(id, from, to, patch = {}, note) {
      return (await move(pool, id, from, to, patch, note)) ? one("o.id = $1", [id]) : undefined;
    },

    // The sweep's verdict, under the row lock Ledger.debitOrder takes: a debit committed first is
    // seen here, and a debit that waits for the lock finds the order no longer pending.
    async failUncharged(id, patch, note) {
      const failed = await inTransaction(pool, async (db) => {
        const o = await db.query<{ state: OrderState }>("SELECT state FROM orders WHERE id = $1 FOR UPDATE", [id]);
        if (o.rows[0]?.state !== "pending") return false;
        const debit = await db.query("SELECT 1 FROM ledger_entries WHERE order_id = $1 AND type = 'debit'", [id]);
        return debit.rowCount === 0 && move(db, id, ["pending"], "failed", patch, note);
      });
      return failed ? one("o.id = $1", [id]) : undefined;
    },

    // Compare-and-set on sent_at IS NULL: one sender per order, whatever the processes.
    async claimSending(id, note) {
      const r = await pool.query<{ id: string }>(
        `WITH claimed AS (
           UPDATE orders SET sent_at = clock_timestamp(), updated_at = clock_timestamp()
           WHERE id = $1 AND state = 'pending' AND sent_at IS NULL RETURNING id, updated_at
         ), event AS (
           INSERT INTO order_events (order_id, state, note, at) SELECT id, 'pending', $2, updated_at FROM claimed
         )
         SELECT id FROM claimed`,
        [id, note],
      );
      return r.rows[0] ? one("o.id = $1", [id]) : undefined;
    },

    async releaseSending(id, note) {
      const r = await pool.query<{ id: string }>(
        `WITH released AS (
           UPDATE orders SET sent_at = NULL, updated_at = clock_timestamp()
           WHERE id = $1 AND state = 'pending' AND sent_at IS NOT NULL RETURNING id, updated_at
         ), event AS (
           INSERT INTO order_events (order_id, state, note, at) SELECT id, 'pending', $2, updated_at FROM released
         )
         SELECT id FROM released`,
        [id, note],
      );
      return r.rows[0] ? one("o.id = $1", [id]) : undefined;
    },

    async patch(id, patch) {
      const params: unknown[] = [id];
      const sets = patchColumns(patch, params);
      const r = await pool.query(`UPDATE orders SET ${[...sets, "updated_at = clock_timestamp()"].join(", ")} WHERE id = $1`, params);
      return r.rowCount ? one("o.id = $1", [id]) : undefined;
    },

    byUser: (userId, opts = {}) =>
      many("o.user_id = $1 ORDER BY o.created_at DESC, o.id DESC OFFSET $2 LIMIT $3", [userId, opts.offset ?? 0, opts.limit ?? 10]),

    async countByUser(userId) {
      const r = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM orders WHERE user_id = $1", [userId]);
      return must(r.rows[0], "count(*) answers one row").n;
    },

    async idsInState(state) {
      return (await pool.query<{ id: string }>("SELECT id FROM orders WHERE state = $1 ORDER BY created_at", [state])).rows.map(
        (r) => r.id,
      );
    },
  };
}
