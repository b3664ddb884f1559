import type { ProviderDirectory } from "../providers/types.js";
import type { OrderRecord, Orders } from "../store/types.js";

type OrderReads = Pick<Orders, "get" | "byProviderOrderId" | "byUser" | "countByUser">;

/**
 * What the chat reads of orders: one order, a reseller's own order (someone else's is as good
 * as none), a page of a reseller's history, and a lookup by our id or a provider's.
 */
export function createOrderHistory(deps: { orders: OrderReads; providers: ProviderDirectory }) {
  return {
    get: (orderId: string) => deps.orders.get(orderId),

    /** The order when it is the reseller's; an id typed into button data by hand finds nothing. */
    async ownedBy(userId: number, orderId: string): Promise<OrderRecord | undefined> {
      const order = await deps.orders.get(orderId);
      return order?.userId === userId ? order : undefined;
    },

    /** By our order id (any case) or by a provider's transaction id. */
    async find(ref: string): Promise<OrderRecord | undefined> {
      const own = await deps.orders.get(ref.toUpperCase());
      if (own) return own;
      for (const p of deps.providers.list()) {
        const found = await deps.orders.byProviderOrderId(p.id, ref);
        if (found) return found;
      }
      return undefined;
    },

    count: (userId: number) => deps.orders.countByUser(userId),

    /** Newest first. */
    recent: (userId: number, offset: number, limit: number) => deps.orders.byUser(userId, { offset, limit }),
  };
}

export type OrderHistory = ReturnType<typeof createOrderHistory>;
