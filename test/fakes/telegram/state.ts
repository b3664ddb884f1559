import { randomBytes } from "node:crypto";
import type { Chat, Document, Message, MessageEntity, User } from "grammy/types";
import { chatNotFound } from "./api-error.js";
import type { ReplyMarkup } from "./validate.js";

/** A file the bot uploaded (or referenced), with its text content. */
export interface StoredFile extends Document {
  content: string;
  /** The exact bytes when the bot uploaded them. */
  bytes?: Buffer;
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

export interface ChatRecord {
  user: User;
  chat: Chat.PrivateChat;
  blocked: boolean;
  /** Telegram's opaque per-chat id sent with callback queries. */
  chatInstance: string;
  messages: Map<number, StoredMessage>;
  botMessages: StoredMessage[];
  callbackAnswers: CallbackAnswer[];
  nextMessageId: number;
}

export const unixTime = () => Math.floor(Date.now() / 1000);

export type ReplyMessage = NonNullable<Message["reply_to_message"]>;

/** A copy for reply_to_message: nested messages carry no reply of their own. */
export function withoutReply(message: Message): ReplyMessage {
  const { reply_to_message: _, ...rest } = structuredClone(message);
  return rest as ReplyMessage;
}

const randomId = (prefix: string, bytes: number) => prefix + randomBytes(bytes).toString("base64url");

/** Users, their private chats, messages, files and pending callback queries. */
export class FakeState {
  private readonly chats = new Map<number, ChatRecord>();
  /** Every message the bot sent, in order. */
  readonly sent: StoredMessage[] = [];
  readonly files = new Map<string, StoredFile>();
  readonly callbackQueries = new Map<string, { chatId: number; answered: boolean }>();
  private readonly listeners = new Set<(event: ChatEvent) => void>();

  constructor(readonly bot: User) {}

  addChat(user: User): ChatRecord {
    const existing = this.chats.get(user.id);
    if (existing) return existing;
    const record: ChatRecord = {
      user,
      chat: {
        id: user.id,
        type: "private",
        first_name: user.first_name,
        ...(user.last_name ? { last_name: user.last_name } : {}),
        ...(user.username ? { username: user.username } : {}),
      },
      blocked: false,
      chatInstance: String(BigInt.asIntN(64, randomBytes(8).readBigInt64BE())),
      messages: new Map(),
      botMessages: [],
      callbackAnswers: [],
      nextMessageId: 1,
    };
    this.chats.set(user.id, record);
    return record;
  }

  chat(id: number | undefined): ChatRecord | undefined {
    return id === undefined ? undefined : this.chats.get(id);
  }

  requireChat(id: number | undefined): ChatRecord {
    const record = this.chat(id);
    if (!record) throw chatNotFound();
    return record;
  }

  /** A live (not deleted) message of the chat. */
  message(record: ChatRecord, messageId: number | undefined): StoredMessage | undefined {
    const stored = messageId === undefined ? undefined : record.messages.get(messageId);
    return stored && !stored.deleted ? stored : undefined;
  }

  addMessage(
    record: ChatRecord,
    content: Omit<Message, "message_id" | "date" | "chat" | "from">,
    meta: Pick<StoredMessage, "fromBot" | "html" | "parseMode" | "replyMarkup" | "file">,
  ): StoredMessage {
    const message: Message = {
      message_id: record.nextMessageId++,
      from: meta.fromBot ? this.bot : record.user,
      chat: record.chat,
      date: unixTime(),
      ...content,
    };
    const stored: StoredMessage = { message, edits: 0, deleted: false, ...meta };
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
    const stored: StoredFile = { file_id: randomId("BQACAgIAAxkBAAI", 24), file_unique_id: randomId("AgAD", 8), ...file };
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
    ...(message.edit_date !== undefined ? { edit_date: message.edit_date } : {}),
    edits: stored.edits,
    deleted: stored.deleted,
    raw: structuredClone(message),
  };
}
