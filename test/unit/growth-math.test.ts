import { describe, expect, it } from "vitest";
import { parseReferralAdmin } from "../../src/bot/features/admin/growth.js";
import { reportArgs } from "../../src/domain/daily-report.js";
import { profit } from "../../src/domain/stats.js";
import {
  addMonths,
  basisPointsText,
  commissionFor,
  parsePercentBasisPoints,
  referralCode,
  referrerFromPayload,
  reversalSplit,
} from "../../src/domain/referral-math.js";
import { parseTiersAuto, progressToNext, promotionTo, tierReached } from "../../src/domain/tier-math.js";

const BOUND = Date.UTC(2026, 0, 31);
const order = (price: number, cost: number, createdAt = BOUND + 1000, costCurrency = "IDR") => ({
  price: { amount: price, currency: "IDR" },
  cost: { amount: cost, currency: costCurrency },
  createdAt,
});

describe("referral codes", () => {
  it("round-trips a user id through r_<code>", () => {
    for (const id of [1, 42, 7_000_123_456, 999_999_999_999]) expect(referrerFromPayload(`r_${referralCode(id)}`)).toBe(id);
  });
  it("ignores payloads that are not a referral", () => {
    for (const p of [undefined, "", "r_", "x_abc", "r_ABC", "r_a-b", "r_zzzzzzzzzzzz", "r_0"])
      expect(referrerFromPayload(p)).toBeUndefined();
  });
});

describe("the commission", () => {
  const on = { basisPoints: 250, months: 12 };
  it("is the percentage of the margin, rounded down", () => {
    // margin 10_399 × 2.5 % = 259.975 → 259
    expect(commissionFor(order(110_399, 100_000), on, BOUND)).toBe(259);
    // A promo discount is already out of the price the reseller paid: 110_399 − 399 off.
    expect(commissionFor(order(110_000, 100_000), on, BOUND)).toBe(250);
  });
  it("is nothing when off, without margin, in another cost currency, or outside the months after binding", () => {
    expect(commissionFor(order(110_000, 100_000), { basisPoints: 0, months: 12 }, BOUND)).toBe(0);
    expect(commissionFor(order(100_000, 100_000), on, BOUND)).toBe(0);
    expect(commissionFor(order(80_000, 90_000), on, BOUND)).toBe(0);
    expect(commissionFor(order(110_000, 100_000, BOUND + 1, "USD"), on, BOUND)).toBe(0);
    expect(commissionFor(order(110_000, 100_000, BOUND - 1), on, BOUND)).toBe(0);
    expect(commissionFor(order(110_000, 100_000, addMonths(BOUND, 12)), on, BOUND)).toBe(0);
    expect(commissionFor(order(110_000, 100_000, addMonths(BOUND, 12) - 1), on, BOUND)).toBe(250);
  });
  it("counts calendar months (31 January + 1 month is in March, not lost)", () => {
    expect(new Date(addMonths(BOUND, 1)).toISOString().slice(0, 10)).toBe("2026-03-03");
  });
  it("is taken back only as far as the balance goes", () => {
    expect(reversalSplit(500, 1_000)).toEqual({ take: 500, shortfall: 0 });
    expect(reversalSplit(500, 120)).toEqual({ take: 120, shortfall: 380 });
    expect(reversalSplit(500, 0)).toEqual({ take: 0, shortfall: 500 });
  });
});

describe("the admin's arguments", () => {
  it("reads percentages as basis points", () => {
    expect(parsePercentBasisPoints("2.5")).toBe(250);
    expect(parsePercentBasisPoints("2,25")).toBe(225);
    expect(parsePercentBasisPoints("10%")).toBe(1000);
    expect(parsePercentBasisPoints("0")).toBe(0);
    expect(parsePercentBasisPoints("100")).toBe(10_000);
    for (const bad of ["101", "-1", "1.234", "abc", ""]) expect(parsePercentBasisPoints(bad)).toBeUndefined();
    expect(basisPointsText(250)).toBe("2.5");
    expect(basisPointsText(1000)).toBe("10");
    expect(basisPointsText(225)).toBe("2.25");
  });
  it("tells /referral's admin sub-commands from a reseller's bare /referral", () => {
    expect(parseReferralAdmin("")).toBeUndefined();
    expect(parseReferralAdmin("hello")).toBeUndefined();
    expect(parseReferralAdmin("percent 5")).toEqual({ kind: "percent", basisPoints: 500 });
    expect(parseReferralAdmin("MONTHS 6")).toEqual({ kind: "months", months: 6 });
    for (const bad of ["percent", "percent x", "months 0", "months 121", "percent 5 6"]) expect(parseReferralAdmin(bad)).toBe("usage");
  });
  it("parses /tiers auto", () => {
    expect(parseTiersAuto(["reseller=5.000.000", "vip=20000000", "idr"])).toEqual({
      ok: true,
      currency: "IDR",
      thresholds: { reseller: 5_000_000, vip: 20_000_000 },
    });
    expect(parseTiersAuto(["off", "MMK"])).toEqual({ ok: true, currency: "MMK", thresholds: {} });
    expect(parseTiersAuto(["IDR"])).toEqual({ ok: false, error: "usage" });
    expect(parseTiersAuto(["vip=1", "XYZ"])).toMatchObject({ ok: false, error: "currency" });
    expect(parseTiersAuto(["gold=1", "IDR"])).toMatchObject({ ok: false, error: "tier", token: "gold" });
    expect(parseTiersAuto(["member=1", "IDR"])).toMatchObject({ ok: false, error: "tier" });
    expect(parseTiersAuto(["vip=lots", "IDR"])).toMatchObject({ ok: false, error: "amount" });
    expect(parseTiersAuto(["reseller=9", "vip=5", "IDR"])).toEqual({ ok: false, error: "order" });
  });
});

describe("volume tiers", () => {
  const thresholds = { IDR: { reseller: 5_000_000, vip: 20_000_000 }, MMK: { reseller: 1_000_000 } };
  it("picks the highest tier any currency reaches", () => {
    expect(tierReached({ IDR: 4_999_999 }, thresholds)).toBeUndefined();
    expect(tierReached({ IDR: 5_000_000 }, thresholds)).toBe("reseller");
    expect(tierReached({ IDR: 25_000_000 }, thresholds)).toBe("vip");
    expect(tierReached({ IDR: 10, MMK: 1_000_000 }, thresholds)).toBe("reseller");
  });
  it("never demotes", () => {
    expect(promotionTo("vip", "reseller")).toBeUndefined();
    expect(promotionTo("vip", undefined)).toBeUndefined();
    expect(promotionTo("member", "reseller")).toBe("reseller");
    expect(promotionTo("reseller", "reseller")).toBeUndefined();
  });
  it("says how much is missing for the next tier", () => {
    expect(progressToNext("member", { IDR: 3_800_000 }, thresholds)).toEqual([
      { currency: "IDR", tier: "reseller", missing: 1_200_000 },
      { currency: "MMK", tier: "reseller", missing: 1_000_000 },
    ]);
    expect(progressToNext("reseller", { IDR: 3_800_000 }, thresholds)).toEqual([{ currency: "IDR", tier: "vip", missing: 16_200_000 }]);
    expect(progressToNext("vip", {}, thresholds)).toEqual([]);
  });
});

describe("profit in the reports", () => {
  const sales = [
    { provider: "gametopup" as const, currency: "IDR", orders: 2, revenue: 22_000, margin: 2_000 },
    { provider: "xinstitute" as const, currency: "IDR", orders: 1, revenue: 5_000, margin: 500 },
  ];
  it("takes referral commissions off the margin, per currency", () => {
    expect(profit(sales, { discounts: {}, commissions: { IDR: 250 } })).toEqual({ IDR: 2_250 });
  });
  it("shows it in the daily report under the sales", () => {
    const tr = (key: string, args?: Record<string, unknown>) => `${key}${args ? JSON.stringify(args) : ""}`;
    const report = {
      day: "2026-12-07",
      timeZone: "UTC",
      sales,
      refunds: [],
      deposits: [],
      moneyIn: { admin: [], transfer: [], xpay: [] },
      unknownOpen: 0,
      providers: [],
      discounts: [],
      commissions: { IDR: 250 },
    };
    const text = String(reportArgs(report, tr).sales);
    expect(text).toContain('growth-report-profit{"profit":{"money":[2250,"IDR"]},"commissions":{"money":[250,"IDR"]}}');
  });
});
