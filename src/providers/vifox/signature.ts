/** vifox's request signature and transaction ids (document 003, "Signature Generation"). Pure. */
import { createHmac, randomInt } from "node:crypto";

/**
 * Lowercase hex HMAC-SHA256 with the API secret over METHOD + PATH + TIMESTAMP + BODY, as the
 * document's steps and every code example do (its notes' "API key + timestamp + payload" is
 * contradicted by all of them). PATH is the URL path without query string, as in the examples;
 * BODY is the exact string sent, "" when there is none.
 */
export function signVifoxRequest(secret: string, method: string, path: string, timestamp: string, body: string): string {
  return createHmac("sha256", secret)
    .update(method + path + timestamp + body, "utf8")
    .digest("hex");
}

/**
 * `{partnerName}_{10 digits}`, e.g. "aron_7690567345". `random` returns a number in [0, 1)
 * (tests); by default the digits come from the crypto RNG. The first digit is never 0, so the
 * number keeps ten digits whatever the receiver parses it as.
 */
export function newVifoxTransactionId(partnerName: string, random?: () => number): string {
  assertPartnerName(partnerName);
  const n = random ? 1_000_000_000 + Math.floor(random() * 9_000_000_000) : randomInt(1_000_000_000, 10_000_000_000);
  if (!Number.isInteger(n) || n < 1_000_000_000 || n > 9_999_999_999) throw new RangeError("random() must return a number in [0, 1)");
  return `${partnerName}_${n}`;
}

/** True when `id` has the documented shape for this partner. */
export function isVifoxTransactionId(id: string, partnerName: string): boolean {
  return id.length === partnerName.length + 11 && id.startsWith(`${partnerName}_`) && /^\d{10}$/.test(id.slice(partnerName.length + 1));
}

/** Printable ASCII without spaces: it travels in a header. */
export function assertPartnerName(partnerName: string): void {
  if (!/^[\x21-\x7e]+$/.test(partnerName)) throw new RangeError("vifox partner name must be printable ASCII without spaces");
}
