import type { Transformer } from "grammy";

const EDITS = new Set(["editMessageText", "editMessageReplyMarkup", "editMessageCaption"]);

/**
 * An edit to what the message already shows (a button tapped twice on a slow connection) is
 * answered by Telegram with 400 "message is not modified". The message is as it should be, so
 * that is success, not an error for the user to hear about.
 */
export const ignoreNotModified: Transformer = async (prev, method, payload, signal) => {
  const res = await prev(method, payload, signal);
  if (!res.ok && EDITS.has(method) && res.error_code === 400 && res.description.includes("message is not modified")) {
    // Cast: the result type depends on the generic method, which TypeScript cannot narrow from `method`.
    return { ok: true, result: true } as unknown as typeof res;
  }
  return res;
};
