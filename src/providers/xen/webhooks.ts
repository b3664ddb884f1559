/** xen's signed webhooks (document 001, "Webhooks"). */
import { createHash } from "node:crypto";
import { parseWebhookBody, verifyHexHmac } from "../signed-webhooks.js";
import type { LicenceWebhookSource, XenWebhookEvent, XenWebhookKind } from "../types.js";
import { defined, money, toExtension } from "./mapping.js";
import { webhookPayload } from "./schemas.js";

export const XEN_SIGNATURE_HEADER = "x-webhook-signature";

/**
 * Constant-time check of X-Webhook-Signature: lowercase hex HMAC-SHA256 of the exact raw body
 * with the webhook secret, as the document's `hash_hmac` + `hash_equals` receiver.
 */
export function verifyXenSignature(rawBody: Uint8Array, header: string | null | undefined, secret: string): boolean {
  return verifyHexHmac(rawBody, header, secret);
}

/** Parses a verified body; throws ProviderError(bad_response) when malformed or of an unknown event. */
export function parseXenWebhook(rawBody: Uint8Array): XenWebhookEvent {
  const p = parseWebhookBody("xen", rawBody, webhookPayload);
  const d = p.data;
  return defined({
    provider: "xen" as const,
    // With no id, the exact bytes identify the delivery: a redelivery resends them unchanged.
    deliveryId: p.id !== undefined ? `id:${p.id}` : `sha256:${createHash("sha256").update(rawBody).digest("hex")}`,
    kind: (p.event ?? p.type) as XenWebhookKind,
    licenseKey: d?.license_key ?? d?.key,
    domain: d?.domain,
    orderId: d?.order_id,
    extension: toExtension(d?.extension),
    amount: money(d?.amount ?? d?.total, d?.currency),
    customerEmail: d?.customer_email ?? d?.email,
    at: p.created_at,
  });
}

export class XenWebhooks implements LicenceWebhookSource {
  constructor(private readonly secret: string) {}

  verify(rawBody: Uint8Array, headers: Headers): boolean {
    return verifyXenSignature(rawBody, headers.get(XEN_SIGNATURE_HEADER), this.secret);
  }

  parse(rawBody: Uint8Array): XenWebhookEvent {
    return parseXenWebhook(rawBody);
  }
}
