import { describe, expect, it } from "vitest";
import { awardOutcome } from "../../src/providers/vifox/client.js";
import { mapVifoxError } from "../../src/providers/vifox/errors.js";
import {
  awardItem,
  liquidityPoolResponse,
  pointsResponse,
  userInfoResponse,
  userPointsResponse,
  usersResponse,
  wholePoints,
} from "../../src/providers/vifox/schemas.js";

// Parsed as the client parses it: the number 8789 becomes the text "8789".
const item = (status: number, message: string) =>
  awardItem.parse({ status, email: "a@example.com", external_transaction_id: 8789, message });

describe("vifox per-user award statuses", () => {
  it("maps the document's table, 403 told apart by its message", () => {
    expect(awardOutcome(item(200, "success"))).toEqual({
      email: "a@example.com",
      externalId: "8789",
      message: "success",
      status: "awarded",
    });
    expect(awardOutcome(item(403, "Insufficient liquidity pool")).status).toBe("insufficient_pool");
    expect(awardOutcome(item(403, "Insufficient user's point")).status).toBe("insufficient_user_points");
    expect(awardOutcome(item(404, "Not registered user")).status).toBe("not_registered");
    expect(awardOutcome(item(429, "Reached the limit of user's point")).status).toBe("user_limit_reached");
    expect(awardOutcome(item(403, "Something else"))).toMatchObject({ status: "other", code: 403 });
    expect(awardOutcome(item(500, "Oops"))).toMatchObject({ status: "other", code: 500 });
  });
});

describe("vifox error answers", () => {
  const map = (endpoint: string, status: number, body: unknown) => mapVifoxError(endpoint)(status, body);

  it("reads answer everything with 405: the message decides", () => {
    expect(map("user-info", 405, { message: "Invalid signature" })).toMatchObject({
      kind: "auth",
      code: "invalid_signature",
      httpStatus: 405,
    });
    expect(map("user-info", 405, { message: "Invalid partner" })).toMatchObject({ kind: "auth", code: "invalid_partner" });
    expect(map("user-info", 405, { message: "Request expired" })).toMatchObject({ kind: "rejected", code: "request_expired" });
    expect(map("points", 405, { message: "Reached the limit of request" })).toMatchObject({ kind: "rate_limited", code: "rate_limited" });
  });

  it("writes' 406-410 mean one thing each, with or without a message", () => {
    expect(map("users", 406, { message: "Invalid partner" })).toMatchObject({ kind: "auth", code: "invalid_partner" });
    expect(map("users", 407, { message: "Request expired" })).toMatchObject({ kind: "rejected", code: "request_expired", httpStatus: 407 });
    expect(map("users", 407, undefined)).toMatchObject({ kind: "rejected", code: "request_expired" });
    expect(map("users", 408, { message: "Missing authentication headers" })).toMatchObject({ kind: "auth", code: "missing_headers" });
    expect(map("users", 409, undefined)).toMatchObject({ kind: "rejected", code: "missing_transaction_id" });
    expect(map("users", 410, { message: "Duplicate transaction ID" })).toMatchObject({ kind: "rejected", code: "duplicate_transaction" });
    expect(map("users", 407, undefined).definite).toBe(true);
  });

  it("422 keeps the field messages; a 405 with an unknown message stays a plain refusal", () => {
    const e = map("user-info", 422, { message: "The selected email is invalid.", errors: { email: ["The selected email is invalid."] } });
    expect(e).toMatchObject({ kind: "rejected", code: "validation_failed", httpStatus: 422 });
    expect(e.message).toBe("vifox user-info: HTTP 422: The selected email is invalid. (email: The selected email is invalid.)");
    expect(map("user-info", 405, { message: "Nope" })).toMatchObject({ kind: "rejected", code: "http_405" });
  });

  it("a 5xx is never certain, whatever its text", () => {
    const e = map("points", 502, { message: "Invalid signature" });
    expect(e).toMatchObject({ kind: "unavailable", code: "server_error" });
    expect(e.definite).toBe(false);
  });
});

describe("vifox schemas", () => {
  it("points are whole numbers, given as text or number", () => {
    expect(wholePoints.parse("212")).toBe(212);
    expect(wholePoints.parse(-50)).toBe(-50);
    expect(wholePoints.safeParse("12.5").success).toBe(false);
    expect(wholePoints.safeParse(1.5).success).toBe(false);
    expect(wholePoints.safeParse("").success).toBe(false);
    expect(wholePoints.safeParse("99999999999999999999").success).toBe(false);
  });

  it("reads the document's example bodies", () => {
    expect(usersResponse.parse({ status: 200, data: { message: "Users have been created", oldUsers: ["a@example.com"] } })).toEqual({
      kind: "created",
      existingEmails: ["a@example.com"],
    });
    expect(usersResponse.parse({ message: "Duplicate transaction ID" })).toEqual({ kind: "duplicate" });
    expect(pointsResponse.parse({ message: "Duplicate transaction ID" })).toEqual({ kind: "duplicate" });
    expect(pointsResponse.safeParse({ message: "Something else" }).success).toBe(false);
    expect(userPointsResponse.parse({ status: 404, data: { status: 404, message: "No data" } })).toEqual([]);
    expect(
      userPointsResponse.parse({
        status: 200,
        data: [{ status: 404, point: null, email: "x@example.com", message: "Invalid User", history: [] }],
      }),
    ).toHaveLength(1);
    expect(userInfoResponse.parse({ status: 404, data: { message: "User not found" } })).toEqual({ found: false });
    expect(liquidityPoolResponse.parse({ status: 200, data: { liquidity_pool: "3700", rate: 0.2 } }).data).toEqual({
      liquidity_pool: 3700,
      rate: 0.2,
    });
  });
});
