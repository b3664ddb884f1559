import type { Context } from "grammy";

/**
 * Where a chat's session and conversation live. A private chat is one person: its id, as
 * grammY's default (so nothing stored before moves). In a group or the operators' forum several
 * people talk at once: keyed by chat and sender, so one member can never answer another's question.
 */
export function chatUserKey(ctx: Context): string | undefined {
  const chat = ctx.chat;
  if (!chat) return undefined;
  if (chat.type === "private") return String(chat.id);
  const from = ctx.from;
  return from ? `${chat.id}:${from.id}` : undefined;
}
