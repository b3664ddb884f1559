/**
 * Telegram's length limits on what the bot sends, applied in one place (the htmlParseMode
 * transformer) so that no message of any origin is refused with 400 "message is too long".
 * Lengths are counted in UTF-16 code units after entity parsing, as the Bot API counts them.
 */

/** sendMessage/editMessageText `text`, after entity parsing. */
export const MAX_TEXT = 4096;
/** Media captions, after entity parsing. */
export const MAX_CAPTION = 1024;
/** answerCallbackQuery `text` (plain text). */
export const MAX_CALLBACK_ANSWER = 200;

const ELLIPSIS = "…";

/** UTF-16 units of the code point at `i` (1, or 2 for a surrogate pair). */
function unitAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return 2;
  }
  return 1;
}

/** Plain text cut to `max` units with an ellipsis, never inside a surrogate pair. */
export function fitPlain(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = 0;
  while (end < text.length) {
    const n = unitAt(text, end);
    if (end + n > max - ELLIPSIS.length) break;
    end += n;
  }
  return `${text.slice(0, end)}${ELLIPSIS}`;
}

type Token = { tag: string; name: string; closing: boolean } | { text: string; length: number };

/** The entities Telegram decodes in HTML (the rest of `&…;` stays as written). */
const ENTITY = /^&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/;

/** Splits Telegram HTML into tags (no visible length) and visible pieces (a character or one entity). */
function* tokens(html: string): Generator<Token> {
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === "<") {
      // A tag runs to the first ">" outside quotes.
      let j = i + 1;
      let quote: string | undefined;
      for (; j < html.length; j++) {
        const c = html[j];
        if (quote) {
          if (c === quote) quote = undefined;
        } else if (c === '"' || c === "'") quote = c;
        else if (c === ">") break;
      }
      const tag = html.slice(i, j + 1);
      const m = /^<(\/?)\s*([a-zA-Z][\w-]*)/.exec(tag);
      yield { tag, name: m?.[2]?.toLowerCase() ?? "", closing: m?.[1] === "/" };
      i = j + 1;
    } else if (ch === "&") {
      const m = ENTITY.exec(html.slice(i, i + 12));
      if (m) {
        const code = m[2] ? Number(m[2]) : m[3] ? Number.parseInt(m[3], 16) : 0;
        yield { text: m[0], length: code > 0xffff ? 2 : 1 };
        i += m[0].length;
      } else {
        yield { text: "&", length: 1 };
        i += 1;
      }
    } else {
      const n = unitAt(html, i);
      yield { text: html.slice(i, i + n), length: n };
      i += n;
    }
  }
}

/** How long Telegram's text will be once it has parsed this HTML. */
export function htmlTextLength(html: string): number {
  let n = 0;
  for (const t of tokens(html)) if ("text" in t) n += t.length;
  return n;
}

/**
 * HTML (as sent with parse_mode HTML) cut so that its parsed text is at most `max` units long:
 * it ends with "…" and closes every tag still open, and never splits a tag, an entity (&amp;)
 * or a surrogate pair.
 */
export function fitHtml(html: string, max: number): string {
  // Parsed text is never longer than its source: the common case costs one comparison.
  if (html.length <= max || htmlTextLength(html) <= max) return html;
  const budget = max - ELLIPSIS.length;
  const open: string[] = [];
  let out = "";
  let used = 0;
  for (const t of tokens(html)) {
    if ("tag" in t) {
      if (t.closing) {
        const at = open.lastIndexOf(t.name);
        if (at >= 0) open.splice(at);
      } else if (!t.tag.endsWith("/>")) open.push(t.name);
      out += t.tag;
      continue;
    }
    if (used + t.length > budget) break;
    out += t.text;
    used += t.length;
  }
  const closing = open
    .reverse()
    .map((name) => `</${name}>`)
    .join("");
  return `${out}${ELLIPSIS}${closing}`;
}

const CAPTIONED = new Set([
  "sendPhoto",
  "sendDocument",
  "sendVideo",
  "sendAudio",
  "sendAnimation",
  "sendVoice",
  "copyMessage",
  "editMessageCaption",
]);

/**
 * The payload of a Bot API call with its text or caption cut to Telegram's limit. HTML is cut by
 * fitHtml, plain text by fitPlain; text with explicit entities or another parse mode is left
 * alone (cutting it safely would need that mode's parser).
 */
export function fitPayload<P extends Record<string, unknown>>(method: string, payload: P): P {
  const fit = (field: "text" | "caption", entities: string, max: number): P => {
    const value = payload[field];
    if (typeof value !== "string" || value.length <= max) return payload;
    const mode = typeof payload.parse_mode === "string" ? payload.parse_mode.toLowerCase() : "";
    if (mode === "html") return { ...payload, [field]: fitHtml(value, max) };
    if (mode === "" && payload[entities] === undefined) return { ...payload, [field]: fitPlain(value, max) };
    return payload;
  };
  if (method === "sendMessage" || method === "editMessageText") return fit("text", "entities", MAX_TEXT);
  if (CAPTIONED.has(method)) return fit("caption", "caption_entities", MAX_CAPTION);
  if (method === "answerCallbackQuery") return fit("text", "-", MAX_CALLBACK_ANSWER);
  return payload;
}
