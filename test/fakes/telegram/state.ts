import { randomBytes } from "node:crypto";
import type { Chat, ChatMember, Document, ForumTopic, Message, MessageEntity, User } from "grammy/types";
import { ApiError, chatNotFound } from "./api-error.js";
import { assertGroupAccess } from "./groups.js";
import type { ReplyMarkup } from "./validate.js";

/** A file the bot uploaded (or referenced), or one a simulated person sent, with its content. */
export interface StoredFile extends Document {
  content: string;
  /** The exact bytes when the bot uploaded them, or of a person's photo or document. */
  bytes?: Buffer;
  /** What Telegram knows the file as; sendPhoto refuses a document's file_id and the other way round. */
  kind?: "photo" | "document";
  /** Set by the first getFile: where /file/bot<token>/<file_path> serves it. */
  file_path?: string;
}

/** Internal record of a message in a chat; `message` is its current Bot API shape. */
export interface StoredMessage {
  message: Message;
  fromBot: boolean;
  html?: string;
  parseMode?: string;
  /** Any kind of markup; `message.reply_markup` can only hold an inline keyboard. */
  replyMarkup?: ReplyMarkup;
  file?: StoredFile;
  edits: number;
  deleted: boolean;
}

/** An answerCallbackQuery call, as the user's client would show it. */
export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert: boolean;
  url?: string;
  at: number;
}

/** What a test sees of a message the bot sent: current state, edits applied. */
export interface BotMessage {
  message_id: number;
  chat_id: number;
  date: number;
  /** Plain text, or a document's caption ("" if none): tags stripped, entities decoded. */
  text: string;
  /** The text/caption exactly as sent, when parse_mode was HTML. */
  html?: string;
  parse_mode?: string;
  entities: MessageEntity[];
  reply_markup?: ReplyMarkup;
  document?: StoredFile;
  /** A photo the bot uploaded (sendPhoto), bytes included. */
  photo?: StoredFile;
  reply_to_message_id?: number;
  /** The forum topic (or, outside topics, the reply thread) the message is in. */
  message_thread_id?: number;
  /** True when it is in a forum topic (not the General topic). */
  is_topic_message?: boolean;
  edit_date?: number;
  /** How many times the bot edited it. */
  edits: number;
  deleted: boolean;
  /** The message as the Bot API would return it now. */
  raw: Message;
}

export type ChatEvent =
  | { type: "sent" | "edited" | "deleted"; chatId: number; message: BotMessage }
  | { type: "callback_answer"; chatId: number; answer: CallbackAnswer };

interface ChatRecordBase {
  /** Telegram's opaque per-chat id sent with callback queries. */
  chatInstance: string;
  messages: Map<number, StoredMessage>;
  botMessages: StoredMessage[];
  callbackAnswers: CallbackAnswer[];
  nextMessageId: number;
}

export interface PrivateChatRecord extends ChatRecordBase {
  kind: "private";
  user: User;
  chat: Chat.PrivateChat;
  blocked: boolean;
}

/** A forum topic; its id is the id of the forum_topic_created message that opened it. */
export interface TopicRecord {
  topic: ForumTopic;
  closed: boolean;
  deleted: boolean;
  /** Who created it: the bot may close or rename its own topics without can_manage_topics. */
  creatorId: number;
}

export interface GroupChatRecord extends ChatRecordBase {
  kind: "group";
  chat: Chat.GroupChat | Chat.SupergroupChat;
  /** The people in the chat, by user id, as getChatMember shows them (the bot is `bot`). */
  members: Map<number, ChatMember>;
  bot: ChatMember;
  topics: Map<number, TopicRecord>;
  deleted: boolean;
  /** Set once a basic group is upgraded: the supergroup's id. */
  migratedTo?: number;
}

export type ChatRecord = PrivateChatRecord | GroupChatRecord;

export const unixTime = () => Math.floor(Date.now() / 1000);

export type ReplyMessage = NonNullable<Message["reply_to_message"]>;

/** A copy for reply_to_message: nested messages carry no reply of their own. */
export function withoutReply(message: Message): ReplyMessage {
  const { reply_to_message: _, ...rest } = structuredClone(message);
  return rest as ReplyMessage;
}

export const randomId = (prefix: string, bytes: number) => prefix + randomBytes(bytes).toString("base64url");

/** Users, their private chats, groups, messages, files and pending callback queries. */
export class FakeState {
  private readonly chats = new Map<number, ChatRecord>();
  /** Every person the fake knows: private-chat users and group members. */
  readonly users = new Map<number, User>();
  /** Every message the bot sent, in order. */
  readonly sent: StoredMessage[] = [];
  readonly files = new Map<string, StoredFile>();
  /** Files getFile gave a path, by that path (what /file/bot<token>/<path> serves). */
  readonly filePaths = new Map<string, StoredFile>();
  readonly callbackQueries = new Map<string, { chatId: number; answered: boolean }>();
  private readonly listeners = new Set<(event: ChatEvent) => void>();

  constructor(readonly bot: User) {}

  addChat(user: User): PrivateChatRecord {
    const existing = this.chats.get(user.id);
    if (existing?.kind === "private") return existing;
    this.users.set(user.id, this.users.get(user.id) ?? user);
    const record: PrivateChatRecord = {
      kind: "private",
      user,
      chat: {
        id: user.id,
        type: "private",
        first_name: user.first_name,
        ...(user.last_name ? { last_name: user.last_name } : {}),
        ...(user.username ? { username: user.username } : {}),
      },
      blocked: false,
      ...newChatBase(),
    };
    this.chats.set(user.id, record);
    return record;
  }

  /** A new group or supergroup with the bot's membership in it (no members yet). */
  addGroup(chat: GroupChatRecord["chat"], bot: ChatMember): GroupChatRecord {
    if (this.chats.has(chat.id)) throw new Error(`Chat ${chat.id} already exists`);
    const record: GroupChatRecord = {
      kind: "group",
      chat,
      members: new Map(),
      bot,
      topics: new Map(),
      deleted: false,
      ...newChatBase(),
    };
    this.chats.set(chat.id, record);
    return record;
  }

  chat(id: number | undefined): ChatRecord | undefined {
    return id === undefined ? undefined : this.chats.get(id);
  }

  /**
   * The chat a method names, refused like Telegram refuses it: unknown, a person who never
   * started the bot, a deleted or upgraded group, a group the bot is not in. `allowUpgraded`
   * lets an upgraded basic group through (getChat, the source of a copy or forward).
   */
  requireChat(id: number | undefined, options: { allowUpgraded?: boolean } = {}): ChatRecord {
    const record = this.chat(id);
    if (!record) {
      if (id !== undefined && id > 0 && this.users.has(id)) {
        throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
      }
      throw chatNotFound();
    }
    if (record.kind === "group") assertGroupAccess(record, options);
    return record;
  }

  /** A live (not deleted) message of the chat. */
  message(record: ChatRecord, messageId: number | undefined): StoredMessage | undefined {
    const stored = messageId === undefined ? undefined : record.messages.get(messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  /** Stores a message; `from` is the bot, the private chat's user, or (in groups) `meta.from`. */
  addMessage(
    record: ChatRecord,
    content: Omit<Message, "message_id" | "date" | "chat" | "from">,
    meta: Pick<StoredMessage, "fromBot" | "html" | "parseMode" | "replyMarkup" | "file"> & { from?: User },
  ): StoredMessage {
    const { from, ...rest } = meta;
    const sender = meta.fromBot ? this.bot : (from ?? (record.kind === "private" ? record.user : undefined));
    if (!sender) throw new Error(`A message in group ${record.chat.id} needs its sender`);
    const message: Message = {
      message_id: record.nextMessageId++,
      from: sender,
      chat: record.chat,
      date: unixTime(),
      ...content,
    };
    const stored: StoredMessage = { message, edits: 0, deleted: false, ...rest };
    record.messages.set(message.message_id, stored);
    if (meta.fromBot) {
      record.botMessages.push(stored);
      this.sent.push(stored);
      this.emit({ type: "sent", chatId: record.chat.id, message: snapshot(stored) });
    }
    return stored;
  }

  /** Applies an edit made by the bot and stamps edit_date. */
  edit(stored: StoredMessage, change: (stored: StoredMessage) => void): void {
    change(stored);
    stored.message.edit_date = unixTime();
    stored.edits++;
    this.emit({ type: "edited", chatId: stored.message.chat.id, message: snapshot(stored) });
  }

  remove(stored: StoredMessage): void {
    stored.deleted = true;
    if (stored.fromBot) this.emit({ type: "deleted", chatId: stored.message.chat.id, message: snapshot(stored) });
  }

  addFile(file: Omit<StoredFile, "file_id" | "file_unique_id">): StoredFile {
    // Photos' file_ids start with AgAC and their unique ids with AQAD, documents' with BQAC and AgAD.
    const photo = file.kind === "photo";
    const stored: StoredFile = {
      file_id: randomId(photo ? "AgACAgIAAxkBAAI" : "BQACAgIAAxkBAAI", 24),
      file_unique_id: randomId(photo ? "AQAD" : "AgAD", 8),
      ...file,
    };
    this.files.set(stored.file_id, stored);
    return stored;
  }

  addCallbackAnswer(chatId: number, answer: CallbackAnswer): void {
    this.chat(chatId)?.callbackAnswers.push(answer);
    this.emit({ type: "callback_answer", chatId, answer });
  }

  subscribe(listener: (event: ChatEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: ChatEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}

function newChatBase(): ChatRecordBase {
  return {
    chatInstance: String(BigInt.asIntN(64, randomBytes(8).readBigInt64BE())),
    messages: new Map(),
    botMessages: [],
    callbackAnswers: [],
    nextMessageId: 1,
  };
}

/** A file as a Message's `document` shows it: the Bot API fields only. */
export function documentOf(file: StoredFile): Document {
  return {
    file_id: file.file_id,
    file_unique_id: file.file_unique_id,
    ...(file.file_name !== undefined ? { file_name: file.file_name } : {}),
    ...(file.mime_type !== undefined ? { mime_type: file.mime_type } : {}),
    ...(file.file_size !== undefined ? { file_size: file.file_size } : {}),
  };
}

export function snapshot(stored: StoredMessage): BotMessage {
  const { message } = stored;
  return {
    message_id: message.message_id,
    chat_id: message.chat.id,
    date: message.date,
    text: message.text ?? message.caption ?? "",
    ...(stored.html !== undefined ? { html: stored.html } : {}),
    ...(stored.parseMode !== undefined ? { parse_mode: stored.parseMode } : {}),
    entities: message.entities ?? message.caption_entities ?? [],
    ...(stored.replyMarkup ? { reply_markup: structuredClone(stored.replyMarkup) } : {}),
    ...(stored.file ? { [message.photo ? "photo" : "document"]: { ...stored.file } } : {}),
    ...(message.reply_to_message ? { reply_to_message_id: message.reply_to_message.message_id } : {}),
    ...(message.message_thread_id !== undefined ? { message_thread_id: message.message_thread_id } : {}),
    ...(message.is_topic_message ? { is_topic_message: true } : {}),
    ...(message.edit_date !== undefined ? { edit_date: message.edit_date } : {}),
    edits: stored.edits,
    deleted: stored.deleted,
    raw: structuredClone(message),
  };
}
