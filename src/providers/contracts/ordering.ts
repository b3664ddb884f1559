/** The ordering capability: placing an order with a provider, and the provider-neutral order state. */
import type { Money } from "./money.js";

export interface PlaceOrderRequest {
  /** Our order id; gametopup's ref_id. Unique per order, stable across retries. */
  ref: string;
  sku: string;
  /** The unit cost the price was computed from (gametopup signs it into the order hash). */
  unitCost: Money;
  quantity: number;
  email?: string;
  playerId?: string;
  zone?: string;
}

/** Provider-neutral order state. */
export type ProviderOrderState = "pending" | "processing" | "completed" | "failed";

export interface PlaceOrderResult {
  providerOrderId: string;
  state: ProviderOrderState;
  /** What the provider says it charged the operator, when it says. */
  charged?: Money;
  productName?: string;
}

export interface OrderPlacer {
  placeOrder(req: PlaceOrderRequest): Promise<PlaceOrderResult>;
  /** Whether an order sent now would wait for the provider's documented rate limit. */
  busy?(): Promise<boolean>;
}
