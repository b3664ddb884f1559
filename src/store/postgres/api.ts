import type { ApiEvent, ApiKeyRecord, ApiOrderRef, ApiRecords, ApiSettings, LastCallback } from "../types.js";
import type { Pool } from "./pool.js";

interface KeyRow {
  id: string;
  reseller_id: number;
  key_hash: string;
  key_hint: string;
  callback_secret: string;
  created_at: Date;
  revoked_at: Date | null;
}
const toKey = (r: KeyRow): ApiKeyRecord => ({
  id: r.id,
  resellerId: Number(r.reseller_id),
  keyHash: r.key_hash,
  keyHint: r.key_hint,
  callbackSecret: r.callback_secret,
  createdAt: r.created_at.getTime(),
  revokedAt: r.revoked_at?.getTime(),
});

interface SettingsRow {
  reseller_id: number;
  callback_url: string | null;
  allowed_ips: string[];
  notify_in_chat: boolean;
  last_callback: LastCallback | null;
}
const toSettings = (r: SettingsRow): ApiSettings => ({
  resellerId: Number(r.reseller_id),
  callbackUrl: r.callback_url ?? undefined,
  allowedIps: r.allowed_ips,
  notifyInChat: r.notify_in_chat,
  lastCallback: r.last_callback ?? undefined,
});

interface RefRow {
  reseller_id: number;
  ref_id: string;
  order_id: string;
  body_hash: string;
  created_at: Date;
}
const toRef = (r: RefRow): ApiOrderRef => ({
  resellerId: Number(r.reseller_id),
  refId: r.ref_id,
  orderId: r.order_id,
  bodyHash: r.body_hash,
  createdAt: r.created_at.getTime(),
});

interface EventRow {
  event_id: string;
  order_id: string;
  reseller_id: number;
  seq: number;
  body: string;
  created_at: Date;
  delivered_at: Date | null;
  given_up_at: Date | null;
  attempts: number;
}
const toEvent = (r: EventRow): ApiEvent => ({
  eventId: r.event_id,
  orderId: r.order_id,
  resellerId: Number(r.reseller_id),
  seq: r.seq,
  body: r.body,
  createdAt: r.created_at.getTime(),
  deliveredAt: r.delivered_at?.getTime(),
  givenUpAt: r.given_up_at?.getTime(),
  attempts: r.attempts,
});

const SETTINGS_COLUMNS: Record<string, string> = {
  callbackUrl: "callback_url",
  allowedIps: "allowed_ips",
  notifyInChat: "notify_in_chat",
  lastCallback: "last_callback",
};

export function postgresApi(pool: Pool): ApiRecords {
  return {
    async replaceKey(key) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("UPDATE api_keys SET revoked_at = $2 WHERE reseller_id = $1 AND revoked_at IS NULL", [
          key.resellerId,
          new Date(key.createdAt),
        ]);
        await client.query(
          "INSERT INTO api_keys (id, reseller_id, key_hash, key_hint, callback_secret, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
          [key.id, key.resellerId, key.keyHash, key.keyHint, key.callbackSecret, new Date(key.createdAt)],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async keyByHash(keyHash) {
      const r = await pool.query<KeyRow>("SELECT * FROM api_keys WHERE key_hash = $1", [keyHash]);
      return r.rows[0] && toKey(r.rows[0]);
    },
    async keyWithSettings(keyHash) {
      const r = await pool.query<KeyRow & { s_reseller_id: number | null } & Omit<SettingsRow, "reseller_id">>(
        `SELECT k.*, s.reseller_id AS s_reseller_id, s.callback_url, s.allowed_ips, s.notify_in_chat, s.last_callback
         FROM api_keys k LEFT JOIN api_settings s ON s.reseller_id = k.reseller_id WHERE k.key_hash = $1`,
        [keyHash],
      );
      const row = r.rows[0];
      if (!row) return undefined;
      const key = toKey(row);
      const settings =
        row.s_reseller_id === null
          ? { resellerId: key.resellerId, allowedIps: [], notifyInChat: false }
          : toSettings({ ...row, reseller_id: row.s_reseller_id });
      return { key, settings };
    },
    async liveKey(resellerId) {
      const r = await pool.query<KeyRow>("SELECT * FROM api_keys WHERE reseller_id = $1 AND revoked_at IS NULL", [resellerId]);
      return r.rows[0] && toKey(r.rows[0]);
    },
    async revokeKey(resellerId, at) {
      const r = await pool.query("UPDATE api_keys SET revoked_at = $2 WHERE reseller_id = $1 AND revoked_at IS NULL", [
        resellerId,
        new Date(at),
      ]);
      return (r.rowCount ?? 0) > 0;
    },
    async settings(resellerId) {
      const r = await pool.query<SettingsRow>("SELECT * FROM api_settings WHERE reseller_id = $1", [resellerId]);
      return r.rows[0] ? toSettings(r.rows[0]) : { resellerId, allowedIps: [], notifyInChat: false };
    },
    async patchSettings(resellerId, patch) {
      const entries = Object.entries(patch).filter(([k]) => k in SETTINGS_COLUMNS);
      const cols = entries.map(([k]) => SETTINGS_COLUMNS[k] as string);
      const values = entries.map(([k, v]) => (k === "lastCallback" ? JSON.stringify(v ?? null) : (v ?? null)));
      const insertCols = ["reseller_id", ...cols].join(", ");
      const params = ["$1", ...cols.map((_, i) => `$${i + 2}`)].join(", ");
      const updates = cols.length ? cols.map((c) => `${c} = EXCLUDED.${c}`).join(", ") : "reseller_id = EXCLUDED.reseller_id";
      const r = await pool.query<SettingsRow>(
        `INSERT INTO api_settings (${insertCols}) VALUES (${params}) ON CONFLICT (reseller_id) DO UPDATE SET ${updates} RETURNING *`,
        [resellerId, ...values],
      );
      return toSettings(r.rows[0] as SettingsRow);
    },
    async claimRef(ref) {
      // The unique key (reseller_id, ref_id) decides; the losers read the winner's row.
      const r = await pool.query<RefRow>(
        `WITH ins AS (
           INSERT INTO api_orders (reseller_id, ref_id, order_id, body_hash, created_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (reseller_id, ref_id) DO NOTHING RETURNING *)
         SELECT * FROM ins UNION ALL SELECT * FROM api_orders WHERE reseller_id = $1 AND ref_id = $2 LIMIT 1`,
        [ref.resellerId, ref.refId, ref.orderId, ref.bodyHash, new Date(ref.createdAt)],
      );
      if (r.rows[0]) return toRef(r.rows[0]);
      // The conflicting row was committed after this statement's snapshot: read it now.
      const again = await pool.query<RefRow>("SELECT * FROM api_orders WHERE reseller_id = $1 AND ref_id = $2", [
        ref.resellerId,
        ref.refId,
      ]);
      if (!again.rows[0]) throw new Error("ref_id claim lost");
      return toRef(again.rows[0]);
    },
    async refByOrder(orderId) {
      const r = await pool.query<RefRow>("SELECT * FROM api_orders WHERE order_id = $1", [orderId]);
      return r.rows[0] && toRef(r.rows[0]);
    },
    async ref(resellerId, refId) {
      const r = await pool.query<RefRow>("SELECT * FROM api_orders WHERE reseller_id = $1 AND ref_id = $2", [resellerId, refId]);
      return r.rows[0] && toRef(r.rows[0]);
    },
    async addEvent(e) {
      const r = await pool.query(
        `INSERT INTO api_events (event_id, order_id, reseller_id, seq, body, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT DO NOTHING`,
        [e.eventId, e.orderId, e.resellerId, e.seq, e.body, new Date(e.createdAt)],
      );
      return (r.rowCount ?? 0) > 0;
    },
    async openEvents(orderId) {
      const r = await pool.query<EventRow>(
        "SELECT * FROM api_events WHERE order_id = $1 AND delivered_at IS NULL AND given_up_at IS NULL ORDER BY seq",
        [orderId],
      );
      return r.rows.map(toEvent);
    },
    async ordersWithOpenEvents(limit) {
      const r = await pool.query<{ order_id: string }>(
        "SELECT DISTINCT order_id FROM api_events WHERE delivered_at IS NULL AND given_up_at IS NULL LIMIT $1",
        [limit],
      );
      return r.rows.map((row) => row.order_id);
    },
    async markEvent(eventId, outcome) {
      await pool.query(
        `UPDATE api_events SET attempts = attempts + 1, delivered_at = COALESCE($2, delivered_at), given_up_at = COALESCE($3, given_up_at)
         WHERE event_id = $1`,
        [eventId, outcome.deliveredAt ? new Date(outcome.deliveredAt) : null, outcome.givenUpAt ? new Date(outcome.givenUpAt) : null],
      );
    },
  };
}
