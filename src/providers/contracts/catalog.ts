/** The catalog capability: the products a provider sells, and what ordering each needs. */
import type { Money, ProviderId } from "./money.js";

/** What an order of this product needs from the reseller. */
export type OrderInput =
  /** A subscription delivered to the customer's e-mail, bought in a quantity (xinstitute). */
  | { kind: "email" }
  /** A game top-up for a player id and, when the game has servers, a zone (gametopup). */
  | { kind: "player"; zone: "optional" | "required" | "none" };

export interface Product {
  provider: ProviderId;
  /** The provider's own product id (xinstitute product_id, gametopup kode). */
  sku: string;
  name: string;
  category: string;
  /** What the operator pays the provider for one unit. Never shown to resellers. */
  cost: Money;
  inStock: boolean;
  stock?: number;
  /** Free text from the provider (gametopup catatan, xinstitute subscription_type). */
  note?: string;
  input: OrderInput;
}

export interface CatalogSource {
  listProducts(): Promise<Product[]>;
}
