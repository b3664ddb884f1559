import { describe, expect, it } from "vitest";
import { parsePromoArgs } from "../../src/bot/features/admin/promo-args.js";
import { checkPromo, discountOf, normaliseCode, productMatches } from "../../src/domain/promos.js";
import { reportArgs } from "../../src/domain/daily-report.js";
import type { PromoRecord } from "../../src/store/types.js";

const idr = (amount: number) => ({ amount, currency: "IDR" });

describe("/promo arguments", () => {
  it("reads list, off, show and add with every option", () => {
    expect(parsePromoArgs("")).toEqual({ ok: true, value: { op: "list" } });
    expect(parsePromoArgs("list")).toEqual({ ok: true, value: { op: "list" } });
    expect(parsePromoArgs("off hemat")).toEqual({ ok: true, value: { op: "off", code: "HEMAT" } });
    expect(parsePromoArgs("Hemat10")).toEqual({ ok: true, value: { op: "show", code: "HEMAT10" } });
    expect(parsePromoArgs("add HEMAT 12.5% uses=10 per=1 until=2026-12-31 min=50.000IDR product=gametopup:1")).toEqual({
      ok: true,
      value: {
        op: "add",
        promo: {
          code: "HEMAT",
          discount: { kind: "percent", bp: 1250 },
          maxUses: 10,
          perReseller: 1,
          until: Date.UTC(2027, 0, 1),
          min: { amount: 50_000, currency: "IDR" },
          product: "gametopup:1",
        },
      },
    });
    expect(parsePromoArgs("add FLAT 5000 idr min=20000")).toMatchObject({
      ok: true,
      value: { promo: { discount: { kind: "amount", amount: 5000, currency: "IDR" }, min: { amount: 20_000, currency: "IDR" } } },
    });
  });

  it("refuses bad forms with the reason, never throws", () => {
    const key = (text: string) => {
      const r = parsePromoArgs(text);
      return r.ok ? "ok" : r.error.key;
    };
    expect(key("add")).toBe("usage");
    expect(key("add HEMAT")).toBe("usage");
    expect(key("add HEMAT 5000")).toBe("usage");
    expect(key("list more")).toBe("usage");
    expect(key("off")).toBe("usage");
    expect(key("HEMAT extra")).toBe("usage");
    expect(key("add X 10%")).toBe("promo-bad-code");
    expect(key("add OFF 10%")).toBe("promo-bad-code");
    expect(key("add HEMAT 0%")).toBe("promo-bad-percent");
    expect(key("add HEMAT 101%")).toBe("promo-bad-percent");
    expect(key("add HEMAT 1.234%")).toBe("promo-bad-percent");
    expect(key("add HEMAT 5000 XYZ")).toBe("admin-bad-currency");
    expect(key("add HEMAT abc IDR")).toBe("admin-bad-amount");
    expect(key("add HEMAT 10% uses=0")).toBe("promo-bad-option");
    expect(key("add HEMAT 10% uses=2 uses=3")).toBe("promo-bad-option");
    expect(key("add HEMAT 10% uses=2 per=3")).toBe("promo-bad-option");
    expect(key("add HEMAT 10% until=2026-13-01")).toBe("promo-bad-option");
    expect(key("add HEMAT 10% colour=red")).toBe("promo-bad-option");
    expect(key("add HEMAT 10% min=5000")).toBe("promo-min-currency");
    expect(key("add HEMAT 5000 IDR min=5000USD")).toBe("promo-min-currency");
    for (const junk of ["add", "add \u0000 %", "add A".repeat(50), "off ' OR 1=1"]) expect(() => parsePromoArgs(junk)).not.toThrow();
  });
});

describe("promo discounts", () => {
  it("round a percent down (so the price rounds up) and never go below the provider's cost", () => {
    expect(discountOf({ kind: "percent", bp: 450 }, idr(21_780), idr(19_800))).toEqual({ discount: 980, clamped: false });
    expect(discountOf({ kind: "percent", bp: 2000 }, idr(21_780), idr(19_800))).toEqual({ discount: 1_980, clamped: true });
    expect(discountOf({ kind: "amount", amount: 5_000, currency: "IDR" }, idr(21_780), idr(21_780))).toEqual({
      discount: 0,
      clamped: true,
    });
  });

  const promo: PromoRecord = {
    code: "X",
    discount: { kind: "amount", amount: 100, currency: "IDR" },
    active: true,
    used: 0,
    createdBy: 1,
    createdAt: 0,
  };
  const card = { provider: "gametopup", sku: "1", price: idr(21_780), cost: idr(19_800) };
  const reason = (p: PromoRecord | undefined, used = 0, c = card) => {
    const r = checkPromo(p, c, used, 1_000);
    return r.ok ? "ok" : r.reason;
  };

  it("says in one reason why a code does not apply", () => {
    expect(reason(promo)).toBe("ok");
    expect(reason(undefined)).toBe("unknown");
    expect(reason({ ...promo, active: false })).toBe("off");
    expect(reason({ ...promo, until: 1_000 })).toBe("expired");
    expect(reason({ ...promo, maxUses: 3, used: 3 })).toBe("used_up");
    expect(reason({ ...promo, perReseller: 1 }, 1)).toBe("per_reseller");
    expect(reason({ ...promo, product: "gametopup:2" })).toBe("product");
    expect(reason({ ...promo, product: "1" })).toBe("ok");
    expect(reason({ ...promo, min: idr(50_000) })).toBe("min");
    expect(reason({ ...promo, discount: { kind: "amount", amount: 100, currency: "MMK" } })).toBe("currency");
    expect(reason({ ...promo, discount: { kind: "percent", bp: 100 }, min: { amount: 1, currency: "MMK" } })).toBe("currency");
    expect(reason(promo, 0, { ...card, cost: idr(21_780) })).toBe("no_saving");
  });

  it("compares codes upper-case and products by key or sku", () => {
    expect(normaliseCode(" hemat10 ")).toBe("HEMAT10");
    expect(normaliseCode("no spaces")).toBeUndefined();
    expect(productMatches("gametopup:1", "gametopup", "1")).toBe(true);
    expect(productMatches("gametopup:1", "xen", "1")).toBe(false);
    expect(productMatches("1", "xen", "1")).toBe(true);
  });
});

describe("the daily report", () => {
  it("shows the promo discounts under the sales they came out of, and nothing when there were none", () => {
    const tr = (key: string, args?: Record<string, unknown>) => `${key}${args ? JSON.stringify(args) : ""}`;
    const report = {
      day: "2026-12-07",
      timeZone: "Asia/Jakarta",
      sales: [{ provider: "gametopup" as const, currency: "IDR", orders: 2, revenue: 40_000, margin: 3_000 }],
      refunds: [],
      deposits: [],
      moneyIn: { admin: [], transfer: [], xpay: [] },
      unknownOpen: 0,
      providers: [],
    };
    const withDiscounts = reportArgs({ ...report, discounts: [{ currency: "IDR", count: 2, sum: 1_000 }] }, tr);
    expect(String(withDiscounts.sales)).toMatch(/^ops-report-sale.*\npromo-stats-discounts.*ops-report-total/s);
    expect(String(reportArgs({ ...report, discounts: [] }, tr).sales)).not.toMatch(/promo/);
  });
});
