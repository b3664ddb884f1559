import { describe, expect, it } from "vitest";
import { statusResponse } from "../../src/providers/gametopup/schemas.js";
import { providerMessage } from "../../src/providers/http-errors.js";
import { boundText, PROVIDER_TEXT_MAX, providerName, providerText } from "../../src/providers/text.js";
import { webhookPayload } from "../../src/providers/xinstitute/schemas.js";
import { seededRandom } from "../support/prng.js";

describe("boundText: provider text is trimmed and cut where it enters", () => {
  it("keeps short text as it is, trimmed; blank text is not given", () => {
    expect(boundText("  Server sedang maintenance \n")).toBe("Server sedang maintenance");
    expect(boundText("   ")).toBeUndefined();
    expect(boundText("")).toBeUndefined();
    const exact = "x".repeat(PROVIDER_TEXT_MAX);
    expect(boundText(exact)).toBe(exact);
  });

  it("cuts a 5,000-character note to 500 with an ellipsis", () => {
    const cut = boundText("a".repeat(5_000))!;
    expect(cut).toHaveLength(PROVIDER_TEXT_MAX);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.slice(0, -1)).toBe("a".repeat(PROVIDER_TEXT_MAX - 1));
  });

  it("never cuts inside a surrogate pair or an emoji sequence", () => {
    // 🇮🇩 is two code points (four UTF-16 units); 👨‍👩‍👧 is five code points joined.
    for (const unit of ["🇮🇩", "👨‍👩‍👧", "é", "😀"]) {
      for (let max = 5; max < 30; max++) {
        const cut = boundText(unit.repeat(40), max)!;
        expect(cut.length).toBeLessThanOrEqual(max);
        const body = cut.slice(0, -1);
        expect(body).toBe(unit.repeat(body.length / unit.length));
        expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
    }
  });

  it("cuts where cutting the whole text by graphemes would (it segments only the head; random texts)", () => {
    const rand = seededRandom(6);
    const units = ["🇮", "🇩", "👨", "\u200d", "👩", "e", "\u0301", "😀", "\ufe0f", "a", " "];
    const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
    const reference = (text: string, max: number) => {
      if (text.length <= max) return text;
      let end = 0;
      for (const { segment, index } of segmenter.segment(text)) {
        if (index + segment.length > max - 1) break;
        end = index + segment.length;
      }
      return `${text.slice(0, end).trimEnd()}…`;
    };
    for (let round = 0; round < 500; round++) {
      const text = `x${Array.from({ length: 5 + rand.int(60) }, () => rand.pick(units)).join("")}x`;
      const max = 2 + rand.int(text.length - 1);
      expect(boundText(text, max)).toBe(reference(text.trim(), max));
    }
  });

  it("does not leave whitespace before the ellipsis", () => {
    expect(boundText("word ".repeat(200), 11)).toBe("word word…");
  });

  it("providerText takes strings and numbers, null and blank as absent; providerName refuses blank", () => {
    const s = providerText(10);
    expect(s.parse(undefined)).toBeUndefined();
    expect(s.parse(null)).toBeUndefined();
    expect(s.parse(" ")).toBeUndefined();
    expect(s.parse(12345)).toBe("12345");
    expect(s.parse("0123456789ABC")).toBe("012345678…");
    expect(providerName(10).parse(" Spotify ")).toBe("Spotify");
    expect(providerName().safeParse("  ").success).toBe(false);
  });

  it("is what the gametopup and xinstitute schemas and error messages apply", () => {
    const long = `  ${"Catatan ".repeat(700)}`;
    const status = statusResponse.parse({
      status: "success",
      data: { order_id: "T1", status: "Batal", keterangan: long, nickname: "N".repeat(5_000) },
    });
    expect(status.data.keterangan).toHaveLength(PROVIDER_TEXT_MAX);
    expect(status.data.keterangan!.startsWith("Catatan Catatan")).toBe(true);
    expect(status.data.nickname).toHaveLength(PROVIDER_TEXT_MAX);

    const hook = webhookPayload.parse({
      event: "shipped",
      order_id: "XIREO1",
      timestamp: "2025-01-01T10:00:00Z",
      data: { tracking_info: "T".repeat(5_000), shipping_status: "S".repeat(5_000) },
    });
    expect(hook.data?.tracking_info).toHaveLength(PROVIDER_TEXT_MAX);
    expect(hook.data?.shipping_status).toHaveLength(PROVIDER_TEXT_MAX);

    expect(providerMessage({ message: "E".repeat(5_000) })).toHaveLength(300);
    expect(providerMessage({ message: "  " })).toBeUndefined();
  });
});
