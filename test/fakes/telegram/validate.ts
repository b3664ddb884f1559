import type {
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  MessageEntity,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from "grammy/types";
import { badRequest } from "./api-error.js";
import { HtmlParseError, parseHtml, type FormattedText } from "./html.js";
import type { Params } from "./params.js";

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;
const MAX_BUTTONS = 100;
const MAX_CALLBACK_DATA_BYTES = 64;

/** Text (or caption) after parse mode and trimming, plus what the bot sent. */
export interface FormattedMessage extends FormattedText {
  html?: string;
  parseMode?: string;
}

/** The `text` of sendMessage/editMessageText, validated like Telegram. */
export function messageText(params: Params): FormattedMessage {
  const source = params.string("text");
  if (source === undefined || source === "") throw badRequest("message text is empty");
  const formatted = format(source, params.string("parse_mode"), params.json("entities"));
  if (formatted.text === "") throw badRequest("text must be non-empty");
  if (formatted.text.length > MAX_TEXT_LENGTH) throw badRequest("message is too long");
  return formatted;
}

/** An optional caption; `undefined` when absent or blank. */
export function caption(params: Params): FormattedMessage | undefined {
  const source = params.string("caption");
  if (source === undefined || source === "") return undefined;
  const formatted = format(source, params.string("parse_mode"), params.json("caption_entities"));
  if (formatted.text.length > MAX_CAPTION_LENGTH) throw badRequest("message caption is too long");
  return formatted.text === "" ? undefined : formatted;
}

function format(source: string, parseMode: string | undefined, explicit: unknown): FormattedMessage {
  // Like the Bot API, explicit entities win over parse_mode.
  if (Array.isArray(explicit) && explicit.length > 0) {
    return trim({ text: source, entities: explicit.map((e) => checkEntity(e, source.length)) });
  }
  const mode = parseMode?.toLowerCase() ?? "";
  if (mode === "") return trim({ text: source, entities: [] });
  if (mode === "html") {
    try {
      return { ...trim(parseHtml(source)), html: source, parseMode };
    } catch (error) {
      if (error instanceof HtmlParseError) throw badRequest(`can't parse entities: ${error.message}`);
      throw error;
    }
  }
  if (mode === "markdown" || mode === "markdownv2") {
    throw badRequest(`can't parse entities: the fake Bot API implements parse_mode HTML only, not ${parseMode}`);
  }
  throw badRequest("unsupported parse_mode");
}

const ENTITY_TYPES = new Set([
  "mention",
  "hashtag",
  "cashtag",
  "bot_command",
  "url",
  "email",
  "phone_number",
  "bold",
  "italic",
  "underline",
  "strikethrough",
  "spoiler",
  "blockquote",
  "expandable_blockquote",
  "code",
  "pre",
  "text_link",
  "text_mention",
  "custom_emoji",
  "date_time",
]);

function checkEntity(value: unknown, textLength: number): MessageEntity {
  const entity = value as MessageEntity;
  if (typeof entity !== "object" || entity === null || !ENTITY_TYPES.has(entity.type)) {
    throw badRequest("can't parse MessageEntity: Unsupported type specified");
  }
  const { offset, length } = entity;
  if (offset < 0) throw badRequest(`receive an entity with incorrect offset ${offset}`);
  if (offset > textLength) throw badRequest(`entity begins after the end of the text at UTF-16 offset ${offset}`);
  if (offset + length > textLength) {
    throw badRequest(`entity beginning at UTF-16 offset ${offset} ends after the end of the text at UTF-16 offset ${offset + length}`);
  }
  if (entity.type === "text_link" && !entity.url) throw badRequest(`can't parse MessageEntity: Can't find field "url"`);
  return entity;
}

/** Telegram strips leading and trailing whitespace, shifting and clipping entities to match. */
function trim({ text, entities }: FormattedText): FormattedText {
  const lead = /^\s*/.exec(text)?.[0].length ?? 0;
  const trimmed = text.slice(lead).trimEnd();
  const clipped = entities.flatMap((entity) => {
    const start = Math.max(entity.offset - lead, 0);
    const end = Math.min(entity.offset + entity.length - lead, trimmed.length);
    return end > start ? [{ ...entity, offset: start, length: end - start }] : [];
  });
  return { text: trimmed, entities: clipped };
}

export type ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply;

/** `reply_markup`: inline keyboards are checked like Telegram does; other kinds only loosely. */
export function replyMarkup(params: Params): ReplyMarkup | undefined {
  const markup = params.json("reply_markup");
  if (markup === undefined || markup === null) return undefined;
  if (typeof markup !== "object" || Array.isArray(markup)) {
    throw badRequest("can't parse reply keyboard markup JSON object");
  }
  const object = markup as Record<string, unknown>;
  if ("inline_keyboard" in object) return inlineKeyboard(object.inline_keyboard);
  if ("keyboard" in object) {
    if (!Array.isArray(object.keyboard)) throw badRequest(`field "keyboard" must be of type Array`);
    return object as unknown as ReplyKeyboardMarkup;
  }
  for (const flag of ["remove_keyboard", "force_reply"]) {
    if (flag in object) {
      if (typeof object[flag] !== "boolean") throw badRequest(`field "${flag}" must be of type Boolean`);
      return object as unknown as ReplyKeyboardRemove | ForceReply;
    }
  }
  throw badRequest("can't parse reply keyboard markup JSON object");
}

/** Fields that give an inline button its action; Telegram needs exactly one. */
const ACTIONS = [
  "url",
  "callback_data",
  "web_app",
  "login_url",
  "disabled",
  "switch_inline_query",
  "switch_inline_query_current_chat",
  "switch_inline_query_chosen_chat",
  "copy_text",
  "callback_game",
  "pay",
] as const;

function inlineKeyboard(rows: unknown): InlineKeyboardMarkup {
  if (!Array.isArray(rows)) throw badRequest(`field "inline_keyboard" must be of type Array`);
  if (!rows.every((row) => Array.isArray(row))) throw badRequest(`field "inline_keyboard" must be an Array of Arrays`);
  const buttons = (rows as unknown[][]).flat();
  if (buttons.length > MAX_BUTTONS) throw badRequest("reply markup is too long");
  buttons.forEach(checkButton);
  return { inline_keyboard: rows as InlineKeyboardButton[][] };
}

function checkButton(value: unknown): void {
  const buttonError = (what: string) => badRequest(`can't parse inline keyboard button: ${what}`);
  if (typeof value !== "object" || value === null) throw buttonError("InlineKeyboardButton must be an Object");
  const button = value as Record<string, unknown>;
  if (button.text === undefined) throw buttonError(`Can't find field "text"`);
  if (typeof button.text !== "string") throw buttonError(`Field "text" must be of type String`);
  // An empty callback_data counts as absent, as on Telegram.
  const actions = ACTIONS.filter((field) => button[field] !== undefined && button[field] !== "");
  if (actions.length === 0) throw buttonError("Text buttons are unallowed in the inline keyboard");
  if (actions.length > 1) {
    // Telegram silently uses the first; the fake rejects it because it is always a bug.
    throw buttonError(`exactly one of ${actions.join(", ")} must be used (fake-only check)`);
  }
  const action = actions[0];
  if (action === "callback_data") {
    const data = button.callback_data;
    if (typeof data !== "string" || Buffer.byteLength(data) > MAX_CALLBACK_DATA_BYTES) {
      throw badRequest("BUTTON_DATA_INVALID");
    }
  } else if (action === "url") {
    const problem = urlProblem(String(button.url));
    if (problem) throw badRequest(`inline keyboard button URL '${String(button.url)}' is invalid: ${problem}`);
  } else if (action === "web_app") {
    const url = String((button.web_app as { url?: unknown } | null)?.url ?? "");
    if (!url.startsWith("https://")) {
      throw badRequest(`inline keyboard button Web App URL '${url}' is invalid: Only HTTPS links are allowed`);
    }
  } else if (action === "copy_text") {
    const text = (button.copy_text as { text?: unknown } | null)?.text;
    if (typeof text !== "string" || text.length < 1 || text.length > 256) {
      throw badRequest("BUTTON_COPY_TEXT_INVALID");
    }
  } else if (action === "pay" || action === "callback_game") {
    // Only valid on invoices and games, which this fake does not send.
    throw badRequest("BUTTON_TYPE_INVALID");
  }
}

/** TDLib-like URL check: http(s) and tg links; a bare host needs a dot. */
function urlProblem(url: string): string | undefined {
  if (/^tg:/i.test(url)) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "http" && scheme !== "https") return "Unsupported URL protocol";
  try {
    const host = new URL(scheme ? url : `http://${url}`).hostname;
    if (host === "") return "URL host is empty";
    return host.includes(".") || host === "localhost" ? undefined : "Wrong HTTP URL";
  } catch {
    return "Wrong HTTP URL";
  }
}
