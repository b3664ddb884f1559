import type { ChatMember } from "grammy/types";
import type { Middleware } from "grammy";
import type { BaseContext, Services } from "../context.js";

const present = (m: ChatMember) => m.status === "creator" || m.status === "administrator" || m.status === "member";

/**
 * The operator group (ADMIN_CHAT_ID) is the team's room: updates there from anyone outside the
 * team stop here, before the sender would be registered as a reseller, and get no answer. The
 * bot's own membership (my_chat_member) marks the group reachable or not, so alerts go straight
 * to the owners' DMs while the bot is out. Other chats pass untouched, but for my_chat_member,
 * which nothing else handles.
 */
export function operatorGroupGate(s: Pick<Services, "operatorGroup" | "resellers" | "team" | "logger">): Middleware<BaseContext> {
  return async (ctx, next) => {
    const chat = ctx.chat;
    const change = ctx.myChatMember;
    const inGroup = chat !== undefined && chat.type !== "private" && (await s.operatorGroup.isGroupChat(chat.id));
    // The bot's membership elsewhere (a DM blocked, another group) is nobody's business here, and
    // must not register the person who changed it.
    if (change && !inGroup) return;
    if (!inGroup) return next();
    if (change) {
      const removed = !present(change.new_chat_member);
      if (removed === !present(change.old_chat_member)) return;
      await s.operatorGroup.setRemoved(removed);
      const status = change.new_chat_member.status;
      if (removed) s.logger.warn({ chatId: chat.id, status }, "bot removed from the operator group: alerts go to the owners' DMs");
      else s.logger.info({ chatId: chat.id, status }, "bot is back in the operator group: alerts go there again");
      return;
    }
    const from = ctx.from;
    if (!from || from.is_bot) return;
    // Reads the record without registering anyone: only the team acts here. A stranger's press
    // is answered empty, only so their button stops spinning.
    if (s.team.roleOf(from.id, await s.resellers.get(from.id)) !== undefined) return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
  };
}
