import { createHash, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { ipRanges, parseCidr } from "../lib/ip.js";
import type { ApiKeyRecord, ApiRecords, ApiSettings, UserRecord } from "../store/types.js";

/**
 * Reseller API keys (SPEC §8): made from `crypto`, shown once, kept only as a SHA-256. A key is
 * 238 bits of randomness, so a plain hash is enough (no password stretching): nobody can guess
 * their way to a preimage.
 */

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** Characters after the prefix: 40 × log2(62) ≈ 238 bits. */
export const KEY_RANDOM_CHARS = 40;
export const LIVE_PREFIX = "rk_live_";
export const TEST_PREFIX = "rk_test_";
export const SECRET_PREFIX = "whsec_";
const KEY_SHAPE = /^rk_(live|test)_[0-9A-Za-z]{32,128}$/;
/** Most allowed IP entries a reseller may list. */
export const MAX_ALLOWED_IPS = 20;

/** `n` base62 characters, unbiased: bytes of 248 and above are thrown away (248 = 4 × 62). */
export function randomBase62(n: number): string {
  let out = "";
  while (out.length < n) {
    for (const byte of randomBytes(n * 2)) {
      if (byte < 248 && out.length < n) out += BASE62.charAt(byte % 62);
    }
  }
  return out;
}

export const newApiKey = (sandbox: boolean) => `${sandbox ? TEST_PREFIX : LIVE_PREFIX}${randomBase62(KEY_RANDOM_CHARS)}`;
export const newCallbackSecret = () => `${SECRET_PREFIX}${randomBase62(KEY_RANDOM_CHARS)}`;
export const looksLikeApiKey = (text: string) => KEY_SHAPE.test(text);
export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");
/** What /api shows of a key: its prefix and last four characters. */
export const keyHint = (key: string) => `${key.slice(0, LIVE_PREFIX.length)}…${key.slice(-4)}`;

/** Constant-time equality of two hex digests (a lookup by hash followed by this comparison). */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

export type ApiAuth =
  | { ok: true; key: ApiKeyRecord; user: UserRecord; settings: ApiSettings }
  | { ok: false; reason: "unauthenticated" }
  | { ok: false; reason: "forbidden"; why: "status" | "ip" };

export interface ApiKeysDeps {
  api: ApiRecords;
  users: { get(id: number): Promise<UserRecord | undefined> };
  sandbox: boolean;
  now?: () => number;
}

export function createApiKeys(deps: ApiKeysDeps) {
  const { api } = deps;
  const now = deps.now ?? Date.now;

  /** A new key and callback secret, ending the reseller's live ones. Returned once, never stored as such. */
  async function issue(resellerId: number): Promise<{ key: string; secret: string; record: ApiKeyRecord }> {
    const key = newApiKey(deps.sandbox);
    const secret = newCallbackSecret();
    const record: ApiKeyRecord = {
      id: randomUUID(),
      resellerId,
      keyHash: hashApiKey(key),
      keyHint: keyHint(key),
      callbackSecret: secret,
      createdAt: now(),
    };
    await api.replaceKey(record);
    return { key, secret, record };
  }

  return {
    issue,
    revoke: (resellerId: number) => api.revokeKey(resellerId, now()),
    liveKey: (resellerId: number) => api.liveKey(resellerId),
    settings: (resellerId: number) => api.settings(resellerId),
    patchSettings: (resellerId: number, patch: Parameters<ApiRecords["patchSettings"]>[1]) => api.patchSettings(resellerId, patch),

    /**
     * Bearer key → reseller, on every request: the key (revoked or rotated: 401), then the
     * reseller's status read through the user cache that every process drops on a change (a ban
     * ends the key at once), then the allowed IPs.
     */
    async authenticate(bearer: string | undefined, ip: string | undefined): Promise<ApiAuth> {
      if (!bearer || !looksLikeApiKey(bearer)) return { ok: false, reason: "unauthenticated" };
      const digest = hashApiKey(bearer);
      const found = await api.keyWithSettings(digest);
      if (!found || found.key.revokedAt !== undefined || !sameDigest(found.key.keyHash, digest))
        return { ok: false, reason: "unauthenticated" };
      const { key, settings } = found;
      const user = await deps.users.get(key.resellerId);
      if (!user) return { ok: false, reason: "unauthenticated" };
      if (user.status !== "active") return { ok: false, reason: "forbidden", why: "status" };
      if (settings.allowedIps.length > 0 && (ip === undefined || !ipRanges(settings.allowedIps).has(ip))) {
        return { ok: false, reason: "forbidden", why: "ip" };
      }
      return { ok: true, key, user, settings };
    },
  };
}

export type ApiKeys = ReturnType<typeof createApiKeys>;

/** "1.2.3.4, 10.0.0.0/8 2001:db8::/32" → the entries, or the first bad one. "off"/"-" clears. */
export function parseAllowedIps(text: string): { ok: true; entries: string[] } | { ok: false; bad: string } {
  const words = text
    .split(/[\s,]+/)
    .map((w) => w.trim())
    .filter(Boolean);
  if (words.length === 1 && /^(off|none|-)$/i.test(words[0] ?? "")) return { ok: true, entries: [] };
  if (words.length > MAX_ALLOWED_IPS) return { ok: false, bad: words[MAX_ALLOWED_IPS] ?? "" };
  for (const w of words) if (!parseCidr(w)) return { ok: false, bad: w };
  return { ok: true, entries: words };
}
