import type { Transformer } from "grammy";
import { fitPayload } from "../fit-text.js";

const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);
const CAPTION_METHODS = new Set(["sendDocument", "sendPhoto", "editMessageCaption"]);

/**
 * Every message we write is HTML (locales use <b>, <code>); arguments are escaped on render.
 * Every Api the app builds installs this transformer, so it is also the one place where texts
 * and captions are cut to Telegram's limits (fit-text.ts): a note of any length in a
 * notification or an order card must not cost the reader the whole message.
 */
export const htmlParseMode: Transformer = (prev, method, payload, signal) => {
  let p = payload as Record<string, unknown>;
  if ((TEXT_METHODS.has(method) || CAPTION_METHODS.has(method)) && p.parse_mode === undefined) {
    const extra: Record<string, unknown> = { parse_mode: "HTML" };
    if (TEXT_METHODS.has(method) && p.link_preview_options === undefined) extra.link_preview_options = { is_disabled: true };
    p = { ...p, ...extra };
  }
  return prev(method, fitPayload(method, p) as typeof payload, signal);
};
