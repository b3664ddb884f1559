import type { ForumTopic } from "grammy/types";
import { badRequest } from "../api-error.js";
import type { MethodContext, MethodHandler } from "../core.js";
import { hasRight, type AdminRights } from "../groups.js";
import type { GroupChatRecord, TopicRecord } from "../state.js";
import { editTopic, liveTopic, openTopic, removeTopic, setTopicClosed, TOPIC_COLORS } from "../topics.js";

/** TDLib cuts a topic name to 128 characters rather than refusing it. */
const MAX_TOPIC_NAME = 128;

/** The forum supergroup a topic method names; anything else "is not a forum". */
function forum({ core, params }: MethodContext): GroupChatRecord {
  const chat = core.state.requireChat(params.chatId());
  if (chat.kind !== "group" || !chat.chat.is_forum) throw badRequest("the chat is not a forum");
  return chat;
}

/**
 * The topic `message_thread_id` names, with the right the bot needs for `action`. The bot may
 * close, reopen and rename topics it created without can_manage_topics; deleting always needs
 * can_delete_messages (as the Bot API docs say).
 */
function topicFor(context: MethodContext, action: "edit" | "close or open" | "delete"): { chat: GroupChatRecord; topic: TopicRecord } {
  const chat = forum(context);
  const threadId = context.params.int("message_thread_id");
  if (threadId === undefined || threadId <= 0) throw badRequest("invalid message thread identifier specified");
  const topic = liveTopic(chat, threadId);
  if (!topic) throw badRequest("TOPIC_ID_INVALID");
  const right: keyof AdminRights = action === "delete" ? "can_delete_messages" : "can_manage_topics";
  const own = action !== "delete" && topic.creatorId === context.core.botInfo.id;
  if (!own && !hasRight(chat.bot, right)) throw badRequest(`not enough rights to ${action} the topic`);
  return { chat, topic };
}

function topicName(value: string | undefined): string {
  const name = (value ?? "").trim().slice(0, MAX_TOPIC_NAME);
  if (name === "") throw badRequest("title must be non-empty");
  return name;
}

const createForumTopic: MethodHandler = (context): ForumTopic => {
  const { core, params } = context;
  const chat = forum(context);
  if (!hasRight(chat.bot, "can_manage_topics")) throw badRequest("not enough rights to create a topic");
  const name = topicName(params.string("name"));
  const iconColor = params.int("icon_color") ?? TOPIC_COLORS[0];
  if (iconColor < 0 || iconColor > 0xffffff) throw badRequest("invalid icon color specified");
  if (!(TOPIC_COLORS as readonly number[]).includes(iconColor)) {
    throw badRequest(`invalid icon color specified (fake-only check: the Bot API allows ${TOPIC_COLORS.join(", ")})`);
  }
  const iconCustomEmojiId = params.string("icon_custom_emoji_id");
  return openTopic(core, chat, { name, iconColor, ...(iconCustomEmojiId ? { iconCustomEmojiId } : {}), creator: core.state.bot });
};

const editForumTopic: MethodHandler = (context) => {
  const { core, params } = context;
  const { chat, topic } = topicFor(context, "edit");
  const name = params.has("name") ? topicName(params.string("name")) : undefined;
  const emoji = params.string("icon_custom_emoji_id");
  const unchanged =
    (name === undefined || name === topic.topic.name) && (emoji === undefined || emoji === (topic.topic.icon_custom_emoji_id ?? ""));
  if (unchanged) throw badRequest("TOPIC_NOT_MODIFIED");
  editTopic(
    core,
    chat,
    topic,
    { ...(name !== undefined ? { name } : {}), ...(emoji !== undefined ? { iconCustomEmojiId: emoji } : {}) },
    core.state.bot,
  );
  return true;
};

const toggleClosed =
  (closed: boolean): MethodHandler =>
  (context) => {
    const { chat, topic } = topicFor(context, "close or open");
    if (topic.closed === closed) throw badRequest("TOPIC_NOT_MODIFIED");
    setTopicClosed(context.core, chat, topic, closed, context.core.state.bot);
    return true;
  };

const deleteForumTopic: MethodHandler = (context) => {
  const { chat, topic } = topicFor(context, "delete");
  removeTopic(context.core, chat, topic);
  return true;
};

export const topicMethods: Record<string, MethodHandler> = {
  createForumTopic,
  editForumTopic,
  closeForumTopic: toggleClosed(true),
  reopenForumTopic: toggleClosed(false),
  deleteForumTopic,
};
