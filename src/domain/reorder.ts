import type { Orders, OrderState } from "../store/types.js";
import type { Catalog } from "./catalog.js";
import type { Draft } from "./drafts.js";
import { quote, type QuoteDeps } from "./quote.js";
import type { BuyBlock, Resellers } from "./resellers.js";
import type { Maintenance, MaintenanceNotice } from "./maintenance.js";
import type { PriceBook } from "./price-book.js";

/** Orders that are over, well or badly: these offer "Buy again". */
export const REORDERABLE_STATES: readonly OrderState[] = ["completed", "shipped", "failed", "refunded", "cancelled", "delivery_failed"];

export type ReorderOutcome =
  | { kind: "not_found" }
  | { kind: "blocked"; reason: BuyBlock | "maintenance"; maintenance?: MaintenanceNotice }
  /** No longer in any enabled provider's catalogue. */
  | { kind: "gone" }
  | { kind: "paused" }
  | { kind: "out_of_stock" }
  | { kind: "quoted"; draft: Draft; balance: number };

/**
 * "Buy again": a new draft for the same product and customer (player id and zone, or e-mail and
 * quantity) at this moment's price. Nothing is charged here; the card's Confirm places it.
 */
export function createReorder(
  deps: QuoteDeps & { orders: Pick<Orders, "get">; resellers: Resellers; catalog: Catalog; priceBook: PriceBook; maintenance: Maintenance },
) {
  return async function again(orderId: string, userId: number): Promise<ReorderOutcome> {
    const order = await deps.orders.get(orderId);
    if (!order || order.userId !== userId) return { kind: "not_found" };
    const user = await deps.resellers.get(userId);
    if (!user) return { kind: "not_found" };
    const block = deps.resellers.buyBlock(user);
    if (block) return { kind: "blocked", reason: block };
    const held = await deps.maintenance.blockFor(user, order.provider, order.sku);
    if (held) return { kind: "blocked", reason: "maintenance", maintenance: held };
    const product = await deps.catalog.product(order.provider, order.sku);
    if (!product) return { kind: "gone" };
    if (await deps.priceBook.isPaused(product.provider, product.sku)) return { kind: "paused" };
    if (!product.inStock) return { kind: "out_of_stock" };
    const input = order.playerId ? { playerId: order.playerId, zone: order.zone } : { email: order.email, quantity: order.quantity };
    return { kind: "quoted", ...(await quote(deps, userId, product, input)) };
  };
}

export type Reorder = ReturnType<typeof createReorder>;
