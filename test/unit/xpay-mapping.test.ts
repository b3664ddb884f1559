import { describe, expect, it } from "vitest";
import { ProviderError } from "../../src/providers/types.js";
import { BILL_PATHS, amountToMinor, billStatus, billWire, createBillBody, toBill } from "../../src/providers/xpay/assumed-api.js";
import { envelopeText, mapXpayError } from "../../src/providers/xpay/errors.js";
import { parseXpayHint } from "../../src/providers/xpay/hints.js";
import { authResponse } from "../../src/providers/xpay/schemas.js";

describe("xpay documented shapes", () => {
  it("reads both of the document's success examples (uuid inside and outside success)", () => {
    const inside = {
      success: {
        message: "Authenticated",
        data: {
          success: true,
          expiresAt: 1783077877510,
          user: { username: "email@test.com", scopes: ["tme_user"], isAPI: true },
          ticket: "b1d4",
          access_token: "eyJhbGciO...p_Nlg",
        },
        uuid: "f862",
      },
    };
    const outside = {
      success: {
        message: "Authenticated",
        data: {
          success: true,
          expiresAt: 1728210519128,
          user: { username: "admin", scopes: ["tme_admin"], isAPI: false },
          ticket: "4a57",
          access_token: "eyJhbGciOiJIUz...XXnxw",
        },
      },
      uuid: "38e2",
    };
    for (const body of [inside, outside]) {
      const parsed = authResponse.parse(body);
      expect("success" in parsed && parsed.success.data.access_token).toMatch(/^eyJ/);
    }
    const error = authResponse.parse({ error: { message: "invalid credentials", data: { invalid: true }, tag: "6181" }, uuid: "9735" });
    expect("error" in error).toBe(true);
    expect(authResponse.safeParse({ success: { data: { access_token: "x" } } }).success).toBe(false); // no expiresAt
  });

  it("envelope text carries the message and the tag (the uuid when there is no tag)", () => {
    expect(envelopeText({ error: { message: "invalid credentials", tag: "T1" }, uuid: "U1" })).toBe("invalid credentials (tag T1)");
    expect(envelopeText({ error: { message: "nope" }, uuid: "U1" })).toBe("nope (tag U1)");
    expect(envelopeText({ message: "not an envelope" })).toBeUndefined();
  });
});

describe("xpay error mapping", () => {
  const env = { error: { message: "m", tag: "T" }, uuid: "U" };
  it.each([
    ["authenticate", 400, "auth", "auth_failed"],
    ["authenticate", 401, "auth", "auth_failed"],
    ["authenticate", 403, "auth", "auth_failed"],
    ["authenticate", 429, "rate_limited", "rate_limited"],
    ["authenticate", 503, "unavailable", "server_error"],
    ["bill_get", 401, "auth", "unauthorized"],
    ["bill_get", 403, "auth", "forbidden"],
    ["bill_get", 404, "not_found", "bill_not_found"],
    ["bill_create", 400, "rejected", "invalid_request"],
    ["bill_create", 409, "rejected", "duplicate_reference"],
    ["bill_cancel", 409, "rejected", "bill_not_cancellable"],
    ["bill_search", 409, "rejected", "conflict"],
    ["bill_create", 422, "rejected", "http_422"],
    ["bill_create", 500, "unavailable", "server_error"],
  ] as const)("%s HTTP %i → %s/%s", (endpoint, status, kind, code) => {
    const err = mapXpayError(endpoint)(status, env);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ provider: "xpay", endpoint, kind, code, httpStatus: status });
    expect(err.message).toBe(`xpay ${endpoint}: HTTP ${status}: m (tag T)`);
  });

  it("redacts what the client passes, and copes with a body that is no envelope", () => {
    const err = mapXpayError("bill_get", (t) => t.replace("sekrit-token", "[REDACTED]"))(500, { error: { message: "bad sekrit-token" } });
    expect(err.message).toBe("xpay bill_get: HTTP 500: bad [REDACTED]");
    expect(mapXpayError("bill_get")(502, undefined).message).toBe("xpay bill_get: HTTP 502");
  });
});

describe("xpay assumed billing API", () => {
  it("builds paths, escaping ids and query values", () => {
    expect(BILL_PATHS.create).toBe("/bills");
    expect(BILL_PATHS.get("a/b")).toBe("/bills/a%2Fb");
    expect(BILL_PATHS.cancel("B1")).toBe("/bills/B1/cancel");
    expect(BILL_PATHS.search({})).toBe("/bills");
    expect(BILL_PATHS.search({ reference: "dep 1&x", status: "paid" })).toBe("/bills?reference=dep+1%26x&status=paid");
  });

  it("sends whole units and reads minor units back exactly", () => {
    expect(createBillBody({ amount: 50_000, currency: "IDR", reference: "r" })).toEqual({
      amount: 50_000,
      currency: "IDR",
      reference: "r",
    });
    expect(createBillBody({ amount: 1999, currency: "USD", reference: "r", description: "d" })).toEqual({
      amount: 19.99,
      currency: "USD",
      reference: "r",
      description: "d",
    });
    expect(amountToMinor(19.99, "USD")).toBe(1999);
    expect(amountToMinor(0.1 + 0.2, "USD")).toBe(30);
    expect(amountToMinor(50_000, "IDR")).toBe(50_000);
    expect(amountToMinor(50_000.5, "IDR")).toBeUndefined();
    expect(amountToMinor(1.005, "USD")).toBeUndefined();
  });

  it("maps statuses; only the exact word paid means paid", () => {
    expect(billStatus("unpaid")).toBe("unpaid");
    expect(billStatus("PENDING")).toBe("unpaid");
    expect(billStatus(" Paid ")).toBe("paid");
    expect(billStatus("expired")).toBe("expired");
    expect(billStatus("canceled")).toBe("cancelled");
    expect(billStatus("cancelled")).toBe("cancelled");
    for (const s of ["success", "completed", "refunded", "paid_partial", ""]) expect(billStatus(s)).toBeUndefined();
  });

  const wire = (over: Record<string, unknown> = {}) =>
    billWire.parse({
      id: "B1",
      reference: "dep_1",
      amount: 50_000,
      currency: "IDR",
      status: "unpaid",
      payUrl: "https://pay.example/B1",
      paymentInstructions: "Transfer",
      expiresAt: 1_800_000_000_000,
      paidAt: null,
      createdAt: "2026-12-01T00:00:00Z",
      ...over,
    });

  it("turns a wire bill into a Bill: times as epoch ms, currency defaulted, amount exact", () => {
    expect(toBill(wire(), "IDR")).toEqual({
      ok: true,
      bill: {
        id: "B1",
        reference: "dep_1",
        amount: { amount: 50_000, currency: "IDR" },
        status: "unpaid",
        payUrl: "https://pay.example/B1",
        instructions: "Transfer",
        expiresAt: 1_800_000_000_000,
        paidAt: undefined,
        createdAt: Date.parse("2026-12-01T00:00:00Z"),
      },
    });
    expect(toBill(wire({ currency: undefined, id: 42 }), "IDR")).toMatchObject({
      ok: true,
      bill: { id: "42", amount: { currency: "IDR" } },
    });
    expect(toBill(wire({ currency: "XXX" }), "IDR")).toMatchObject({ ok: false, reason: expect.stringContaining("unknown currency") });
    expect(toBill(wire({ amount: 10.5 }), "IDR")).toMatchObject({ ok: false, reason: expect.stringContaining("not a whole number") });
    expect(toBill(wire({ status: "refunded" }), "IDR")).toMatchObject({ ok: false });
  });

  it("refuses a pay link that is not http(s), a bad date and a non-positive amount", () => {
    expect(billWire.safeParse({ ...wire(), payUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(billWire.safeParse({ ...wire(), expiresAt: "soon" }).success).toBe(false);
    expect(billWire.safeParse({ ...wire(), amount: 0 }).success).toBe(false);
  });
});

describe("xpay hints", () => {
  const enc = (v: unknown) => new TextEncoder().encode(typeof v === "string" ? v : JSON.stringify(v));

  it("reads the bill id and reference at the top level or under data, and nothing else", () => {
    expect(parseXpayHint(enc({ billId: "B1", reference: "dep_1", status: "paid", amount: 9_999_999 }))).toEqual({
      billId: "B1",
      reference: "dep_1",
    });
    expect(parseXpayHint(enc({ event: "bill.paid", data: { billId: "B2", reference: "dep_2", amount: 1 } }))).toEqual({
      billId: "B2",
      reference: "dep_2",
    });
    expect(parseXpayHint(enc({ id: 7 }))).toEqual({ billId: "7" });
    expect(parseXpayHint(JSON.stringify({ data: { reference: "dep_3" } }))).toEqual({ reference: "dep_3" });
    // One odd field does not hide the other.
    expect(parseXpayHint(enc({ billId: { nested: true }, reference: "dep_4" }))).toEqual({ reference: "dep_4" });
  });

  it("refuses what names no bill, is not JSON or not UTF-8", () => {
    for (const body of [
      enc({ status: "paid" }),
      enc([]),
      enc("null"),
      enc("not json"),
      enc({ billId: "" }),
      enc({ billId: "x".repeat(201) }),
      new Uint8Array([0xff, 0xfe, 0x7b]),
    ]) {
      let err: unknown;
      try {
        parseXpayHint(body);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ProviderError);
      expect(err).toMatchObject({ kind: "bad_response", code: "malformed_hint", endpoint: "webhook" });
    }
  });
});
