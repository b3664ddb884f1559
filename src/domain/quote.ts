import type { Product } from "../providers/types.js";
import type { Catalog } from "./catalog.js";
import type { Draft, DraftInput, Drafts } from "./drafts.js";
import type { Resellers } from "./resellers.js";

export interface QuoteDeps {
  resellers: Pick<Resellers, "get">;
  catalog: Pick<Catalog, "price">;
  drafts: Pick<Drafts, "create">;
  wallets: { balances(userId: number): Promise<Record<string, number>> };
}

/**
 * A confirmation card's draft at this moment's price for the reseller's tier, and the balance
 * it will be paid from. The purchase flow and "Buy again" both make their drafts here, so a
 * card always shows what Confirm will charge.
 */
export async function quote(
  deps: QuoteDeps,
  userId: number,
  product: Product,
  input: DraftInput,
  /** The order id to use (an API order's, claimed by its ref_id); a new one when absent. */
  id?: string,
): Promise<{ draft: Draft; balance: number }> {
  const tier = (await deps.resellers.get(userId))?.tier ?? "member";
  const unitPrice = await deps.catalog.price(product, tier);
  const draft = await deps.drafts.create(userId, product, unitPrice, input, id);
  const balances = await deps.wallets.balances(userId);
  return { draft, balance: balances[draft.price.currency] ?? 0 };
}
