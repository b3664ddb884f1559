import type { Money, Product } from "../providers/types.js";
import type { Kv, OrderRecord } from "../store/types.js";
import { newOrderId } from "./ids.js";
import { times } from "./pricing.js";

/**
 * What the confirmation card shows. Its id becomes the order id, so every tap, redelivered
 * update or retry of one card maps to the same order: at most one debit and one provider call.
 */
export type Draft = Pick<
  OrderRecord,
  | "id"
  | "userId"
  | "provider"
  | "sku"
  | "productName"
  | "quantity"
  | "email"
  | "playerId"
  | "zone"
  | "unitCost"
  | "price"
  | "cost"
  | "createdAt"
> & {
  unitPrice: Money;
  /** A promo code applied on the card: `price` is then `fullPrice` minus `discount` (SPEC §7). */
  promo?: { code: string; discount: number; fullPrice: Money /** cut to keep the price at the provider's cost */; clamped?: boolean };
};

export const DRAFT_TTL_MS = 30 * 60_000;

export interface DraftInput {
  quantity?: number;
  email?: string;
  playerId?: string;
  zone?: string;
}

export function createDrafts(kv: Kv) {
  return {
    /** `id`: the order id the draft becomes; an API order's is the one its ref_id claimed (domain/api-orders.ts). */
    async create(userId: number, product: Product, unitPrice: Money, input: DraftInput, id = newOrderId()): Promise<Draft> {
      const quantity = input.quantity ?? 1;
      const draft: Draft = {
        id,
        userId,
        provider: product.provider,
        sku: product.sku,
        productName: product.name,
        quantity,
        email: input.email,
        playerId: input.playerId,
        zone: input.zone,
        unitCost: product.cost,
        unitPrice,
        price: times(unitPrice, quantity),
        cost: times(product.cost, quantity),
        createdAt: Date.now(),
      };
      await kv.setJson(`draft:${draft.id}`, draft, DRAFT_TTL_MS);
      return draft;
    },
    /** The same card at a promo code's price; its expiry starts again. */
    async withPromo(draft: Draft, promo: NonNullable<Draft["promo"]>): Promise<Draft> {
      const next: Draft = {
        ...draft,
        promo,
        price: { amount: promo.fullPrice.amount - promo.discount, currency: promo.fullPrice.currency },
      };
      await kv.setJson(`draft:${draft.id}`, next, DRAFT_TTL_MS);
      return next;
    },
    get(id: string): Promise<Draft | undefined> {
      return kv.getJson<Draft>(`draft:${id}`);
    },
    async discard(id: string): Promise<void> {
      await kv.del(`draft:${id}`);
    },
    /** Discards the draft only when it is this user's; another's (or none) is left as it is. */
    async discardOwn(id: string, userId: number): Promise<boolean> {
      const draft = await kv.getJson<Draft>(`draft:${id}`);
      if (draft?.userId !== userId) return false;
      await kv.del(`draft:${id}`);
      return true;
    },
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
