import { describe, expect, it } from "vitest";
import { fitHtml, fitPayload, fitPlain, htmlTextLength, MAX_CAPTION, MAX_TEXT } from "../../src/bot/fit-text.js";
import { escapeHtml } from "../../src/bot/i18n.js";
import { parseHtml } from "../fakes/telegram/html.js";
import { seededRandom } from "../support/prng.js";

/** What Telegram would show: the fake's copy of TDLib's HTML parser (throws where Telegram answers 400). */
const shown = (html: string) => parseHtml(html).text;

describe("fitHtml: messages are cut to Telegram's limit after entity parsing", () => {
  it("leaves a message that fits as it is, even when its HTML source is longer than the limit", () => {
    const html = `<b>Order</b> <code>R1</code>\n${escapeHtml("<&>".repeat(1_300))}`;
    expect(html.length).toBeGreaterThan(MAX_TEXT);
    expect(shown(html).length).toBeLessThanOrEqual(MAX_TEXT);
    expect(fitHtml(html, MAX_TEXT)).toBe(html);
    expect(htmlTextLength(html)).toBe(shown(html).length);
  });

  it("cuts a 5,000-character note inside <code> to 4096, closes the tag and ends with an ellipsis", () => {
    const html = `📦 Order <code>R1</code> shipped. Tracking: <code>${escapeHtml("T&<".repeat(2_000))}</code> · In Transit`;
    const fitted = fitHtml(html, MAX_TEXT);
    const text = shown(fitted);
    expect(text).toHaveLength(MAX_TEXT);
    expect(text.startsWith("📦 Order R1 shipped. Tracking: T&<T&<")).toBe(true);
    expect(text.endsWith("…")).toBe(true);
    expect(fitted.endsWith("…</code>")).toBe(true);
    // The entity the cut fell in is still a <code> entity, now reaching the end.
    const code = parseHtml(fitted).entities.filter((e) => e.type === "code");
    expect(code.at(-1)!.offset + code.at(-1)!.length).toBe(MAX_TEXT);
  });

  it("never splits a tag, an HTML entity or a surrogate pair, whatever the limit (random messages)", () => {
    const rand = seededRandom(17);
    const pieces = [
      "<b>",
      "</b>",
      "<code>",
      "</code>",
      '<a href="https://t.me/x?a=1&amp;b=2">',
      "</a>",
      "&amp;",
      "&lt;",
      "&#128512;",
      "😀",
      "🇮🇩",
      "é",
      "a",
      " ",
      "\n",
    ];
    for (let round = 0; round < 300; round++) {
      // Balanced HTML built from the pieces above.
      let html = "";
      const open: string[] = [];
      const length = 1 + rand.int(120);
      for (let k = 0; k < length; k++) {
        const piece = rand.pick(pieces);
        if (piece.startsWith("</")) {
          if (open.at(-1) === piece) html += open.pop();
        } else if (piece.startsWith("<")) {
          if (open.length < 3 && !open.includes(`</${/^<(\w+)/.exec(piece)![1]}>`)) {
            html += piece;
            open.push(`</${/^<(\w+)/.exec(piece)![1]}>`);
          }
        } else html += piece;
      }
      html += `x${open.reverse().join("")}`;
      const max = 2 + rand.int(60);
      const fitted = fitHtml(html, max);
      const text = shown(fitted); // throws if a tag or an entity was split
      expect(text.length).toBeLessThanOrEqual(max);
      expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      if (htmlTextLength(html) <= max) expect(fitted).toBe(html);
      else expect(text.endsWith("…")).toBe(true);
    }
  });
});

describe("fitPayload: the one place outgoing texts are fitted", () => {
  it("cuts sendMessage and editMessageText text, HTML or plain, and captions to 1024", () => {
    const long = escapeHtml("<x>".repeat(3_000));
    const sent = fitPayload("sendMessage", { chat_id: 1, text: long, parse_mode: "HTML" });
    expect(shown(sent.text)).toHaveLength(MAX_TEXT);
    const edited = fitPayload("editMessageText", { chat_id: 1, message_id: 2, text: "p".repeat(9_000) });
    expect(edited.text).toHaveLength(MAX_TEXT);
    const doc = fitPayload("sendDocument", { chat_id: 1, caption: `<b>${"c".repeat(2_000)}</b>`, parse_mode: "HTML" });
    expect(shown(doc.caption)).toHaveLength(MAX_CAPTION);
    expect(fitPayload("answerCallbackQuery", { callback_query_id: "1", text: "q".repeat(300) }).text).toHaveLength(200);
  });

  it("leaves short texts, other methods and texts with explicit entities alone", () => {
    const short = { chat_id: 1, text: "<b>hi</b>", parse_mode: "HTML" };
    expect(fitPayload("sendMessage", short)).toBe(short);
    const entities = { chat_id: 1, text: "e".repeat(5_000), entities: [{ type: "bold", offset: 0, length: 5 }] };
    expect(fitPayload("sendMessage", entities)).toBe(entities);
    const other = { chat_id: 1, text: "e".repeat(5_000) };
    expect(fitPayload("sendChatAction", other)).toBe(other);
  });

  it("fitPlain never cuts a surrogate pair", () => {
    expect(fitPlain("😀".repeat(10), 6)).toBe("😀😀…");
    expect(fitPlain("abc", 3)).toBe("abc");
  });
});
