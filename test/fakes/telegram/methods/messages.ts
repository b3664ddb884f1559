import type { InlineKeyboardMarkup } from "grammy/types";
import { badRequest, blockedByUser } from "../api-error.js";
import type { MethodContext, MethodHandler } from "../core.js";
import type { UploadedFile } from "../multipart.js";
import { isUploadedFile, type Params } from "../params.js";
import { hasRight } from "../groups.js";
import { mimeTypeOf } from "../content.js";
import { documentOf, type ChatRecord, type FakeState, type StoredFile, type StoredMessage } from "../state.js";
import { place, threadParam, type Placement } from "../topics.js";
import { caption, messageText, replyMarkup, type ReplyMarkup } from "../validate.js";

const NOT_MODIFIED =
  "message is not modified: specified new message content and reply markup are exactly the same " +
  "as a current content and reply markup of the message";

const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);

/** The chat a message goes to: known, reachable, and not blocked by its user. */
function recipient({ core, params }: MethodContext): ChatRecord {
  const chat = core.state.requireChat(params.chatId());
  if (chat.kind === "private" && chat.blocked) throw blockedByUser();
  return chat;
}

/** Where a bot's new message goes: the chat, its thread and what it replies to. */
export function destination(context: MethodContext): { chat: ChatRecord; placement: Placement } {
  const chat = recipient(context);
  const threadId = threadParam(chat, context.params);
  const reply = replyTarget(context.core.state, chat, context.params);
  return { chat, placement: place(chat, threadId, reply) };
}

/** The message to reply to, from reply_parameters or the legacy reply_to_message_id. */
function replyTarget(state: FakeState, chat: ChatRecord, params: Params): StoredMessage | undefined {
  const replyParameters = params.json("reply_parameters") as { message_id?: number; allow_sending_without_reply?: boolean } | undefined;
  if (replyParameters && replyParameters.message_id === undefined) throw badRequest(`can't find field "message_id"`);
  const messageId = replyParameters?.message_id ?? params.int("reply_to_message_id");
  if (messageId === undefined) return undefined;
  const target = state.message(chat, messageId);
  if (target) return target;
  const lenient = replyParameters?.allow_sending_without_reply ?? params.bool("allow_sending_without_reply");
  if (!lenient) throw badRequest("message to be replied not found");
  return undefined;
}

/** Only inline keyboards are part of a Message object. */
export function inlineMarkup(markup: ReplyMarkup | undefined): { reply_markup?: InlineKeyboardMarkup } {
  return markup && "inline_keyboard" in markup ? { reply_markup: markup } : {};
}

/**
 * An uploaded file (stored as `kind`), a known file_id, or a URL. A document's file_id is
 * refused as a photo; sendDocument takes any file_id, as Telegram does.
 */
function fileFromParam(state: FakeState, value: UploadedFile | string, kind: "photo" | "document"): StoredFile {
  if (isUploadedFile(value)) {
    if (value.size === 0) throw badRequest("file must be non-empty");
    return state.addFile({
      kind,
      file_name: value.filename,
      mime_type: mimeTypeOf(value.filename),
      file_size: value.size,
      content: value.content,
      bytes: value.bytes,
    });
  }
  const known = state.files.get(value);
  if (kind === "photo" && known?.kind === "document") throw badRequest("can't use file of type Document as Photo");
  if (known) return known;
  if (/^https?:\/\//.test(value)) {
    // Telegram would download it; the fake only notes the name.
    return state.addFile({ file_name: new URL(value).pathname.split("/").pop() || "file", content: "" });
  }
  throw badRequest("wrong file identifier/HTTP URL specified");
}

const sendMessage: MethodHandler = (context) => {
  const { core, params } = context;
  const text = messageText(params);
  const markup = replyMarkup(params);
  const { chat, placement } = destination(context);
  core.limiter?.take(chat.chat.id);
  const stored = core.state.addMessage(
    chat,
    {
      text: text.text,
      ...(text.entities.length > 0 ? { entities: text.entities } : {}),
      ...inlineMarkup(markup),
      ...placement,
    },
    { fromBot: true, html: text.html, parseMode: text.parseMode, replyMarkup: markup },
  );
  return stored.message;
};

const sendDocument: MethodHandler = (context) => {
  const { core, params } = context;
  const document = params.file("document");
  if (document === undefined) throw badRequest("there is no document in the request");
  const captionText = caption(params);
  const markup = replyMarkup(params);
  const { chat, placement } = destination(context);
  const file = fileFromParam(core.state, document, "document");
  core.limiter?.take(chat.chat.id);
  const stored = core.state.addMessage(
    chat,
    {
      document: documentOf(file),
      ...(captionText ? { caption: captionText.text } : {}),
      ...(captionText?.entities.length ? { caption_entities: captionText.entities } : {}),
      ...inlineMarkup(markup),
      ...placement,
    },
    { fromBot: true, html: captionText?.html, parseMode: captionText?.parseMode, replyMarkup: markup, file },
  );
  return stored.message;
};

/** A PNG's size from its IHDR chunk (Telegram reads it from the picture; the fake only takes PNGs' word for it). */
function pngSize(bytes: Buffer | undefined): { width: number; height: number } {
  const isPng =
    bytes &&
    bytes.length >= 24 &&
    bytes.subarray(1, 4).toString("latin1") === "PNG" &&
    bytes.subarray(12, 16).toString("latin1") === "IHDR";
  return isPng ? { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) } : { width: 0, height: 0 };
}

const sendPhoto: MethodHandler = (context) => {
  const { core, params } = context;
  const photo = params.file("photo");
  if (photo === undefined) throw badRequest("there is no photo in the request");
  const captionText = caption(params);
  const markup = replyMarkup(params);
  const { chat, placement } = destination(context);
  const file = fileFromParam(core.state, photo, "photo");
  if (isUploadedFile(photo) && pngSize(file.bytes).width === 0) throw badRequest("IMAGE_PROCESS_FAILED");
  core.limiter?.take(chat.chat.id);
  const size = { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, ...pngSize(file.bytes) };
  const stored = core.state.addMessage(
    chat,
    {
      photo: [size],
      ...(captionText ? { caption: captionText.text } : {}),
      ...(captionText?.entities.length ? { caption_entities: captionText.entities } : {}),
      ...inlineMarkup(markup),
      ...placement,
    },
    { fromBot: true, html: captionText?.html, parseMode: captionText?.parseMode, replyMarkup: markup, file },
  );
  return stored.message;
};

/** The bot's own message addressed by chat_id + message_id, for an edit. */
function editable(context: MethodContext): StoredMessage {
  const { core, params } = context;
  if (params.has("inline_message_id")) throw badRequest("MESSAGE_ID_INVALID (the fake has no inline messages)");
  const chatId = params.chatId();
  const messageId = params.int("message_id");
  if (messageId === undefined) throw badRequest("message identifier is not specified");
  const chat = core.state.requireChat(chatId);
  const stored = core.state.message(chat, messageId);
  if (!stored) throw badRequest("message to edit not found");
  if (!stored.fromBot) throw badRequest("message can't be edited");
  if (chat.kind === "private" && chat.blocked) throw blockedByUser();
  return stored;
}

function inlineOnly(markup: ReplyMarkup | undefined): InlineKeyboardMarkup | undefined {
  if (markup && !("inline_keyboard" in markup)) throw badRequest("inline keyboard expected");
  return markup;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const editMessageText: MethodHandler = (context) => {
  const { core, params } = context;
  const text = messageText(params);
  const markup = inlineOnly(replyMarkup(params));
  const stored = editable(context);
  const current = stored.message;
  if (current.text === undefined) throw badRequest("there is no text in the message to edit");
  const entities = text.entities.length > 0 ? text.entities : undefined;
  if (current.text === text.text && sameJson(current.entities, entities) && sameJson(current.reply_markup, markup)) {
    throw badRequest(NOT_MODIFIED);
  }
  core.limiter?.take(current.chat.id, { perChatOnly: true });
  // Leaving out reply_markup removes the keyboard, as on Telegram.
  core.state.edit(stored, (target) => {
    target.message.text = text.text;
    if (entities) target.message.entities = entities;
    else delete target.message.entities;
    if (markup) target.message.reply_markup = markup;
    else delete target.message.reply_markup;
    target.html = text.html;
    target.parseMode = text.parseMode;
    target.replyMarkup = markup;
  });
  return stored.message;
};

const editMessageReplyMarkup: MethodHandler = (context) => {
  const { core, params } = context;
  const markup = inlineOnly(replyMarkup(params));
  const stored = editable(context);
  if (sameJson(stored.message.reply_markup, markup)) throw badRequest(NOT_MODIFIED);
  core.limiter?.take(stored.message.chat.id, { perChatOnly: true });
  core.state.edit(stored, (target) => {
    if (markup) target.message.reply_markup = markup;
    else delete target.message.reply_markup;
    target.replyMarkup = markup;
  });
  return stored.message;
};

/** A photo's or document's caption (and its keyboard), as a review card is rewritten with its outcome. */
const editMessageCaption: MethodHandler = (context) => {
  const { core, params } = context;
  const captionText = caption(params);
  const markup = inlineOnly(replyMarkup(params));
  const stored = editable(context);
  const current = stored.message;
  if (!current.photo && !current.document) throw badRequest("there is no caption in the message to edit");
  const entities = captionText?.entities.length ? captionText.entities : undefined;
  if (
    (current.caption ?? "") === (captionText?.text ?? "") &&
    sameJson(current.caption_entities, entities) &&
    sameJson(current.reply_markup, markup)
  ) {
    throw badRequest(NOT_MODIFIED);
  }
  core.limiter?.take(current.chat.id, { perChatOnly: true });
  core.state.edit(stored, (target) => {
    if (captionText?.text) target.message.caption = captionText.text;
    else delete target.message.caption;
    if (entities) target.message.caption_entities = entities;
    else delete target.message.caption_entities;
    if (markup) target.message.reply_markup = markup;
    else delete target.message.reply_markup;
    target.html = captionText?.html;
    target.parseMode = captionText?.parseMode;
    target.replyMarkup = markup;
  });
  return stored.message;
};

const deleteMessage: MethodHandler = ({ core, params }) => {
  const chat = core.state.requireChat(params.chatId());
  const stored = core.state.message(chat, params.requireInt("message_id"));
  if (!stored) throw badRequest("message to delete not found");
  // In a group the bot deletes others' messages only with can_delete_messages; a topic's first message never.
  const others = chat.kind === "group" && !stored.fromBot && !hasRight(chat.bot, "can_delete_messages");
  if (others || stored.message.forum_topic_created) throw badRequest("message can't be deleted");
  core.state.remove(stored);
  return true;
};

const sendChatAction: MethodHandler = (context) => {
  const chatId = context.params.chatId();
  if (!CHAT_ACTIONS.has(context.params.string("action") ?? "")) throw badRequest("wrong parameter action in request");
  const chat = context.core.state.requireChat(chatId);
  if (chat.kind === "private" && chat.blocked) throw blockedByUser();
  threadParam(chat, context.params);
  return true;
};

export const messageMethods: Record<string, MethodHandler> = {
  sendMessage,
  sendDocument,
  sendPhoto,
  editMessageText,
  editMessageReplyMarkup,
  editMessageCaption,
  deleteMessage,
  sendChatAction,
};
