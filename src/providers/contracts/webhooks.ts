/** The webhooks capability: verifying and parsing a provider's order-news deliveries. */
import type { ProviderId } from "./money.js";

/** A verified, parsed provider webhook delivery. */
export interface WebhookEvent {
  provider: ProviderId;
  /** Stable across the provider's retries of the same delivery: the dedupe key. */
  deliveryId: string;
  kind: "shipped" | "cancelled" | "failed_delivery";
  providerOrderId: string;
  trackingInfo?: string;
  shippingStatus?: string;
  at?: string;
}

export interface WebhookSource {
  /** Constant-time check of the signature over the exact raw bytes. */
  verify(rawBody: Uint8Array, headers: Headers): boolean;
  /** Parses a verified body; throws ProviderError(kind "bad_response") when malformed. */
  parse(rawBody: Uint8Array): WebhookEvent;
}
