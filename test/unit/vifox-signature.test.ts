import { describe, expect, it } from "vitest";
import { isVifoxTransactionId, newVifoxTransactionId, signVifoxRequest } from "../../src/providers/vifox/signature.js";

// Expected values computed outside this code: printf '%s' "$s" | openssl dgst -sha256 -hmac YOUR_SECRET_KEY
const SECRET = "YOUR_SECRET_KEY";
const TS = "1756358967";

describe("vifox request signature", () => {
  it("signs METHOD + PATH + TIMESTAMP + BODY with the secret, as the document's examples", () => {
    const body = JSON.stringify({ users: [{ email: "user1@example.com" }, { email: "user2@example.com" }] });
    expect(body).toBe('{"users":[{"email":"user1@example.com"},{"email":"user2@example.com"}]}');
    expect(signVifoxRequest(SECRET, "POST", "/api/v1/partners/users", TS, body)).toBe(
      "f33a7458087dd868527fbe5faa3528313be3596ed1808ba49bd1be5c35f3f57b",
    );
  });

  it("signs an empty body as nothing (the pool and bodyless user-points examples)", () => {
    expect(signVifoxRequest(SECRET, "POST", "/api/v1/partners/remaining-liquidity-pool", TS, "")).toBe(
      "a7bfa6244b637a7ed7d96c1143c3a6ba48afb4b2df766eae889555810a8f2de5",
    );
  });

  it("signs the exact bytes: Python's json.dumps spacing gives its own signature", () => {
    const spaced = '{"email": "alice@example.com"}';
    expect(signVifoxRequest(SECRET, "POST", "/api/v1/partners/user-info", TS, spaced)).toBe(
      "6828dd6b5250efcd8341a528cab55d2353dfda00cf69aa9f06be0bba6b3107eb",
    );
    expect(signVifoxRequest(SECRET, "POST", "/api/v1/partners/user-info", TS, '{"email":"alice@example.com"}')).not.toBe(
      "6828dd6b5250efcd8341a528cab55d2353dfda00cf69aa9f06be0bba6b3107eb",
    );
  });

  it("changes with every part and with the secret", () => {
    const base = signVifoxRequest(SECRET, "POST", "/p", TS, "{}");
    expect(signVifoxRequest(SECRET, "GET", "/p", TS, "{}")).not.toBe(base);
    expect(signVifoxRequest(SECRET, "POST", "/q", TS, "{}")).not.toBe(base);
    expect(signVifoxRequest(SECRET, "POST", "/p", "1756358968", "{}")).not.toBe(base);
    expect(signVifoxRequest(SECRET, "POST", "/p", TS, "{ }")).not.toBe(base);
    expect(signVifoxRequest("other", "POST", "/p", TS, "{}")).not.toBe(base);
    expect(base).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("vifox transaction ids", () => {
  it("is {partnerName}_{10 digits}", () => {
    expect(newVifoxTransactionId("aron")).toMatch(/^aron_[1-9]\d{9}$/);
    expect(newVifoxTransactionId("aron", () => 0)).toBe("aron_1000000000");
    expect(newVifoxTransactionId("aron", () => 0.999999999999)).toBe("aron_9999999999");
    expect(newVifoxTransactionId("aron", () => 0.5)).toBe("aron_5500000000");
  });

  it("differs between calls", () => {
    const ids = new Set(Array.from({ length: 200 }, () => newVifoxTransactionId("aron")));
    expect(ids.size).toBe(200);
  });

  it("refuses a bad partner name or a random() out of range", () => {
    expect(() => newVifoxTransactionId("")).toThrow(RangeError);
    expect(() => newVifoxTransactionId("my partner")).toThrow(RangeError);
    expect(() => newVifoxTransactionId("aron", () => 1)).toThrow(RangeError);
  });

  it("checks the documented shape for one partner", () => {
    expect(isVifoxTransactionId("aron_7690567345", "aron")).toBe(true);
    expect(isVifoxTransactionId("aron_769056734", "aron")).toBe(false);
    expect(isVifoxTransactionId("aron_76905673451", "aron")).toBe(false);
    expect(isVifoxTransactionId("aron_769056734a", "aron")).toBe(false);
    expect(isVifoxTransactionId("bob_7690567345", "aron")).toBe(false);
    expect(isVifoxTransactionId("aron7690567345", "aron")).toBe(false);
    expect(isVifoxTransactionId("a.b_7690567345", "a.b")).toBe(true);
    expect(isVifoxTransactionId("axb_7690567345", "a.b")).toBe(false);
  });
});
