import { describe, expect, it } from "vitest";
import {
  hashApiKey,
  keyHint,
  looksLikeApiKey,
  newApiKey,
  newCallbackSecret,
  parseAllowedIps,
  randomBase62,
  sameDigest,
} from "../../src/domain/api-keys.js";
import { bodyHash } from "../../src/domain/api-orders.js";
import { signBody } from "../../src/jobs/callbacks.js";
import { makeRedactor } from "../../src/observability/logger.js";

describe("API keys", () => {
  it("are rk_live_ (rk_test_ in the sandbox) and 40 base62 characters, all different", () => {
    const keys = new Set(Array.from({ length: 200 }, () => newApiKey(false)));
    expect(keys.size).toBe(200);
    for (const k of keys) expect(k).toMatch(/^rk_live_[0-9A-Za-z]{40}$/);
    expect(newApiKey(true)).toMatch(/^rk_test_[0-9A-Za-z]{40}$/);
    expect(newCallbackSecret()).toMatch(/^whsec_[0-9A-Za-z]{40}$/);
  });

  it("uses the whole base62 alphabet", () => {
    const seen = new Set(randomBase62(5_000));
    expect(seen.size).toBe(62);
  });

  it("are recognised by shape and kept as a SHA-256, compared in constant time", () => {
    const k = newApiKey(false);
    expect(looksLikeApiKey(k)).toBe(true);
    for (const bad of ["", "rk_live_short", `Bearer ${k}`, `${k}!`, k.replace("rk_live_", "sk_live_")])
      expect(looksLikeApiKey(bad)).toBe(false);
    expect(hashApiKey(k)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(k)).not.toContain(k.slice(8));
    expect(sameDigest(hashApiKey(k), hashApiKey(k))).toBe(true);
    expect(sameDigest(hashApiKey(k), hashApiKey(`${k}x`))).toBe(false);
    expect(sameDigest("", "")).toBe(false);
    expect(sameDigest("ab", "abcd")).toBe(false);
    expect(keyHint(k)).toBe(`rk_live_…${k.slice(-4)}`);
  });

  it("reads allowed IPs from chat text", () => {
    expect(parseAllowedIps("203.0.113.0/24, 2001:db8::/32 198.51.100.1")).toEqual({
      ok: true,
      entries: ["203.0.113.0/24", "2001:db8::/32", "198.51.100.1"],
    });
    expect(parseAllowedIps("off")).toEqual({ ok: true, entries: [] });
    expect(parseAllowedIps("1.2.3.4, example.com")).toEqual({ ok: false, bad: "example.com" });
  });
});

describe("the order body's fingerprint", () => {
  it("ignores key order and an explicit default, and sees every field", () => {
    const a = bodyHash({ ref_id: "r", product_id: "p:1", player_id: "123", zone: "9" });
    expect(bodyHash({ zone: "9", player_id: "123", product_id: "p:1", ref_id: "r", quantity: 1 })).toBe(a);
    expect(bodyHash({ ref_id: "r", product_id: "p:1", player_id: "124", zone: "9" })).not.toBe(a);
    expect(bodyHash({ ref_id: "r", product_id: "p:1", player_id: "123" })).not.toBe(a);
  });
});

describe("secrets of the API in logs and callbacks", () => {
  it("redacts anything shaped like a key or a callback secret, whatever else is configured", () => {
    const key = newApiKey(false);
    const secret = newCallbackSecret();
    const redact = makeRedactor([]);
    expect(redact(`auth Bearer ${key} and ${secret}; test ${newApiKey(true)}`)).toBe(
      "auth Bearer [REDACTED] and [REDACTED]; test [REDACTED]",
    );
    expect(redact("rk_live_ is a prefix")).toBe("rk_live_ is a prefix");
  });

  it("signs the raw body as sha256=<hex HMAC-SHA256> with the callback secret", () => {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    expect(signBody("Jefe", "what do ya want for nothing?")).toBe(
      "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });
});
