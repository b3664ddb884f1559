import { randomBytes, randomInt } from "node:crypto";

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** `n` characters from `alphabet` (default A–Z 0–9). */
export function randomCode(n: number, alphabet = UPPER_ALNUM): string {
  let out = "";
  for (let i = 0; i < n; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A fresh secret for the sandbox's credentials: 32 random bytes, hex. */
export function randomSecret(): string {
  return randomBytes(32).toString("hex");
}
