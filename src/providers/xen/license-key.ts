/** Licence keys: what looks like one (for the bot), and how one goes into a URL path. Pure. */
import { ProviderError } from "../types.js";

/**
 * Assumption: the document's only example is "XS-ABC-DEF-GHI" and it states no format. A
 * plausible key is 3 to 8 groups of ASCII letters and digits (1–16 each) joined by single
 * hyphens, 8–64 characters after trimming, any case. That refuses words, sentences, URLs, paths
 * and injection attempts, and still takes other prefixes, longer groups or UUID-shaped keys.
 * Only the provider can say whether a plausible key exists.
 */
const KEY_SHAPE = /^[A-Za-z0-9]{1,16}(?:-[A-Za-z0-9]{1,16}){2,7}$/;

export function isPlausibleLicenseKey(key: unknown): boolean {
  if (typeof key !== "string") return false;
  const k = key.trim();
  return k.length >= 8 && k.length <= 64 && KEY_SHAPE.test(k);
}

/**
 * The key as one URL path segment. The adapter does not second-guess the key's format (that is
 * isPlausibleLicenseKey's job, before the call); it only refuses what no encoding makes safe:
 * nothing, "." and ".." (a URL would resolve them to another endpoint), control characters, and
 * absurd lengths.
 */
export function licenceKeySegment(key: string, endpoint: string): string {
  const k = key.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused here
  if (k === "" || k === "." || k === ".." || k.length > 128 || /[\u0000-\u001f\u007f]/.test(k)) {
    throw new ProviderError({
      provider: "xen",
      endpoint,
      kind: "rejected",
      code: "invalid_license_key",
      message: `xen ${endpoint}: not a licence key`,
    });
  }
  return encodeURIComponent(k);
}
