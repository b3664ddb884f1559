import type { Kv } from "../store/types.js";
import { batchOfOrderKey } from "./bulk.js";
import type { Notification, Notifier } from "./notifications.js";

/** What the placement job says of each order; for a bulk line the batch's one summary says it instead. */
const FOLDED = new Set(["order-processing", "order-refused", "order-unknown"]);

/**
 * Keeps a bulk top-up of fifty lines from sending fifty "placed" messages (at Telegram's one a
 * second per chat) before its summary. Deliveries ("order-done", later "order-completed") still
 * come one by one: each carries its Receipt button. Admins' alerts are untouched.
 */
export function withBulkSummaries(notifier: Notifier, kv: Kv): Notifier {
  return {
    ...notifier,
    async notifyUser(n: Notification) {
      const orderId = n.args?.orderId;
      if (FOLDED.has(n.key) && typeof orderId === "string" && (await kv.getJson<string>(batchOfOrderKey(orderId)))) return;
      return notifier.notifyUser(n);
    },
  };
}
