import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ProviderError } from "../../src/providers/types.js";
import { XinstituteWebhooks, signXinstituteWebhook, verifyXinstituteSignature } from "../../src/providers/xinstitute/webhooks.js";

const enc = (s: string) => new TextEncoder().encode(s);
const secret = "whsec_test_0123456789";
const payload = JSON.stringify({
  event: "shipped",
  order_id: "XIREO123451746789012",
  timestamp: "2026-05-13T15:00:00+06:30",
  data: { tracking_info: "TRACK123456", shipping_status: "In Transit", customer_data: { email: "customer@example.com" } },
});
const sig = createHmac("sha256", secret).update(payload).digest("hex");
const headers = (signature?: string) => new Headers(signature === undefined ? {} : { "X-Webhook-Signature": signature });

describe("xinstitute webhook signature", () => {
  it("matches HMAC-SHA256 known vectors", () => {
    // RFC-style public vector: HMAC_SHA256("key", "The quick brown fox jumps over the lazy dog").
    expect(signXinstituteWebhook("The quick brown fox jumps over the lazy dog", "key")).toBe(
      "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
    );
    expect(signXinstituteWebhook(enc(payload), secret)).toBe(sig);
  });

  it("accepts the right signature over the exact bytes", () => {
    const wh = new XinstituteWebhooks(secret);
    expect(wh.verify(enc(payload), headers(sig))).toBe(true);
    expect(verifyXinstituteSignature(enc(payload), sig, secret)).toBe(true);
  });

  it("refuses missing, wrong, truncated, non-hex, upper-case and other-secret signatures", () => {
    const wh = new XinstituteWebhooks(secret);
    const body = enc(payload);
    expect(wh.verify(body, headers())).toBe(false);
    expect(wh.verify(body, headers(""))).toBe(false);
    expect(wh.verify(body, headers(sig.slice(0, 63)))).toBe(false);
    expect(wh.verify(body, headers(`${sig}00`))).toBe(false);
    expect(wh.verify(body, headers("z".repeat(64)))).toBe(false);
    expect(wh.verify(body, headers(sig.toUpperCase()))).toBe(false);
    expect(wh.verify(body, headers(`sha256=${sig}`))).toBe(false);
    expect(wh.verify(body, headers(createHmac("sha256", "other").update(payload).digest("hex")))).toBe(false);
    // One byte changed (whitespace) breaks it: the raw bytes are what is signed.
    expect(wh.verify(enc(`${payload} `), headers(sig))).toBe(false);
    expect(wh.verify(enc(payload.replace("TRACK123456", "TRACK123457")), headers(sig))).toBe(false);
  });

  it("parses a verified delivery into a WebhookEvent with a stable delivery id", () => {
    const ev = new XinstituteWebhooks(secret).parse(enc(payload));
    expect(ev).toEqual({
      provider: "xinstitute",
      deliveryId: "shipped:XIREO123451746789012:2026-05-13T15:00:00+06:30",
      kind: "shipped",
      providerOrderId: "XIREO123451746789012",
      trackingInfo: "TRACK123456",
      shippingStatus: "In Transit",
      at: "2026-05-13T15:00:00+06:30",
    });
  });

  it("parses cancelled and failed_delivery events with sparse data", () => {
    const wh = new XinstituteWebhooks(secret);
    const c = wh.parse(enc(JSON.stringify({ event: "cancelled", order_id: "X1", timestamp: "t", data: { tracking_info: null } })));
    expect(c).toMatchObject({ kind: "cancelled", providerOrderId: "X1", trackingInfo: undefined });
    const f = wh.parse(enc(JSON.stringify({ event: "failed_delivery", order_id: "X2", timestamp: "t" })));
    expect(f.kind).toBe("failed_delivery");
  });

  it("throws bad_response for malformed bodies", () => {
    const wh = new XinstituteWebhooks(secret);
    const bad = [
      "not json",
      "[]",
      JSON.stringify({ event: "refunded", order_id: "X", timestamp: "t", data: {} }),
      JSON.stringify({ event: "shipped", timestamp: "t", data: {} }),
      JSON.stringify({ event: "shipped", order_id: "", timestamp: "t" }),
      JSON.stringify({ event: "shipped", order_id: "X" }),
    ];
    for (const body of bad) {
      const err = (() => {
        try {
          wh.parse(enc(body));
        } catch (e) {
          return e;
        }
      })();
      expect(err, body).toBeInstanceOf(ProviderError);
      expect((err as ProviderError).kind).toBe("bad_response");
    }
    expect(() => wh.parse(new Uint8Array([0xff, 0xfe, 0x7b]))).toThrow(ProviderError);
  });
});
