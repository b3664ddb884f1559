import type { Transformer } from "grammy";

const TEXT_METHODS = new Set(["sendMessage", "editMessageText"]);
const CAPTION_METHODS = new Set(["sendDocument", "editMessageCaption"]);

/** Every message we write is HTML (locales use <b>, <code>); arguments are escaped on render. */
export const htmlParseMode: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown>;
  if ((TEXT_METHODS.has(method) || CAPTION_METHODS.has(method)) && p.parse_mode === undefined) {
    const extra: Record<string, unknown> = { parse_mode: "HTML" };
    if (TEXT_METHODS.has(method) && p.link_preview_options === undefined) extra.link_preview_options = { is_disabled: true };
    return prev(method, { ...p, ...extra } as typeof payload, signal);
  }
  return prev(method, payload, signal);
};
