/** What the providers that sign their webhooks the same way share: HMAC-SHA256 hex over the raw bytes, JSON bodies. */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { z } from "zod";
import { ProviderError, type ProviderId } from "./types.js";

/**
 * Constant-time check of a lowercase hex HMAC-SHA256 of the exact raw body, as PHP's
 * `hash_hmac` + `hash_equals` receivers in the documents: a prefix, spaces or upper case fail.
 */
export function verifyHexHmac(rawBody: Uint8Array, header: string | null | undefined, secret: string): boolean {
  if (!secret || !header || !/^[0-9a-f]{64}$/.test(header)) return false;
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  const received = Buffer.from(header, "hex");
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** Strict UTF-8 JSON through the payload's schema; anything else is a malformed webhook (400). */
export function parseWebhookBody<T>(provider: ProviderId, rawBody: Uint8Array, schema: z.ZodType<T>): T {
  const malformed = (detail: string) =>
    new ProviderError({
      provider,
      endpoint: "webhook",
      kind: "bad_response",
      code: "malformed_webhook",
      message: `${provider} webhook: ${detail}`,
    });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
  } catch {
    throw malformed("body is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw malformed(issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "invalid payload");
  }
  return parsed.data;
}
