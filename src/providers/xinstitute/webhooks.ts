/** xinstitute's signed webhooks (document 000, "Webhook Guide"). */
import { createHmac } from "node:crypto";
import { parseWebhookBody, verifyHexHmac } from "../signed-webhooks.js";
import type { WebhookEvent, WebhookSource } from "../types.js";
import { webhookPayload } from "./schemas.js";

export const SIGNATURE_HEADER = "x-webhook-signature";

/** Lowercase hex HMAC-SHA256 of the raw body, as the document's `hash_hmac('sha256', …)`. */
export function signXinstituteWebhook(rawBody: Uint8Array | string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

/** Constant-time check of a received signature against the raw bytes. */
export function verifyXinstituteSignature(rawBody: Uint8Array, signature: string | null | undefined, secret: string): boolean {
  return verifyHexHmac(rawBody, signature, secret);
}

export class XinstituteWebhooks implements WebhookSource {
  constructor(private readonly secret: string) {}

  verify(rawBody: Uint8Array, headers: Headers): boolean {
    return verifyXinstituteSignature(rawBody, headers.get(SIGNATURE_HEADER), this.secret);
  }

  parse(rawBody: Uint8Array): WebhookEvent {
    const p = parseWebhookBody("xinstitute", rawBody, webhookPayload);
    return {
      provider: "xinstitute",
      // The document gives no delivery id, and its retries resend the same payload: event,
      // order and timestamp together identify one delivery.
      deliveryId: `${p.event}:${p.order_id}:${p.timestamp}`,
      kind: p.event,
      providerOrderId: p.order_id,
      trackingInfo: p.data?.tracking_info || undefined,
      shippingStatus: p.data?.shipping_status || undefined,
      at: p.timestamp,
    };
  }
}
