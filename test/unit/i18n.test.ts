import { describe, expect, it } from "vitest";
import { createI18n, escapeHtml, pickLocale } from "../../src/bot/i18n.js";

describe("rendering messages", () => {
  const t = createI18n("en");
  it("escapes string arguments for Telegram's HTML and formats money for the reader", () => {
    const text = t.render("id", "confirm-product", { product: "<b>Diamonds & more</b>" });
    expect(text).toContain("&lt;b&gt;Diamonds &amp; more&lt;/b&gt;");
    expect(t.render("id", "confirm-price", { price: { money: [50_000, "IDR"] } })).toMatch(/Rp\s50\.000/);
  });
  it("renders numbers in Latin digits, also in Burmese", () => {
    expect(t.render("my", "ask-quantity", { max: 10 })).toContain("10");
    expect(t.render("my", "ask-quantity", { max: 10 })).not.toMatch(/[၀-၉]/);
  });
  it("fills an argument nobody passed instead of failing the reply", () => {
    expect(t.render("en", "start-welcome")).toContain("Welcome, <b>-</b>!");
  });
  it("picks the user's choice, then Telegram's language, then the default", () => {
    expect(pickLocale("my", "id", "en")).toBe("my");
    expect(pickLocale(undefined, "id-ID", "en")).toBe("id");
    expect(pickLocale(undefined, "ms", "en")).toBe("id");
    expect(pickLocale(undefined, "fr", "en")).toBe("en");
    expect(escapeHtml("a<b>&")).toBe("a&lt;b&gt;&amp;");
  });
});
