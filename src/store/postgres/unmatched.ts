import type { WebhookEvent } from "../../providers/types.js";
import type { UnmatchedEvents } from "../types.js";
import type { Pool } from "./pool.js";

export function postgresUnmatched(pool: Pool): UnmatchedEvents {
  return {
    async keep(e) {
      await pool.query(
        "INSERT INTO unmatched_events (provider, delivery_id, provider_order_id, event) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        [e.provider, e.deliveryId, e.providerOrderId, JSON.stringify(e)],
      );
    },
    // DELETE … RETURNING: two callers racing for the same events get disjoint sets.
    async take(provider, providerOrderId) {
      const r = await pool.query<{ event: WebhookEvent }>(
        "DELETE FROM unmatched_events WHERE provider = $1 AND provider_order_id = $2 RETURNING event, received_at",
        [provider, providerOrderId],
      );
      return r.rows.map((row) => row.event);
    },
  };
}
