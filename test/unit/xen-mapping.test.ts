import { describe, expect, it } from "vitest";
import { ProviderError } from "../../src/providers/types.js";
import { apiRoot } from "../../src/providers/xen/client.js";
import { mapXenError } from "../../src/providers/xen/errors.js";
import { isPlausibleLicenseKey, licenceKeySegment } from "../../src/providers/xen/license-key.js";
import { licenceState, toLicence, toOrder } from "../../src/providers/xen/mapping.js";
import { licenceItemSchema, orderItemSchema, xenTimeToIso } from "../../src/providers/xen/schemas.js";

describe("isPlausibleLicenseKey", () => {
  it("takes the document's key and reasonable variants", () => {
    for (const k of [
      "XS-ABC-DEF-GHI",
      " XS-ABC-DEF-GHI\n",
      "xs-abc-def-ghi",
      "XS-7F3K-9QWE-ZZ12-0001",
      "550e8400-e29b-41d4-a716-446655440000",
      "AB-CD-EFGH",
    ]) {
      expect(isPlausibleLicenseKey(k), k).toBe(true);
    }
  });

  it("refuses garbage without calling anyone", () => {
    const garbage = [
      "",
      "   ",
      "hello",
      "XS-ABC",
      "XS ABC DEF GHI",
      "XS--ABC-DEF",
      "-XS-ABC-DEF",
      "XS-ABC-DEF-",
      "XS_ABC_DEF_GHI",
      "XS-ABC-DEF-GHI/heartbeat",
      "../../me",
      "https://xen-support.com/api/v1/licenses/XS-ABC-DEF-GHI",
      "XS-ABC-DEF-GHI?x=1",
      "XS-ÄBC-DEF-GHI",
      "XS-ABC-DEF-GHI'; DROP TABLE licenses;--",
      "A-B-C",
      `XS-${"A".repeat(17)}-DEF`,
      Array.from({ length: 9 }, () => "AB").join("-"),
      `XS-${Array.from({ length: 7 }, () => "ABCDEFGH").join("-")}`,
    ];
    for (const k of garbage) expect(isPlausibleLicenseKey(k), k).toBe(false);
    expect(isPlausibleLicenseKey(undefined)).toBe(false);
    expect(isPlausibleLicenseKey(12345678)).toBe(false);
  });
});

describe("licenceKeySegment", () => {
  it("percent-encodes whatever would change the path", () => {
    expect(licenceKeySegment("XS-ABC-DEF-GHI", "license")).toBe("XS-ABC-DEF-GHI");
    expect(licenceKeySegment("a/b?c#d e%", "license")).toBe("a%2Fb%3Fc%23d%20e%25");
  });

  it("refuses what no encoding makes safe", () => {
    for (const k of ["", "  ", ".", "..", "a\nb", "x".repeat(129)]) {
      expect(() => licenceKeySegment(k, "license"), JSON.stringify(k)).toThrow(ProviderError);
    }
    try {
      licenceKeySegment("..", "heartbeat");
    } catch (e) {
      expect(e).toMatchObject({ kind: "rejected", code: "invalid_license_key", endpoint: "heartbeat" });
    }
  });
});

describe("licenceState", () => {
  it("maps the document's flags, revoked first, then expired", () => {
    expect(licenceState({ valid: true, revoked: false, expired: false })).toBe("valid");
    expect(licenceState({ valid: false, revoked: true, expired: false })).toBe("revoked");
    expect(licenceState({ valid: false, revoked: false, expired: true })).toBe("expired");
    expect(licenceState({ valid: false, revoked: true, expired: true })).toBe("revoked");
    expect(licenceState({ valid: false, revoked: false, expired: false })).toBe("invalid");
    // Contradictory flags never read as valid.
    expect(licenceState({ valid: true, revoked: true, expired: false })).toBe("revoked");
  });

  it("falls back to a status word, else says nothing", () => {
    expect(licenceState({ status: "Active" })).toBe("valid");
    expect(licenceState({ status: "expired" })).toBe("expired");
    expect(licenceState({ status: "pending" })).toBeUndefined();
    expect(licenceState({})).toBeUndefined();
  });
});

describe("xenTimeToIso", () => {
  it("reads the document's zone-less format as UTC", () => {
    expect(xenTimeToIso("2027-01-15 10:32:11")).toBe("2027-01-15T10:32:11.000Z");
    expect(xenTimeToIso("2027-01-15T10:32:11")).toBe("2027-01-15T10:32:11.000Z");
    expect(xenTimeToIso("2027-01-15T10:32:11+02:00")).toBe("2027-01-15T08:32:11.000Z");
  });

  it("drops what it cannot read", () => {
    expect(xenTimeToIso("soon")).toBeUndefined();
    expect(xenTimeToIso("")).toBeUndefined();
    expect(xenTimeToIso(null)).toBeUndefined();
  });
});

describe("list items", () => {
  it("a licence item without a key is skipped; license_key is accepted", () => {
    expect(toLicence(licenceItemSchema.parse({ valid: true }))).toBeUndefined();
    expect(toLicence(licenceItemSchema.parse({ license_key: "XS-A-B-C", status: "revoked", verify_count: 3 }))).toEqual({
      key: "XS-A-B-C",
      state: "revoked",
      verifyCount: 3,
    });
  });

  it("an order's amount becomes integer minor units only with a known currency", () => {
    expect(toOrder(orderItemSchema.parse({ id: 1, total: 19.99, currency: "USD" })).amount).toEqual({ amount: 1999, currency: "USD" });
    expect(toOrder(orderItemSchema.parse({ id: 1, total: 19.99 })).amount).toBeUndefined();
    expect(toOrder(orderItemSchema.parse({ id: "A1", amount: 100, currency: "ZZZ" }))).toEqual({ id: "A1" });
  });
});

describe("mapXenError", () => {
  const body = (code: string, message = "m") => ({ error: { code, message } });
  const map = (status: number, b: unknown) => mapXenError("me")(status, b);

  it("types every documented code", () => {
    expect(map(401, body("missing_authorization"))).toMatchObject({ kind: "auth", code: "missing_authorization", httpStatus: 401 });
    expect(map(401, body("invalid_token"))).toMatchObject({ kind: "auth", code: "invalid_token" });
    expect(map(403, body("insufficient_scope"))).toMatchObject({ kind: "auth", code: "insufficient_scope" });
    expect(map(429, body("rate_limited"))).toMatchObject({ kind: "rate_limited", code: "rate_limited" });
    expect(map(404, body("license_not_found", "License key not found."))).toMatchObject({
      kind: "not_found",
      code: "license_not_found",
      message: "xen me: HTTP 404: License key not found.",
    });
    const mismatch = map(403, body("domain_mismatch"));
    expect(mismatch).toMatchObject({ kind: "rejected", code: "domain_mismatch" });
    expect(mismatch.definite).toBe(true);
  });

  it("the code decides, not the status, for documented codes", () => {
    // A 404 that is not license_not_found is not a missing licence.
    expect(map(404, body("not_found"))).toMatchObject({ kind: "not_found", code: "not_found" });
    expect(map(400, body("license_not_found"))).toMatchObject({ kind: "not_found", code: "license_not_found" });
  });

  it("falls back to the status: 5xx is unavailable whatever the body, unreadable bodies too", () => {
    expect(map(500, body("license_not_found"))).toMatchObject({ kind: "unavailable", code: "server_error" });
    expect(map(503, undefined)).toMatchObject({ kind: "unavailable", code: "server_error" });
    expect(map(401, undefined)).toMatchObject({ kind: "auth", code: "unauthorized" });
    expect(map(422, body("Weird Code!"))).toMatchObject({ kind: "rejected", code: "http_422" });
    expect(map(422, body("validation_failed"))).toMatchObject({ kind: "rejected", code: "validation_failed" });
  });
});

describe("apiRoot", () => {
  it("appends /api/v1 to the host, once", () => {
    expect(apiRoot("https://xen-support.com")).toBe("https://xen-support.com/api/v1");
    expect(apiRoot("https://xen-support.com/")).toBe("https://xen-support.com/api/v1");
    expect(apiRoot("https://xen-support.com/api/v1/")).toBe("https://xen-support.com/api/v1");
  });
});
