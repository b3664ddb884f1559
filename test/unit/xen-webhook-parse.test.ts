import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ProviderError, type XenWebhookKind } from "../../src/providers/types.js";
import { parseXenWebhook } from "../../src/providers/xen/webhooks.js";

const enc = (s: string) => new TextEncoder().encode(s);
const parse = (o: unknown) => parseXenWebhook(enc(JSON.stringify(o)));
const teams = { name: "Teams", slug: "extension", version: "1.0.0" };

function thrown(body: Uint8Array): unknown {
  try {
    parseXenWebhook(body);
  } catch (e) {
    return e;
  }
  return undefined;
}

describe("parseXenWebhook: the seven events", () => {
  it("license.activated", () => {
    const ev = parse({
      id: "evt_1",
      event: "license.activated",
      created_at: "2026-05-01 08:00:00",
      data: { license_key: "XS-ABC-DEF-GHI", domain: "forum.example.com", extension: teams },
    });
    expect(ev).toEqual({
      provider: "xen",
      deliveryId: "id:evt_1",
      kind: "license.activated",
      licenseKey: "XS-ABC-DEF-GHI",
      domain: "forum.example.com",
      extension: teams,
      at: "2026-05-01T08:00:00.000Z",
    });
  });

  it("license.revoked", () => {
    expect(parse({ id: 7, event: "license.revoked", data: { license_key: "XS-REV-OKE-D01" } })).toEqual({
      provider: "xen",
      deliveryId: "id:7",
      kind: "license.revoked",
      licenseKey: "XS-REV-OKE-D01",
    });
  });

  it("license.domain_changed carries the new domain", () => {
    const ev = parse({
      id: "e3",
      event: "license.domain_changed",
      data: { license_key: "XS-ABC-DEF-GHI", domain: "new.example.com", previous_domain: "forum.example.com" },
    });
    expect(ev).toMatchObject({ kind: "license.domain_changed", licenseKey: "XS-ABC-DEF-GHI", domain: "new.example.com" });
  });

  it("order.paid: amount to integer minor units, extension, customer", () => {
    const ev = parse({
      id: "e4",
      event: "order.paid",
      data: {
        order_id: 1003,
        license_key: "XS-NEW-KEY-001",
        extension: teams,
        amount: 49.9,
        currency: "eur",
        customer_email: "buyer@example.com",
      },
    });
    expect(ev).toMatchObject({
      kind: "order.paid",
      orderId: "1003",
      licenseKey: "XS-NEW-KEY-001",
      amount: { amount: 4990, currency: "EUR" },
      customerEmail: "buyer@example.com",
      extension: teams,
    });
  });

  it("order.refunded reads `total` and a numeric string; an unknown currency leaves no amount", () => {
    expect(parse({ id: "e5", event: "order.refunded", data: { order_id: "1002", total: "29.90", currency: "EUR" } })).toMatchObject({
      kind: "order.refunded",
      orderId: "1002",
      amount: { amount: 2990, currency: "EUR" },
    });
    expect(parse({ id: "e5b", event: "order.refunded", data: { order_id: "1002", total: 29.9, currency: "XXX" } }).amount).toBeUndefined();
  });

  it("subscription.created with the `type` name and an extension slug", () => {
    const ev = parse({ id: "e6", type: "subscription.created", data: { extension: "resource-manager-pro", email: "sub@example.com" } });
    expect(ev).toMatchObject({
      kind: "subscription.created",
      extension: { name: "resource-manager-pro", slug: "resource-manager-pro" },
      customerEmail: "sub@example.com",
    });
  });

  it("subscription.canceled with no data at all", () => {
    expect(parse({ id: "e7", event: "subscription.canceled" })).toEqual({
      provider: "xen",
      deliveryId: "id:e7",
      kind: "subscription.canceled",
    });
  });

  it("covers exactly the document's seven names", () => {
    const kinds: XenWebhookKind[] = [
      "license.activated",
      "license.revoked",
      "license.domain_changed",
      "order.paid",
      "order.refunded",
      "subscription.created",
      "subscription.canceled",
    ];
    for (const kind of kinds) expect(parse({ event: kind, data: {} }).kind).toBe(kind);
  });
});

describe("parseXenWebhook: delivery id", () => {
  it("without an id, the SHA-256 of the raw bytes: the same bytes give the same id", () => {
    const raw = JSON.stringify({ event: "license.revoked", data: { license_key: "XS-ABC-DEF-GHI" } });
    const ev = parseXenWebhook(enc(raw));
    expect(ev.deliveryId).toBe(`sha256:${createHash("sha256").update(raw).digest("hex")}`);
    expect(parseXenWebhook(enc(raw)).deliveryId).toBe(ev.deliveryId);
    // Another delivery (other bytes) is another id.
    expect(parseXenWebhook(enc(raw.replace("GHI", "GHJ"))).deliveryId).not.toBe(ev.deliveryId);
  });

  it("an id field wins over the bytes: a redelivery with a new timestamp keeps its id", () => {
    const a = parse({ id: "evt_9", event: "order.paid", created_at: "2026-05-01 08:00:00", data: { order_id: 1 } });
    const b = parse({ id: "evt_9", event: "order.paid", created_at: "2026-05-01 08:01:00", data: { order_id: 1 } });
    expect(a.deliveryId).toBe(b.deliveryId);
  });
});

describe("parseXenWebhook: malformed bodies", () => {
  const bad: Array<[string, Uint8Array]> = [
    ["not JSON", enc("not json")],
    ["truncated JSON", enc('{"event":"order.paid"')],
    ["not UTF-8", new Uint8Array([0xff, 0xfe, 0x7b])],
    ["an array", enc("[]")],
    ["null", enc("null")],
    ["no event name", enc(JSON.stringify({ id: "x", data: {} }))],
    ["an unknown event", enc(JSON.stringify({ event: "license.exploded", data: {} }))],
    ["a near-miss spelling", enc(JSON.stringify({ event: "subscription.cancelled", data: {} }))],
    ["event and type disagree", enc(JSON.stringify({ event: "order.paid", type: "order.refunded" }))],
    ["a non-string event", enc(JSON.stringify({ event: 42 }))],
    ["data of the wrong type", enc(JSON.stringify({ event: "order.paid", data: "paid" }))],
    ["a negative amount", enc(JSON.stringify({ event: "order.paid", data: { amount: -5, currency: "EUR" } }))],
  ];
  for (const [name, body] of bad) {
    it(`throws bad_response: ${name}`, () => {
      const err = thrown(body);
      expect(err).toBeInstanceOf(ProviderError);
      expect(err).toMatchObject({ provider: "xen", kind: "bad_response", code: "malformed_webhook", endpoint: "webhook" });
    });
  }
});
