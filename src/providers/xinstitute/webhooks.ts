/** xinstitute's signed webhooks (document 000, "Webhook Guide"). */
import { createHmac, timingSafeEqual } from "node:crypto";
import { ProviderError, type WebhookEvent, type WebhookSource } from "../types.js";
import { webhookPayload } from "./schemas.js";

export const SIGNATURE_HEADER = "x-webhook-signature";

/** Lowercase hex HMAC-SHA256 of the raw body, as the document's `hash_hmac('sha256', …)`. */
export function signXinstituteWebhook(rawBody: Uint8Array | string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody).digest("hex");
}

/** Constant-time check of a received signature against the raw bytes. */
export function verifyXinstituteSignature(rawBody: Uint8Array, signature: string | null | undefined, secret: string): boolean {
  // The document's receiver compares with hash_equals against lowercase hex: so do we.
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const received = Buffer.from(signature, "hex");
  return received.length === expected.length && timingSafeEqual(received, expected);
}

export class XinstituteWebhooks implements WebhookSource {
  constructor(private readonly secret: string) {}

  verify(rawBody: Uint8Array, headers: Headers): boolean {
    return verifyXinstituteSignature(rawBody, headers.get(SIGNATURE_HEADER), this.secret);
  }

  parse(rawBody: Uint8Array): WebhookEvent {
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
    } catch {
      throw malformed("body is not JSON");
    }
    const parsed = webhookPayload.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw malformed(issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "invalid payload");
    }
    const p = parsed.data;
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

function malformed(detail: string): ProviderError {
  return new ProviderError({ provider: "xinstitute", endpoint: "webhook", kind: "bad_response", code: "malformed_webhook", message: `xinstitute webhook: ${detail}` });
}
