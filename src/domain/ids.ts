import { randomBytes } from "node:crypto";

// Crockford base32 without I, L, O, U: unambiguous when a reseller reads an id aloud or retypes it.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Our order id, e.g. R7KQ2M9XD4T: short, readable, 50 random bits; uniqueness is enforced on create. */
export function newOrderId(): string {
  const bytes = randomBytes(10);
  let out = "R";
  for (let i = 0; i < 10; i++) out += ALPHABET[bytes[i]! % 32];
  return out;
}

export function looksLikeOrderId(text: string): boolean {
  return /^R[0-9A-HJKMNP-TV-Z]{10}$/.test(text);
}
