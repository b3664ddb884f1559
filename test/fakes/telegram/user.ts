import type { BotCommand, CallbackQuery, Chat, Message, Update, User } from "grammy/types";
import {
  type ButtonInfo,
  type ButtonQuery,
  buttonsOf,
  describeMessage,
  findButton,
  pushCallbackQuery,
  repeatCallbackQuery,
  targetMessage,
} from "./buttons.js";
import type { FakeCore } from "./core.js";
import { captionFields, commandEntities, documentFile, photoSizes, type DocumentInput, type PhotoInput } from "./content.js";
import {
  documentOf,
  snapshot,
  unixTime,
  withoutReply,
  type BotMessage,
  type CallbackAnswer,
  type ChatEvent,
  type PrivateChatRecord,
  type StoredFile,
} from "./state.js";
import { matches, waitUntil } from "./wait.js";

export type { ButtonInfo, ButtonQuery } from "./buttons.js";

export interface UserInit {
  id: number;
  first_name?: string;
  username?: string;
  language_code?: string;
}

export interface WaitForMessageOptions {
  /** Substring or pattern the text (or caption) must match. */
  match?: string | RegExp;
  timeoutMs?: number;
  /** Only messages after this many bot messages count; default: those already sent. */
  after?: number;
}

export const DEFAULT_TIMEOUT_MS = 5000;

/**
 * A Telegram user in a private chat with the bot: sends messages and presses buttons
 * (as queued updates) and observes what the bot sent to the chat.
 */
export class FakeUser {
  constructor(
    private readonly core: FakeCore,
    private readonly record: PrivateChatRecord,
  ) {}

  get id(): number {
    return this.record.user.id;
  }

  get info(): User {
    return { ...this.record.user };
  }

  get chat(): Chat.PrivateChat {
    return { ...this.record.chat };
  }

  /** Sends a text message; commands get bot_command entities like in a real client. */
  async send(text: string, options: { replyTo?: number } = {}): Promise<Message> {
    const entities = commandEntities(text);
    return this.post({ text, ...(entities.length > 0 ? { entities } : {}) }, options.replyTo);
  }

  /** Sends a photo (a payment slip, a screenshot): `photo` holds its sizes, each with its own file_id. */
  async sendPhoto(photo: PhotoInput = {}, options: { replyTo?: number } = {}): Promise<Message> {
    const { sizes, largest } = photoSizes(this.core.state, photo);
    return this.post({ photo: sizes, ...captionFields(photo.caption) }, options.replyTo, largest);
  }

  /** Sends a file, with `document` as Telegram describes it (file_id, file_name, mime_type, file_size). */
  async sendDocument(document: DocumentInput, options: { replyTo?: number } = {}): Promise<Message> {
    const file = documentFile(this.core.state, document);
    return this.post({ document: documentOf(file), ...captionFields(document.caption) }, options.replyTo, file);
  }

  /** Sends a sticker (what people send instead of a picture more often than one would think). */
  async sendSticker(emoji = "👍"): Promise<Message> {
    const id = this.core.state.addFile({ kind: "document", content: "", file_name: "sticker.webp", mime_type: "image/webp" });
    const sticker = {
      file_id: id.file_id,
      file_unique_id: id.file_unique_id,
      type: "regular" as const,
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji,
    };
    return this.post({ sticker });
  }

  /**
   * Two taps on the same button `gapMs` apart, both sent before the bot can react: what a
   * reseller's thumb does on a slow connection.
   */
  async doubleTap(button: ButtonQuery, gapMs: number, options: { messageId?: number } = {}): Promise<CallbackQuery[]> {
    const first = await this.press(button, options);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    return [first, repeatCallbackQuery(this.core, this.record, first)];
  }

  /**
   * A callback query with any `data` on one of the bot's messages (default: the newest), as an
   * old or tampered client sends: stale buttons of a finished flow, garbage from a modified app.
   */
  pressData(data: string, options: { messageId?: number } = {}): CallbackQuery {
    this.assertNotBlocked();
    const message = targetMessage(this.messages(), options.messageId, `in chat ${this.id}`);
    return pushCallbackQuery(this.core, this.record, this.info, message, data);
  }

  /**
   * Presses an inline button (by text, text pattern or callback_data) on the newest bot
   * message that has it, or on `messageId`, queueing a callback_query update.
   */
  async press(button: ButtonQuery, options: { messageId?: number } = {}): Promise<CallbackQuery> {
    this.assertNotBlocked();
    const { message, data } = findButton(this.messages(), button, { ...options, where: `in chat ${this.id}` });
    return pushCallbackQuery(this.core, this.record, this.info, message, data);
  }

  /** Every message the bot sent here, in order, edits applied (deleted ones flagged). */
  messages(): BotMessage[] {
    return this.record.botMessages.map(snapshot);
  }

  /** The newest bot message that is not deleted. */
  lastMessage(): BotMessage | undefined {
    return this.messages()
      .filter((message) => !message.deleted)
      .at(-1);
  }

  /** Buttons of `message`, or of the newest live bot message with an inline keyboard. */
  buttons(message?: BotMessage): ButtonInfo[] {
    return buttonsOf(this.messages(), message);
  }

  /** Resolves with the first new bot message matching `match` (edits count). */
  waitForMessage(options: WaitForMessageOptions = {}): Promise<BotMessage> {
    const after = options.after ?? this.record.botMessages.length;
    const pattern = options.match === undefined ? "" : ` matching ${String(options.match)}`;
    const what = `a bot message${pattern} after the first ${after}`;
    return this.waitFor(
      (messages) => messages.slice(after).find((message) => matches(message.text, options.match)),
      options.timeoutMs,
      what,
    );
  }

  /** Resolves when message `messageId` is edited (again) and its text matches `match`. */
  waitForEdit(messageId: number, options: { match?: string | RegExp; timeoutMs?: number } = {}): Promise<BotMessage> {
    const before = this.messages().find((message) => message.message_id === messageId)?.edits ?? 0;
    return this.waitFor(
      (messages) => messages.find((m) => m.message_id === messageId && m.edits > before && matches(m.text, options.match)),
      options.timeoutMs,
      `an edit of message #${messageId}${options.match === undefined ? "" : ` matching ${String(options.match)}`}`,
    );
  }

  /** Resolves with the predicate's first truthy result, re-checked on every change in this chat. */
  waitFor<T>(
    predicate: (messages: BotMessage[]) => T | undefined | null | false,
    timeoutMs = DEFAULT_TIMEOUT_MS,
    what = "the condition",
  ): Promise<Exclude<T, undefined | null | false>> {
    return waitUntil(
      (listener) => this.subscribe(listener),
      () => predicate(this.messages()),
      timeoutMs,
      () => this.timeoutReport(what, timeoutMs),
    );
  }

  /** answerCallbackQuery calls for this user's button presses. */
  callbackAnswers(): CallbackAnswer[] {
    return this.record.callbackAnswers.map((answer) => ({ ...answer }));
  }

  /** The command menu this user sees, resolved through scopes and language like Telegram. */
  commands(): BotCommand[] {
    return this.core.commands.forPrivateChat(this.id, this.record.user.language_code?.slice(0, 2));
  }

  /** Blocks the bot: sends to this chat then fail with 403, and the bot gets my_chat_member. */
  block(): void {
    this.setBlocked(true);
  }

  unblock(): void {
    this.setBlocked(false);
  }

  /** Follows this chat: sent, edited and deleted bot messages, callback answers. */
  subscribe(listener: (event: ChatEvent) => void): () => void {
    return this.core.state.subscribe((event) => {
      if (event.chatId === this.id) listener(event);
    });
  }

  /** Stores a message from this user and queues it for the bot. */
  private post(content: Omit<Message, "message_id" | "date" | "chat" | "from">, replyTo?: number, file?: StoredFile): Message {
    this.assertNotBlocked();
    const replied = replyTo === undefined ? undefined : this.core.state.message(this.record, replyTo);
    if (replyTo !== undefined && !replied) throw new Error(`Message ${replyTo} does not exist in chat ${this.id}`);
    const stored = this.core.state.addMessage(
      this.record,
      { ...content, ...(replied ? { reply_to_message: withoutReply(replied.message) } : {}) },
      { fromBot: false, ...(file ? { file } : {}) },
    );
    // A private chat, so the NonChannel refinement of Update.message holds.
    this.core.updates.push({ message: structuredClone(stored.message) as Update["message"] });
    return structuredClone(stored.message);
  }

  private setBlocked(blocked: boolean): void {
    if (this.record.blocked === blocked) return;
    this.record.blocked = blocked;
    const bot = this.core.state.bot;
    const member = { user: bot, status: "member" as const };
    const kicked = { user: bot, status: "kicked" as const, until_date: 0 };
    this.core.updates.push({
      my_chat_member: {
        chat: this.chat,
        from: this.info,
        date: unixTime(),
        old_chat_member: blocked ? member : kicked,
        new_chat_member: blocked ? kicked : member,
      },
    });
  }

  private assertNotBlocked(): void {
    if (this.record.blocked) throw new Error(`User ${this.id} has blocked the bot; call unblock() first`);
  }

  private timeoutReport(what: string, timeoutMs: number): string {
    const sent = this.messages().map((message) => `  ${describeMessage(message)}`);
    const failures = this.core.calls
      .filter((call) => String(call.payload.chat_id) === String(this.id) && call.response?.ok === false)
      .slice(-5)
      .map((call) => `  ${call.method} → ${call.response?.ok === false ? call.response.description : ""}`);
    return [
      `Timed out after ${timeoutMs} ms waiting for ${what} in chat ${this.id}.`,
      `The bot sent to this chat:`,
      ...(sent.length > 0 ? sent : ["  (nothing)"]),
      ...(failures.length > 0 ? ["Failed API calls for this chat:", ...failures] : []),
      `Unconfirmed updates in the queue: ${this.core.updates.size}`,
    ].join("\n");
  }
}
