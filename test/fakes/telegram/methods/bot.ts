import type { BotCommandScope, ChatFullInfo, MenuButton } from "grammy/types";
import { badRequest } from "../api-error.js";
import { commandLanguage, commandList, commandScope } from "../commands.js";
import type { MethodContext, MethodHandler } from "../core.js";

const MAX_CALLBACK_ANSWER_LENGTH = 200;
const MENU_BUTTON_TYPES = new Set(["commands", "web_app", "default"]);

/**
 * `scope` + `language_code`, checked like TDLib: a scope naming a chat needs a chat the bot
 * can reach; in a private chat only the "chat" scope; chat_member a user Telegram knows.
 */
function scopeAndLanguage({ core, params }: MethodContext): [BotCommandScope, string] {
  const scope = commandScope(params.json("scope"));
  const language = commandLanguage(params.string("language_code"));
  if (!("chat_id" in scope)) return [scope, language];
  const id = Number(scope.chat_id);
  const chat = core.state.requireChat(Number.isSafeInteger(id) ? id : undefined);
  if (chat.kind === "private" && scope.type !== "chat") throw badRequest("can't use specified scope in private chats");
  if (scope.type === "chat_member" && !core.state.users.has(scope.user_id)) throw badRequest("user not found");
  // Stored under the numeric id, so a test's { chat_id: -100… } finds it.
  return [{ ...scope, chat_id: chat.chat.id }, language];
}

const answerCallbackQuery: MethodHandler = ({ core, params }) => {
  const id = params.string("callback_query_id") ?? "";
  const query = core.state.callbackQueries.get(id);
  if (!query || query.answered) {
    throw badRequest("query is too old and response timeout expired or query ID is invalid");
  }
  const text = params.string("text");
  if (text && text.length > MAX_CALLBACK_ANSWER_LENGTH) throw badRequest("MESSAGE_TOO_LONG");
  query.answered = true;
  const url = params.string("url");
  core.state.addCallbackAnswer(query.chatId, {
    callback_query_id: id,
    ...(text ? { text } : {}),
    show_alert: params.bool("show_alert"),
    ...(url ? { url } : {}),
    at: Date.now(),
  });
  return true;
};

const setMyCommands: MethodHandler = (context) => {
  const commands = commandList(context.params.json("commands"));
  const [scope, language] = scopeAndLanguage(context);
  context.core.commands.set(scope, language, commands);
  return true;
};

const getMyCommands: MethodHandler = (context) => context.core.commands.get(...scopeAndLanguage(context));

const deleteMyCommands: MethodHandler = (context) => {
  const [scope, language] = scopeAndLanguage(context);
  context.core.commands.set(scope, language, []);
  return true;
};

const menuButtonKey = ({ core, params }: MethodContext) => {
  if (!params.has("chat_id")) return "default";
  return String(core.state.requireChat(params.chatId()).chat.id);
};

const setChatMenuButton: MethodHandler = (context) => {
  const button = (context.params.json("menu_button") ?? { type: "default" }) as MenuButton;
  if (!MENU_BUTTON_TYPES.has(button.type)) throw badRequest("unsupported menu button type");
  context.core.menuButtons.set(menuButtonKey(context), button);
  return true;
};

const getChatMenuButton: MethodHandler = (context) =>
  context.core.menuButtons.get(menuButtonKey(context)) ?? context.core.menuButtons.get("default") ?? { type: "commands" };

/** What members may do in a group the fake creates (Telegram's defaults for a new group). */
const GROUP_PERMISSIONS = {
  can_send_messages: true,
  can_send_audios: true,
  can_send_documents: true,
  can_send_photos: true,
  can_send_videos: true,
  can_send_video_notes: true,
  can_send_voice_notes: true,
  can_send_polls: true,
  can_send_other_messages: true,
  can_add_web_page_previews: true,
  can_react_to_messages: true,
  can_change_info: false,
  can_invite_users: true,
  can_edit_tag: false,
  can_pin_messages: false,
  can_manage_topics: false,
};

const getChat: MethodHandler = ({ core, params }): ChatFullInfo => {
  const record = core.state.requireChat(params.chatId(), { allowUpgraded: true });
  const { chat } = record;
  return {
    ...chat,
    ...(record.kind === "group" ? { permissions: GROUP_PERMISSIONS } : {}),
    accent_color_id: 0,
    max_reaction_count: 11,
    accepted_gift_types: { unlimited_gifts: true, limited_gifts: true, unique_gifts: true, premium_subscription: true },
  } as ChatFullInfo;
};

export const botMethods: Record<string, MethodHandler> = {
  getMe: ({ core }) => core.botInfo,
  logOut: () => true,
  close: () => true,
  answerCallbackQuery,
  setMyCommands,
  getMyCommands,
  deleteMyCommands,
  setChatMenuButton,
  getChatMenuButton,
  getChat,
};
