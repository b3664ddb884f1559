/**
 * xpay's webhook, read as a hint. The document names a webhook but gives no signature, so nothing
 * in it is trusted: it only says which bill to re-read from the API before anything is credited.
 */
import { ProviderError, type PaymentHint } from "../types.js";
import { hintBody, hintOf } from "./assumed-api.js";

export function parseXpayHint(rawBody: Uint8Array | string): PaymentHint {
  let json: unknown;
  try {
    json = JSON.parse(typeof rawBody === "string" ? rawBody : new TextDecoder("utf-8", { fatal: true }).decode(rawBody));
  } catch {
    throw malformed("body is not JSON");
  }
  const parsed = hintBody.safeParse(json);
  const hint = parsed.success ? hintOf(parsed.data) : undefined;
  if (!hint) throw malformed("names no bill");
  return hint;
}

function malformed(detail: string): ProviderError {
  return new ProviderError({
    provider: "xpay",
    endpoint: "webhook",
    kind: "bad_response",
    code: "malformed_hint",
    message: `xpay webhook: ${detail}`,
  });
}
