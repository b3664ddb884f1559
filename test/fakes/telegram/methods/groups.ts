import type { ChatMember } from "grammy/types";
import { badRequest } from "../api-error.js";
import type { MethodHandler } from "../core.js";
import { chatMember, isAdmin, isPresent, memberOf, setBotMembership } from "../groups.js";

const getChatMember: MethodHandler = ({ core, params }): ChatMember => {
  const chat = core.state.requireChat(params.chatId());
  const userId = params.requireInt("user_id");
  if (chat.kind === "group") return memberOf(core, chat, userId);
  // A private chat has two members: its user and the bot.
  if (userId === chat.user.id) return { status: "member", user: chat.user };
  if (userId === core.botInfo.id) return { status: "member", user: core.state.bot };
  throw badRequest("user not found");
};

const getChatAdministrators: MethodHandler = ({ core, params }): ChatMember[] => {
  const chat = core.state.requireChat(params.chatId());
  if (chat.kind === "private") throw badRequest("there are no administrators in the private chat");
  const admins = [...chat.members.values(), chat.bot].filter(isAdmin);
  return structuredClone(admins);
};

const getChatMemberCount: MethodHandler = ({ core, params }): number => {
  const chat = core.state.requireChat(params.chatId());
  if (chat.kind === "private") return 2;
  return [...chat.members.values(), chat.bot].filter(isPresent).length;
};

/** leaveChat: the bot becomes "left" and hears of it with my_chat_member, like any change of its membership. */
const leaveChat: MethodHandler = ({ core, params }) => {
  const chat = core.state.requireChat(params.chatId());
  if (chat.kind === "private") throw badRequest("can't leave private chats");
  setBotMembership(core, chat, chatMember(chat, core.state.bot, "left"), core.state.bot);
  return true;
};

export const groupMethods: Record<string, MethodHandler> = { getChatMember, getChatAdministrators, getChatMemberCount, leaveChat };
