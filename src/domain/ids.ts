import { randomBytes } from "node:crypto";

// Crockford base32 without I, L, O, U: unambiguous when a reseller reads an id aloud or retypes it.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Our ids: a letter for the kind (R order, D deposit, B bulk batch, T transfer deposit) and 10 random characters (50 bits); uniqueness is enforced on create. */
export type IdKind = "R" | "D" | "B" | "T";

export function newId(kind: IdKind): string {
  let out: string = kind;
  for (const byte of randomBytes(10)) out += ALPHABET.charAt(byte % 32);
  return out;
}

export function looksLikeId(kind: IdKind, text: string): boolean {
  return text.length === 11 && text[0] === kind && /^[0-9A-HJKMNP-TV-Z]{10}$/.test(text.slice(1));
}

/** Our order id, e.g. R7KQ2M9XD4T. */
export const newOrderId = () => newId("R");
export const looksLikeOrderId = (text: string) => looksLikeId("R", text);
