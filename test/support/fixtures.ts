import type { Ledger, OrderRecord } from "../../src/store/types.js";

/** A gametopup order in our own "pending" state, as place() creates it; `at` is its creation time. */
export function pendingOrder(id: string, userId: number, at = Date.now(), price = 21_780, cost = 19_800): OrderRecord {
  return {
    id,
    userId,
    provider: "gametopup",
    sku: "1",
    productName: "Mobile Legends 86 Diamonds",
    quantity: 1,
    playerId: "12345678",
    price: { amount: price, currency: "IDR" },
    cost: { amount: cost, currency: "IDR" },
    unitCost: { amount: cost, currency: "IDR" },
    state: "pending",
    createdAt: at,
    updatedAt: at,
    history: [{ at, state: "pending" }],
  };
}

/** The debit place() writes for a pendingOrder() of `amount` IDR (default its 21,780), under the order's own key. */
export const chargeOrder = (ledger: Ledger, userId: number, orderId: string, amount = 21_780) =>
  ledger.apply({
    userId,
    currency: "IDR",
    amount: -amount,
    type: "debit",
    reason: "order",
    actor: `user:${userId}`,
    orderId,
    key: `order:${orderId}:debit`,
  });
