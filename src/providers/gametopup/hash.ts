/** gametopup's SHA-256 request hashes (document 002, "Authentication"). Pure functions. */
import { createHash } from "node:crypto";

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * Order: SHA256(api_key + ref_id + price). The document does not say how the price is written:
 * we write the product's harga (an integer) in plain decimal digits, e.g. "15000".
 */
export function orderHash(apiKey: string, refId: string, price: number | string): string {
  const p = typeof price === "number" ? integerString(price) : price;
  return sha256Hex(apiKey + refId + p);
}

/** Status check: SHA256(api_key + transaction_id). */
export function statusHash(apiKey: string, trxId: string): string {
  return sha256Hex(apiKey + trxId);
}

function integerString(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`price must be an integer, got ${n}`);
  return n.toString(10);
}
