import type { Logger } from "../observability/logger.js";
import type { OrderRecord, Orders } from "../store/types.js";

/**
 * The orders with a listener on every state change: webhooks, polls, reconciliation, sweeps and
 * admin refunds all move an order through `transition`, so this is the one place that sees them
 * all (the reseller API's callbacks listen here). The change is committed before the listener
 * runs; a listener's failure is logged and never undoes it.
 */
export function watchOrders(orders: Orders, listener: (order: OrderRecord) => Promise<void>, logger: Logger): Orders {
  return {
    ...orders,
    async transition(id, from, to, patch, note) {
      const next = await orders.transition(id, from, to, patch, note);
      if (next) await listener(next).catch((err: unknown) => logger.error({ err, orderId: id }, "order change listener failed"));
      return next;
    },
  };
}
