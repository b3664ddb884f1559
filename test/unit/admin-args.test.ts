import { describe, expect, it } from "vitest";
import {
  MAX_ADMIN_AMOUNT,
  parseAmount,
  parseAuditCount,
  parseBroadcast,
  parseMaintenance,
  parseMarkupArgs,
  parseNone,
  parseOrderRef,
  parsePriceArgs,
  parseTierArgs,
  parseUserRef,
  parseWalletArgs,
  splitWords,
} from "../../src/bot/features/admin/args.js";
import { matchProducts } from "../../src/domain/price-admin.js";
import type { Product } from "../../src/providers/types.js";

const errorKey = (p: { ok: boolean; error?: { key: string } }) => (p.ok ? "ok" : p.error!.key);

describe("admin argument parsing", () => {
  it("<user>: a Telegram id or an @username, exactly one", () => {
    expect(parseUserRef("123456")).toEqual({ ok: true, value: "123456" });
    expect(parseUserRef("  @budi_99 ")).toEqual({ ok: true, value: "@budi_99" });
    for (const bad of ["", "0", "-5", "12a", "budi", "@b", "@_x1", `@${"a".repeat(40)}`, "1 2", "1234567890123456", "@bu di", "<b>"]) {
      expect(errorKey(parseUserRef(bad)), bad).toBe("usage");
    }
  });

  it("/credit arguments: amount in whole units of a known currency, optional note", () => {
    expect(parseWalletArgs("123 50000 IDR")).toEqual({ ok: true, value: { ref: "123", amount: 50_000, currency: "IDR" } });
    expect(parseWalletArgs("@budi 50.000 idr  first   top-up ")).toEqual({
      ok: true,
      value: { ref: "@budi", amount: 50_000, currency: "IDR", note: "first top-up" },
    });
    expect(parseWalletArgs("123 12.50 USD")).toEqual({ ok: true, value: { ref: "123", amount: 1250, currency: "USD" } });
    expect(errorKey(parseWalletArgs(""))).toBe("usage");
    expect(errorKey(parseWalletArgs("123 50000"))).toBe("usage");
    expect(errorKey(parseWalletArgs("nobody 50000 IDR"))).toBe("usage");
    expect(errorKey(parseWalletArgs("123 50000 XYZ"))).toBe("admin-bad-currency");
    expect(errorKey(parseWalletArgs("123 IDR 50000"))).toBe("admin-bad-currency");
    for (const amount of ["0", "-5", "1e5", "5,5", "1.23", "abc", "NaN", "Infinity", "0x10"]) {
      expect(errorKey(parseWalletArgs(`123 ${amount} IDR`)), amount).toBe("admin-bad-amount");
    }
    // IDR separators are grouping: 12.345 is twelve thousand; USD has cents, so 12.345 is one decimal too many.
    expect(parseWalletArgs("123 12.345 IDR")).toMatchObject({ ok: true, value: { amount: 12_345 } });
    expect(errorKey(parseWalletArgs("123 12.345 USD"))).toBe("admin-bad-amount");
    expect(errorKey(parseWalletArgs(`123 ${MAX_ADMIN_AMOUNT + 1} IDR`))).toBe("admin-amount-too-large");
    expect(errorKey(parseWalletArgs(`123 1 IDR ${"x".repeat(201)}`))).toBe("admin-note-too-long");
    expect(parseAmount("99999999999999999999", "IDR").ok).toBe(false);
  });

  it("/tier and /markup", () => {
    expect(parseTierArgs("123 VIP")).toEqual({ ok: true, value: { ref: "123", tier: "vip" } });
    expect(errorKey(parseTierArgs("123 gold"))).toBe("admin-bad-tier");
    expect(errorKey(parseTierArgs("123"))).toBe("usage");
    expect(errorKey(parseTierArgs("123 vip extra"))).toBe("usage");
    expect(parseMarkupArgs("vip 2.5")).toEqual({ ok: true, value: { tier: "vip", percent: 2.5 } });
    expect(parseMarkupArgs("member 12,5%")).toEqual({ ok: true, value: { tier: "member", percent: 12.5 } });
    expect(parseMarkupArgs("reseller 0")).toEqual({ ok: true, value: { tier: "reseller", percent: 0 } });
    for (const bad of ["-1", "1001", "1.234", "ten", "5%%", ""]) {
      expect(errorKey(parseMarkupArgs(`vip ${bad}`)), bad).toBe(bad === "" ? "usage" : "admin-bad-percent");
    }
    expect(errorKey(parseMarkupArgs("gold 5"))).toBe("admin-bad-tier");
  });

  it("/price: sku or provider:sku, then an amount or auto", () => {
    expect(parsePriceArgs("1 21000")).toEqual({ ok: true, value: { product: { sku: "1" }, amount: "21000" } });
    expect(parsePriceArgs("gametopup:1 AUTO")).toEqual({
      ok: true,
      value: { product: { provider: "gametopup", sku: "1" }, amount: "auto" },
    });
    expect(parsePriceArgs("SPOTIFY_1Y 50.000")).toEqual({ ok: true, value: { product: { sku: "SPOTIFY_1Y" }, amount: "50.000" } });
    for (const bad of ["", "1", "1 2 3", "1 -5", "1 free", ":1 5", "a:b:c 5", "<x> 5"]) {
      expect(errorKey(parsePriceArgs(bad)), bad).toBe("usage");
    }
  });

  it("<order id>, broadcast text, maintenance, audit count, no arguments", () => {
    expect(parseOrderRef("R7KQ2M9XD4T")).toEqual({ ok: true, value: "R7KQ2M9XD4T" });
    for (const bad of ["", "R1", "R7KQ2M9XD4T extra", "../../etc", "x".repeat(65)]) expect(errorKey(parseOrderRef(bad)), bad).toBe("usage");

    expect(parseBroadcast("  hello all ")).toEqual({ ok: true, value: { kind: "send", text: "hello all" } });
    expect(parseBroadcast("", "from the reply")).toEqual({ ok: true, value: { kind: "send", text: "from the reply" } });
    expect(parseBroadcast("")).toEqual({ ok: true, value: { kind: "progress" } });
    expect(errorKey(parseBroadcast("&".repeat(1000)))).toBe("admin-broadcast-too-long");

    expect(parseMaintenance("")).toEqual({ ok: true, value: { kind: "list" } });
    expect(errorKey(parseMaintenance("yes"))).toBe("usage");

    expect(parseAuditCount("")).toEqual({ ok: true, value: 10 });
    expect(parseAuditCount("3")).toEqual({ ok: true, value: 3 });
    expect(errorKey(parseAuditCount("0"))).toBe("admin-bad-audit-count");
    expect(errorKey(parseAuditCount("51"))).toBe("admin-bad-audit-count");
    expect(errorKey(parseAuditCount("-1"))).toBe("usage");
    expect(errorKey(parseAuditCount("ten"))).toBe("usage");

    expect(parseNone("  ").ok).toBe(true);
    expect(errorKey(parseNone("now"))).toBe("admin-no-arguments");
  });

  it("splits words and keeps the rest as free text", () => {
    expect(splitWords("  a  b c  d e ", 2)).toEqual({ words: ["a", "b"], rest: "c  d e" });
    expect(splitWords("a", 3)).toEqual({ words: ["a"], rest: "" });
  });

  it("finds products by sku, by provider:sku, and reports a shared sku as ambiguous", () => {
    const p = (provider: Product["provider"], sku: string): Product => ({
      provider,
      sku,
      name: sku,
      category: "c",
      cost: { amount: 1, currency: "IDR" },
      inStock: true,
      input: { kind: "email" },
    });
    const all = [p("gametopup", "1"), p("xinstitute", "1"), p("xinstitute", "SPOTIFY_1Y")];
    expect(matchProducts(all, { sku: "1" })).toHaveLength(2);
    expect(matchProducts(all, { provider: "xinstitute", sku: "1" })).toEqual([all[1]]);
    expect(matchProducts(all, { sku: "spotify_1y" })).toEqual([all[2]]);
    expect(matchProducts(all, { provider: "gametopup", sku: "SPOTIFY_1Y" })).toEqual([]);
  });
});

describe("/maintenance arguments", () => {
  const set = (scope: string, target: string, on: boolean, note?: string) => ({
    ok: true,
    value: { kind: "set", scope, target, on, ...(note ? { note } : {}) },
  });
  it("the whole bot, a provider or a product, on or off, with a note", () => {
    expect(parseMaintenance("  ")).toEqual({ ok: true, value: { kind: "list" } });
    expect(parseMaintenance("ON")).toEqual(set("bot", "", true));
    expect(parseMaintenance("on  back at  10:00 ")).toEqual(set("bot", "", true, "back at 10:00"));
    expect(parseMaintenance("off")).toEqual(set("bot", "", false));
    expect(parseMaintenance("gametopup on server move")).toEqual(set("provider", "gametopup", true, "server move"));
    expect(parseMaintenance("GameTopup OFF")).toEqual(set("provider", "gametopup", false));
    expect(parseMaintenance("gametopup:ML5 on price check")).toEqual(set("product", "gametopup:ML5", true, "price check"));
    expect(parseMaintenance("xinstitute:netflix-1m off")).toEqual(set("product", "xinstitute:netflix-1m", false));
  });
  it("refuses every other shape with the usage line, and a note too long", () => {
    for (const bad of [
      "maybe",
      "gametopup",
      "gametopup maybe",
      "gametopup:ML5",
      "on!",
      "g on",
      "Game:ML5 on",
      "gametopup: on",
      "1234 on",
      "<b> on",
    ])
      expect(errorKey(parseMaintenance(bad)), bad).toBe("usage");
    expect(errorKey(parseMaintenance(`on ${"x".repeat(201)}`))).toBe("admin-note-too-long");
    expect(errorKey(parseMaintenance(`gametopup on ${"x".repeat(201)}`))).toBe("admin-note-too-long");
  });
});
