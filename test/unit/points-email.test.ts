import { describe, expect, it } from "vitest";
import { parseResellerEmail } from "../../src/bot/conversations/points-email.js";

describe("the reseller's e-mail for loyalty points", () => {
  it("accepts an address, trimmed and lower-cased", () => {
    expect(parseResellerEmail("  Dewi.Reseller@Example.COM ")).toBe("dewi.reseller@example.com");
    expect(parseResellerEmail("a+points@mail.example.co.id")).toBe("a+points@mail.example.co.id");
  });
  it("refuses what is not one", () => {
    for (const bad of [
      "",
      "dewi",
      "a@b",
      "two words@example.com",
      "@example.com",
      "dewi@",
      "dewi@@example.com",
      `${"x".repeat(250)}@example.com`,
    ]) {
      expect(parseResellerEmail(bad), bad).toBeUndefined();
    }
  });
});
