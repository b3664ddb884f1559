/** The status capability: reading back where a placed order stands at its provider. */
import type { Money } from "./money.js";
import type { ProviderOrderState } from "./ordering.js";

export interface ProviderOrderStatus {
  providerOrderId: string;
  state: ProviderOrderState;
  /** Provider's note (gametopup keterangan). */
  note?: string;
  nickname?: string;
  playerId?: string;
  zone?: string;
  productName?: string;
  price?: Money;
}

export interface StatusSource {
  getStatus(providerOrderId: string): Promise<ProviderOrderStatus>;
}
