import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { orderHash, statusHash } from "../../src/providers/gametopup/hash.js";

const sha256 = (s: string) => createHash("sha256").update(s, "utf8").digest("hex");

describe("gametopup hashes", () => {
  it("order hash is SHA256(api_key + ref_id + price), lowercase hex", () => {
    // FIPS 180-2 vector: SHA256("abc").
    expect(orderHash("a", "b", "c")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(orderHash("key123", "REF_123456789", 15000)).toBe(sha256("key123REF_12345678915000"));
    expect(orderHash("key123", "REF_123456789", "15000")).toBe(orderHash("key123", "REF_123456789", 15000));
    expect(orderHash("k", "r", 1)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("price is written as plain integer digits", () => {
    expect(orderHash("k", "r", 1_000_000)).toBe(sha256("kr1000000"));
    expect(() => orderHash("k", "r", 150.5)).toThrow(RangeError);
  });

  it("status hash is SHA256(api_key + transaction_id)", () => {
    expect(statusHash("key123", "TRX_123456789")).toBe(sha256("key123TRX_123456789"));
    expect(statusHash("", "abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("an order hash differs from the status hash of the same key and id once a price is in it", () => {
    expect(orderHash("k", "INV-1", 1)).not.toBe(statusHash("k", "INV-1"));
    expect(orderHash("k", "INV-1", 15000)).not.toBe(orderHash("k", "INV-1", 15001));
    expect(orderHash("k", "INV-1", 15000)).not.toBe(orderHash("k", "INV-2", 15000));
    // The two formulas are one concatenation apart: with an empty price they coincide.
    expect(orderHash("k", "INV-1", "")).toBe(statusHash("k", "INV-1"));
  });
});
