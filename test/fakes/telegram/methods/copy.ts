import type { Message, MessageId } from "grammy/types";
import { badRequest } from "../api-error.js";
import type { MethodContext, MethodHandler } from "../core.js";
import { isServiceMessage } from "../groups.js";
import type { StoredMessage } from "../state.js";
import { caption, replyMarkup } from "../validate.js";
import { destination, inlineMarkup } from "./messages.js";

/** A message's content only: no sender, chat, date, thread, reply, keyboard, edit or forward marks. */
function contentOf(message: Message): Omit<Message, "message_id" | "date" | "chat" | "from"> {
  const {
    message_id: _id,
    from: _from,
    chat: _chat,
    date: _date,
    edit_date: _edited,
    reply_to_message: _reply,
    reply_markup: _markup,
    message_thread_id: _thread,
    is_topic_message: _topic,
    forward_origin: _origin,
    ...content
  } = structuredClone(message);
  return content;
}

/** The message `from_chat_id` + `message_id` name; an upgraded basic group is still readable. */
function source(context: MethodContext, notFound: string): StoredMessage {
  const { core, params } = context;
  const chat = core.state.requireChat(params.chatId("from_chat_id"), { allowUpgraded: true });
  const original = core.state.message(chat, params.requireInt("message_id"));
  if (!original) throw badRequest(notFound);
  return original;
}

/** copyMessage: the content as a new message of the bot's, with an optional new caption. */
const copyMessage: MethodHandler = (context): MessageId => {
  const { core, params } = context;
  const newCaption = params.has("caption") ? caption(params) : undefined;
  const markup = replyMarkup(params);
  const original = source(context, "message to copy not found");
  if (isServiceMessage(original.message)) throw badRequest("message can't be copied");
  const { chat, placement } = destination(context);
  core.limiter?.take(chat.chat.id);
  const content = contentOf(original.message);
  if (params.has("caption") && (content.document || content.photo)) {
    delete content.caption;
    delete content.caption_entities;
    if (newCaption) {
      content.caption = newCaption.text;
      if (newCaption.entities.length > 0) content.caption_entities = newCaption.entities;
    }
  }
  const formatted = params.has("caption") ? newCaption : original;
  const copy = core.state.addMessage(
    chat,
    { ...content, ...inlineMarkup(markup), ...placement },
    {
      fromBot: true,
      html: formatted?.html,
      parseMode: formatted?.parseMode,
      replyMarkup: markup,
      ...(original.file ? { file: original.file } : {}),
    },
  );
  return { message_id: copy.message.message_id };
};

/** forwardMessage: the same content, sent by the bot, with forward_origin naming the original sender. */
const forwardMessage: MethodHandler = (context) => {
  const { core } = context;
  const original = source(context, "message to forward not found");
  if (isServiceMessage(original.message)) throw badRequest("message can't be forwarded");
  const { chat, placement } = destination(context);
  core.limiter?.take(chat.chat.id);
  const { message } = original;
  const origin = message.forward_origin ?? { type: "user" as const, sender_user: message.from!, date: message.date };
  const forward = core.state.addMessage(
    chat,
    { ...contentOf(message), forward_origin: origin, ...placement },
    { fromBot: true, html: original.html, parseMode: original.parseMode, ...(original.file ? { file: original.file } : {}) },
  );
  return forward.message;
};

export const copyMethods: Record<string, MethodHandler> = { copyMessage, forwardMessage };
