import type { ForumTopic, User } from "grammy/types";
import { badRequest } from "./api-error.js";
import type { FakeCore } from "./core.js";
import { deliver, hasRight } from "./groups.js";
import type { Params } from "./params.js";
import { withoutReply, type ChatRecord, type GroupChatRecord, type ReplyMessage, type StoredMessage, type TopicRecord } from "./state.js";

/** The six colours createForumTopic accepts (the Bot API docs list them). */
export const TOPIC_COLORS = [0x6fb9f0, 0xffd67e, 0xcb86db, 0x8eee98, 0xff93b2, 0xfb6f5f] as const;

export const isForum = (record: ChatRecord): record is GroupChatRecord => record.kind === "group" && record.chat.is_forum === true;

/** A topic that exists (not deleted), or undefined. */
export function liveTopic(record: GroupChatRecord, threadId: number | undefined): TopicRecord | undefined {
  const topic = threadId === undefined ? undefined : record.topics.get(threadId);
  return topic && !topic.deleted ? topic : undefined;
}

/** Where a message sits: its thread fields and what it replies to. */
export interface Placement {
  message_thread_id?: number;
  is_topic_message?: true;
  reply_to_message?: ReplyMessage;
}

/**
 * Places a message like Telegram: in a forum topic it carries message_thread_id and
 * is_topic_message, and a message that replies to nothing replies to the topic's
 * forum_topic_created message (a well-known trap: reply_to_message is set on every topic
 * message). A reply without a thread goes to the replied message's topic. Outside topics
 * (General, non-forum supergroups) a reply belongs to the reply thread of the message it
 * answers, without is_topic_message. Basic groups and private chats have no threads.
 */
export function place(record: ChatRecord, threadId: number | undefined, reply: StoredMessage | undefined): Placement {
  const replyTo = reply ? { reply_to_message: withoutReply(reply.message) } : {};
  if (record.kind === "private" || record.chat.type === "group") return replyTo;
  const topicId = threadId ?? (reply?.message.is_topic_message ? reply.message.message_thread_id : undefined);
  if (record.chat.is_forum && topicId !== undefined) {
    const root = record.messages.get(topicId);
    return {
      message_thread_id: topicId,
      is_topic_message: true,
      ...(reply ? replyTo : root ? { reply_to_message: withoutReply(root.message) } : {}),
    };
  }
  if (reply) return { message_thread_id: reply.message.message_thread_id ?? reply.message.message_id, ...replyTo };
  return threadId === undefined ? {} : { message_thread_id: threadId };
}

/**
 * The `message_thread_id` of a bot's send, checked like Telegram: a forum needs a live topic
 * ("message thread not found", also for 1: the General topic is addressed by leaving the id
 * out), a closed one needs can_manage_topics ("TOPIC_CLOSED"); a non-forum supergroup needs
 * an existing message as the thread's root. Private chats ignore it (no topics there).
 */
export function threadParam(record: ChatRecord, params: Params): number | undefined {
  const threadId = params.int("message_thread_id");
  if (threadId === undefined || threadId === 0 || record.kind === "private") return undefined;
  if (record.chat.type === "group") throw badRequest("message thread not found");
  if (record.chat.is_forum) {
    const topic = liveTopic(record, threadId);
    if (!topic) throw badRequest("message thread not found");
    if (topic.closed && !hasRight(record.bot, "can_manage_topics")) throw badRequest("TOPIC_CLOSED");
    return threadId;
  }
  const root = record.messages.get(threadId);
  if (!root || root.deleted) throw badRequest("message thread not found");
  return threadId;
}

/** Opens a topic: a forum_topic_created service message whose id becomes the thread id. */
export function openTopic(
  core: FakeCore,
  record: GroupChatRecord,
  init: { name: string; iconColor: number; iconCustomEmojiId?: string; creator: User },
): ForumTopic {
  const id = record.nextMessageId;
  const topic: ForumTopic = {
    message_thread_id: id,
    name: init.name,
    icon_color: init.iconColor,
    ...(init.iconCustomEmojiId ? { icon_custom_emoji_id: init.iconCustomEmojiId } : {}),
  };
  record.topics.set(id, { topic, closed: false, deleted: false, creatorId: init.creator.id });
  const { message_thread_id: _, ...created } = topic;
  serviceMessage(core, record, init.creator, id, { forum_topic_created: created });
  return structuredClone(topic);
}

/** Closes or reopens a topic, posting forum_topic_closed / forum_topic_reopened in it. */
export function setTopicClosed(core: FakeCore, record: GroupChatRecord, topic: TopicRecord, closed: boolean, by: User): void {
  topic.closed = closed;
  serviceMessage(core, record, by, topic.topic.message_thread_id, closed ? { forum_topic_closed: {} } : { forum_topic_reopened: {} });
}

/** Renames a topic or changes its icon, posting forum_topic_edited. */
export function editTopic(
  core: FakeCore,
  record: GroupChatRecord,
  topic: TopicRecord,
  change: { name?: string; iconCustomEmojiId?: string },
  by: User,
): void {
  if (change.name !== undefined) topic.topic.name = change.name;
  if (change.iconCustomEmojiId !== undefined) {
    if (change.iconCustomEmojiId === "") delete topic.topic.icon_custom_emoji_id;
    else topic.topic.icon_custom_emoji_id = change.iconCustomEmojiId;
  }
  const edited = {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(change.iconCustomEmojiId !== undefined ? { icon_custom_emoji_id: change.iconCustomEmojiId } : {}),
  };
  serviceMessage(core, record, by, topic.topic.message_thread_id, { forum_topic_edited: edited });
}

/** Deletes a topic with all its messages; Telegram tells the bot nothing. */
export function removeTopic(core: FakeCore, record: GroupChatRecord, topic: TopicRecord): void {
  topic.deleted = true;
  const id = topic.topic.message_thread_id;
  for (const stored of record.messages.values()) {
    if (!stored.deleted && stored.message.is_topic_message && stored.message.message_thread_id === id) core.state.remove(stored);
  }
}

/** A topic service message; the bot is told unless it did it itself. */
function serviceMessage(core: FakeCore, record: GroupChatRecord, by: User, threadId: number, content: object): void {
  const stored = core.state.addMessage(
    record,
    { message_thread_id: threadId, is_topic_message: true, ...content },
    // Not `fromBot`: a service message is not one of the bot's messages a test reads.
    { fromBot: false, from: by },
  );
  if (by.id !== core.botInfo.id) deliver(core, record, stored.message);
}
