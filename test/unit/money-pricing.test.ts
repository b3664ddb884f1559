import { describe, expect, it } from "vitest";
import { salePrice, times } from "../../src/domain/pricing.js";
import { decimalToMinorCeil, formatMoney, parseMajorToMinor, roundUpTo } from "../../src/lib/money.js";

describe("salePrice", () => {
  it("adds the markup and rounds up to the currency's unit", () => {
    expect(salePrice({ amount: 19_800, currency: "IDR" }, 10)).toEqual({ amount: 21_780, currency: "IDR" });
    expect(salePrice({ amount: 19_801, currency: "IDR" }, 10)).toEqual({ amount: 21_782, currency: "IDR" }); // 21781.1 → 21782
    expect(salePrice({ amount: 37_500, currency: "MMK" }, 2.5)).toEqual({ amount: 38_438, currency: "MMK" }); // 38437.5 → 38438
  });
  it("rounds cents up to a whole unit for two-decimal currencies", () => {
    expect(salePrice({ amount: 1_001, currency: "USD" }, 0)).toEqual({ amount: 1_100, currency: "USD" });
  });
  it("never undercuts cost and stays exact for huge amounts", () => {
    const cost = { amount: 9_007_199_254_740, currency: "IDR" };
    expect(salePrice(cost, 0.01).amount).toBeGreaterThan(cost.amount);
    expect(Number.isSafeInteger(salePrice(cost, 999).amount)).toBe(true);
  });
  it("uses a fixed price when one is set", () => {
    expect(salePrice({ amount: 19_800, currency: "IDR" }, 10, 20_000)).toEqual({ amount: 20_000, currency: "IDR" });
  });
  it("multiplies by quantity", () => {
    expect(times({ amount: 250, currency: "MMK" }, 3)).toEqual({ amount: 750, currency: "MMK" });
  });
});

describe("money parsing and formatting", () => {
  it("reads amounts as people type them", () => {
    expect(parseMajorToMinor("50000", "IDR")).toBe(50_000);
    expect(parseMajorToMinor("50.000", "IDR")).toBe(50_000);
    expect(parseMajorToMinor("50,000", "IDR")).toBe(50_000);
    expect(parseMajorToMinor("12.5", "USD")).toBe(1_250);
    expect(parseMajorToMinor("1,234.56", "USD")).toBe(123_456);
  });
  it("refuses garbage, zero, negatives and too many decimals", () => {
    for (const bad of ["", "abc", "0", "-5", "5.5", "1e5", "12.345", "50.00", "9999999999999999999"]) {
      expect(parseMajorToMinor(bad, bad === "12.345" ? "USD" : "IDR"), bad).toBeUndefined();
    }
  });
  it("converts provider decimals to minor units, rounding up", () => {
    expect(decimalToMinorCeil(37_500, "MMK")).toBe(37_500);
    expect(decimalToMinorCeil(37_500.01, "MMK")).toBe(37_501);
    expect(decimalToMinorCeil(0.1 + 0.2, "USD")).toBe(30);
    expect(() => decimalToMinorCeil(-1, "MMK")).toThrow();
  });
  it("rounds up to a unit", () => {
    expect(roundUpTo(101, 100)).toBe(200);
    expect(roundUpTo(100, 100)).toBe(100);
  });
  it("formats for the reader, in Latin digits everywhere", () => {
    expect(formatMoney(50_000, "IDR", "id")).toMatch(/Rp\s50\.000/);
    expect(formatMoney(37_500, "MMK", "en")).toMatch(/37,500/);
    expect(formatMoney(37_500, "MMK", "my")).toMatch(/37,500/);
    expect(formatMoney(1_250, "USD", "en")).toBe("$12.50");
    expect(formatMoney(100, "USDT", "en")).toBe("1.00 USDT");
  });
});
