import type { MessageEntity } from "grammy/types";

/**
 * Telegram's HTML parse mode, following TDLib's `parse_html`: the same tags, the same
 * entity decoding (only &lt; &gt; &amp; &quot; and numeric references; any other `&` is
 * kept literally, as Telegram does) and the same error texts, with byte offsets into the
 * UTF-8 source. Entity offsets are in UTF-16 code units, like the Bot API's.
 */

export interface FormattedText {
  text: string;
  entities: MessageEntity[];
}

/** A parse failure; the caller prefixes "Bad Request: can't parse entities: ". */
export class HtmlParseError extends Error {}

const SUPPORTED_TAGS = new Set([
  "a",
  "b",
  "strong",
  "i",
  "em",
  "s",
  "strike",
  "del",
  "u",
  "ins",
  "tg-spoiler",
  "tg-emoji",
  "span",
  "pre",
  "code",
  "blockquote",
]);

interface OpenTag {
  name: string;
  argument: string;
  expandable: boolean;
  offset: number;
}

const isSpace = (ch: string | undefined) => ch === " " || ch === "\t" || ch === "\r" || ch === "\n";

export function parseHtml(source: string): FormattedText {
  const byteOffset = (index: number) => Buffer.byteLength(source.slice(0, index));
  const fail = (message: string): never => {
    throw new HtmlParseError(message);
  };
  const open: OpenTag[] = [];
  const entities: MessageEntity[] = [];
  let text = "";
  let i = 0;

  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === "&") {
      const decoded = decodeEntity(source, i);
      text += decoded?.char ?? "&";
      i = decoded?.end ?? i + 1;
      continue;
    }
    if (ch !== "<") {
      text += ch;
      i++;
      continue;
    }
    const begin = i;
    if (source[i + 1] === "/") {
      i += 2;
      const nameStart = i;
      while (i < source.length && !isSpace(source[i]) && source[i] !== ">") i++;
      const endName = source.slice(nameStart, i).toLowerCase();
      while (isSpace(source[i])) i++;
      if (source[i] !== ">") fail(`Unclosed end tag at byte offset ${byteOffset(begin)}`);
      const tag = open.pop() ?? fail(`Unexpected end tag at byte offset ${byteOffset(begin)}`);
      if (endName !== "" && endName !== tag.name) {
        fail(`Unmatched end tag at byte offset ${byteOffset(begin)}, expected "</${tag.name}>", found "</${endName}>"`);
      }
      i++;
      closeTag(tag, text.length, open, entities);
      continue;
    }

    i++;
    const nameStart = i;
    while (i < source.length && !isSpace(source[i]) && source[i] !== ">") i++;
    if (i >= source.length) fail(`Unclosed start tag at byte offset ${byteOffset(begin)}`);
    const name = source.slice(nameStart, i).toLowerCase();
    if (!SUPPORTED_TAGS.has(name)) fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(begin)}`);
    const tag: OpenTag = { name, argument: "", expandable: false, offset: 0 };
    i = parseAttributes(source, i, tag, () => byteOffset(begin), fail);
    if (name === "span" && tag.argument !== "spoiler") {
      fail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(begin)}`);
    }
    if (name === "tg-emoji" && !/^\d+$/.test(tag.argument)) fail("Invalid custom emoji identifier specified");
    tag.offset = text.length;
    open.push(tag);
  }

  const unclosed = open.at(-1);
  if (unclosed) fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
  return { text, entities };
}

/** Parses attributes up to and including the closing `>`; returns the index after it. */
function parseAttributes(source: string, start: number, tag: OpenTag, offset: () => number, fail: (message: string) => never): number {
  let i = start;
  for (;;) {
    while (isSpace(source[i])) i++;
    if (i >= source.length) fail(`Unclosed start tag at byte offset ${offset()}`);
    if (source[i] === ">") return i + 1;
    const attrStart = i;
    while (i < source.length && !isSpace(source[i]) && source[i] !== "=" && source[i] !== ">") i++;
    const attribute = source.slice(attrStart, i).toLowerCase();
    if (attribute === "") fail(`Empty attribute name in the tag "${tag.name}" at byte offset ${offset()}`);
    while (isSpace(source[i])) i++;
    if (source[i] !== "=") {
      if (tag.name === "blockquote" && attribute === "expandable") {
        tag.expandable = true;
        continue;
      }
      fail(`Expected equal sign in declaration of an attribute of the tag "${tag.name}" at byte offset ${offset()}`);
    }
    i++;
    while (isSpace(source[i])) i++;
    if (i >= source.length) fail(`Unclosed start tag "${tag.name}" at byte offset ${offset()}`);
    let value = "";
    const quote = source[i];
    if (quote === '"' || quote === "'") {
      i++;
      while (i < source.length && source[i] !== quote) {
        const decoded = source[i] === "&" ? decodeEntity(source, i) : undefined;
        value += decoded?.char ?? source[i];
        i = decoded?.end ?? i + 1;
      }
      if (i >= source.length) fail(`Unclosed start tag at byte offset ${offset()}`);
      i++;
    } else {
      // Like HTML 4, an unquoted value is made of [a-zA-Z0-9.-] only.
      while (i < source.length && /[a-zA-Z0-9.-]/.test(source[i] as string)) value += source[i++];
      if (value === "") {
        fail(`Expected quote in declaration of an attribute of the tag "${tag.name}" at byte offset ${offset()}`);
      }
    }
    applyAttribute(tag, attribute, value);
  }
}

function applyAttribute(tag: OpenTag, attribute: string, value: string): void {
  if (tag.name === "a" && attribute === "href") tag.argument = value;
  else if (tag.name === "code" && attribute === "class" && value.startsWith("language-")) {
    tag.argument = value.slice("language-".length);
  } else if (tag.name === "span" && attribute === "class" && value.startsWith("tg-")) tag.argument = value.slice(3);
  else if (tag.name === "tg-emoji" && attribute === "emoji-id") tag.argument = value;
  else if (tag.name === "blockquote" && attribute === "expandable") tag.expandable = true;
}

function closeTag(tag: OpenTag, end: number, open: OpenTag[], entities: MessageEntity[]): void {
  const parent = open.at(-1);
  // <pre><code class="language-x"> is one pre entity carrying the language.
  if (tag.name === "code" && parent?.name === "pre") {
    if (tag.argument !== "") parent.argument = tag.argument;
    return;
  }
  const offset = tag.offset;
  const length = end - offset;
  if (length <= 0) return;
  const entity = toEntity(tag, offset, length);
  if (entity) entities.push(entity);
}

function toEntity(tag: OpenTag, offset: number, length: number): MessageEntity | undefined {
  switch (tag.name) {
    case "b":
    case "strong":
      return { type: "bold", offset, length };
    case "i":
    case "em":
      return { type: "italic", offset, length };
    case "u":
    case "ins":
      return { type: "underline", offset, length };
    case "s":
    case "strike":
    case "del":
      return { type: "strikethrough", offset, length };
    case "tg-spoiler":
    case "span":
      return { type: "spoiler", offset, length };
    case "code":
      return { type: "code", offset, length };
    case "pre":
      return tag.argument ? { type: "pre", offset, length, language: tag.argument } : { type: "pre", offset, length };
    case "blockquote":
      return { type: tag.expandable ? "expandable_blockquote" : "blockquote", offset, length };
    case "tg-emoji":
      return { type: "custom_emoji", offset, length, custom_emoji_id: tag.argument };
    case "a":
      // Without href Telegram shows plain text.
      return tag.argument ? { type: "text_link", offset, length, url: tag.argument } : undefined;
    default:
      return undefined;
  }
}

/** TDLib's decode_html_entity: the `;` is optional; unknown names are not entities. */
function decodeEntity(source: string, start: number): { char: string; end: number } | undefined {
  let end = start + 1;
  let code = 0;
  if (source[end] === "#") {
    end++;
    const hex = source[end] === "x" || source[end] === "X";
    if (hex) end++;
    const digits = hex ? /[0-9a-fA-F]/ : /[0-9]/;
    const digitsStart = end;
    while (end < source.length && digits.test(source[end] as string)) end++;
    code = parseInt(source.slice(digitsStart, end) || "0", hex ? 16 : 10);
    if (code === 0 || code >= 0x10ffff || end - start >= 10) return undefined;
  } else {
    const nameStart = end;
    while (end < source.length && /[a-zA-Z]/.test(source[end] as string)) end++;
    const named: Record<string, number> = { lt: 60, gt: 62, amp: 38, quot: 34 };
    const value = named[source.slice(nameStart, end)];
    if (value === undefined) return undefined;
    code = value;
  }
  if (source[end] === ";") end++;
  return { char: String.fromCodePoint(code), end };
}
