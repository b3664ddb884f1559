import type { Logger } from "../observability/logger.js";
import type { LedgerEntry, OrderRecord, Orders, SavedCustomer, SavedCustomers } from "../store/types.js";

/** How many player ids, and how many e-mails, a reseller gets as buttons. */
export const SAVED_PER_KIND = 8;

/**
 * The customers a reseller bought for lately. A customer is remembered when an order for them
 * is charged (the order's debit entry: whichever code places orders, the debit is the moment it
 * is placed), and a player's nickname when the provider reports it on delivery.
 */
export function createSavedCustomers(deps: { customers: SavedCustomers; orders: Pick<Orders, "get">; logger: Logger }) {
  const { customers } = deps;

  async function remember(order: OrderRecord) {
    if (order.playerId) {
      await customers.remember(
        {
          userId: order.userId,
          kind: "player",
          value: order.playerId,
          zone: order.zone,
          nickname: order.nickname,
          usedAt: order.createdAt,
        },
        SAVED_PER_KIND,
      );
    } else if (order.email) {
      await customers.remember({ userId: order.userId, kind: "email", value: order.email, usedAt: order.createdAt }, SAVED_PER_KIND);
    }
  }

  return {
    /** A ledger listener: an order's debit means the order was placed. */
    async onEntry(entry: LedgerEntry): Promise<void> {
      if (entry.type !== "debit" || !entry.orderId) return;
      const order = await deps.orders.get(entry.orderId);
      if (order) await remember(order);
    },
    /** The orders' onDelivered hook; a failure here must not touch the order's own outcome. */
    async orderDelivered(order: OrderRecord): Promise<void> {
      if (!order.playerId || !order.nickname) return;
      await customers
        .setNickname(order.userId, order.playerId, order.zone, order.nickname)
        .catch((err: unknown) => deps.logger.warn({ err, orderId: order.id }, "could not keep the player's nickname"));
    },
    players: (userId: number): Promise<SavedCustomer[]> => customers.list(userId, "player", SAVED_PER_KIND),
    emails: (userId: number): Promise<SavedCustomer[]> => customers.list(userId, "email", SAVED_PER_KIND),
    forget: (userId: number, id: number) => customers.forget(userId, id),
  };
}

export type SavedCustomersService = ReturnType<typeof createSavedCustomers>;
