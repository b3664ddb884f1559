/** The unmatched event: a verified provider webhook still waiting for its order. */
import type { ProviderId } from "../../providers/contracts/money.js";
import type { WebhookEvent } from "../../providers/contracts/webhooks.js";

/** Verified webhooks that arrived before their order's provider id: kept until it does. */
export interface UnmatchedEvents {
  keep(event: WebhookEvent): Promise<void>;
  /** Removes and returns the events for this provider order (each is taken by one caller only). */
  take(provider: ProviderId, providerOrderId: string): Promise<WebhookEvent[]>;
}
