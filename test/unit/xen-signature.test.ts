import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { XenWebhooks, verifyXenSignature } from "../../src/providers/xen/webhooks.js";

const enc = (s: string) => new TextEncoder().encode(s);
const secret = "whsec_VOTRE_SECRET_0123456789";
const payload = JSON.stringify({
  id: "evt_1",
  event: "license.revoked",
  created_at: "2026-05-01 08:00:00",
  data: { license_key: "XS-ABC-DEF-GHI" },
});
// Computed here independently, as the document's PHP does: hash_hmac('sha256', $payload, secret).
const sig = createHmac("sha256", secret).update(payload).digest("hex");
const headers = (signature?: string) => new Headers(signature === undefined ? {} : { "X-Webhook-Signature": signature });

describe("xen webhook signature", () => {
  it("matches the public HMAC-SHA256 vector", () => {
    // HMAC_SHA256("key", "The quick brown fox jumps over the lazy dog").
    const v = "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
    expect(verifyXenSignature(enc("The quick brown fox jumps over the lazy dog"), v, "key")).toBe(true);
  });

  it("a valid signature over the exact bytes passes", () => {
    expect(verifyXenSignature(enc(payload), sig, secret)).toBe(true);
    expect(new XenWebhooks(secret).verify(enc(payload), headers(sig))).toBe(true);
  });

  it("a tampered body fails, down to one byte of whitespace", () => {
    const wh = new XenWebhooks(secret);
    expect(wh.verify(enc(payload.replace("XS-ABC-DEF-GHI", "XS-ABC-DEF-GHJ")), headers(sig))).toBe(false);
    expect(wh.verify(enc(`${payload}\n`), headers(sig))).toBe(false);
    // Re-serialising the same JSON differently changes the bytes: the raw body is what is signed.
    expect(wh.verify(enc(JSON.stringify(JSON.parse(payload), null, 1)), headers(sig))).toBe(false);
  });

  it("the wrong secret, a missing header and malformed headers fail", () => {
    const wh = new XenWebhooks(secret);
    const body = enc(payload);
    expect(wh.verify(body, headers(createHmac("sha256", "whsec_other").update(payload).digest("hex")))).toBe(false);
    expect(new XenWebhooks("whsec_other").verify(body, headers(sig))).toBe(false);
    expect(wh.verify(body, headers())).toBe(false);
    expect(wh.verify(body, headers(""))).toBe(false);
    expect(wh.verify(body, headers(sig.slice(0, 63)))).toBe(false);
    expect(wh.verify(body, headers(`${sig}0`))).toBe(false);
    expect(wh.verify(body, headers(`sha256=${sig}`))).toBe(false);
    // hash_equals in the document's receiver compares the lowercase hex exactly.
    expect(wh.verify(body, headers(sig.toUpperCase()))).toBe(false);
    expect(wh.verify(body, headers("g".repeat(64)))).toBe(false);
  });

  it("an empty secret never verifies anything", () => {
    const emptySig = createHmac("sha256", "").update(payload).digest("hex");
    expect(verifyXenSignature(enc(payload), emptySig, "")).toBe(false);
  });
});
