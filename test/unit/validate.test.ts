import { describe, expect, it } from "vitest";
import { parseEmail, parsePlayerId, parseQuantity, parseZone } from "../../src/bot/conversations/validate.js";
import { looksLikeOrderId, newOrderId } from "../../src/domain/ids.js";

describe("chat input validation", () => {
  it("accepts player ids of letters and digits", () => {
    expect(parsePlayerId(" 12345678 ")).toBe("12345678");
    expect(parsePlayerId("ab")).toBeUndefined();
    expect(parsePlayerId("12 34")).toBeUndefined();
    expect(parsePlayerId("<script>")).toBeUndefined();
    expect(parsePlayerId("1".repeat(25))).toBeUndefined();
  });
  it("accepts zones as shown in games, brackets included", () => {
    expect(parseZone("(2001)")).toBe("2001");
    expect(parseZone("os_asia")).toBe("os_asia");
    expect(parseZone("")).toBeUndefined();
    expect(parseZone("zone 1")).toBeUndefined();
  });
  it("accepts practical e-mail addresses and lower-cases the domain", () => {
    expect(parseEmail("Buyer.One+tag@Example.COM")).toBe("Buyer.One+tag@example.com");
    for (const bad of ["plain", "a@b", "a@@b.com", ".a@b.com", "a..b@c.com", "a b@c.com", `${"x".repeat(250)}@b.com`]) {
      expect(parseEmail(bad), bad).toBeUndefined();
    }
  });
  it("accepts quantities from 1 to 10", () => {
    expect(parseQuantity("3")).toBe(3);
    expect(parseQuantity("0")).toBeUndefined();
    expect(parseQuantity("11")).toBeUndefined();
    expect(parseQuantity("2.5")).toBeUndefined();
  });
  it("makes readable, unambiguous order ids", () => {
    const ids = new Set(Array.from({ length: 1000 }, newOrderId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(looksLikeOrderId(id)).toBe(true);
    expect(looksLikeOrderId("RIL0O000000")).toBe(false);
  });
});
