import type { ApiRecords } from "../store/types.js";
import type { Notification, Notifier } from "./notifications.js";

/**
 * API orders are pushed in chat only when the reseller turned that on in /api (SPEC §8): their
 * shop hears through callbacks. Any push about an order (`args.orderId`) made through the API
 * is dropped here unless its reseller wants it; everything else passes.
 */
export function withApiQuiet(notifier: Notifier, api: Pick<ApiRecords, "refByOrder" | "settings">): Notifier {
  return {
    ...notifier,
    async notifyUser(n: Notification) {
      const orderId = n.args?.orderId;
      if (typeof orderId === "string") {
        const ref = await api.refByOrder(orderId);
        if (ref && ref.resellerId === n.userId && !(await api.settings(ref.resellerId)).notifyInChat) return;
      }
      return notifier.notifyUser(n);
    },
  };
}
