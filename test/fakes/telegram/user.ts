import { randomBytes } from "node:crypto";
import type { BotCommand, CallbackQuery, Chat, InlineKeyboardButton, Message, MessageEntity, Update, User } from "grammy/types";
import type { FakeCore } from "./core.js";
import { snapshot, unixTime, withoutReply, type BotMessage, type CallbackAnswer, type ChatEvent, type ChatRecord } from "./state.js";

export interface UserInit {
  id: number;
  first_name?: string;
  username?: string;
  language_code?: string;
}

/** An inline button as a test sees it. */
export interface ButtonInfo {
  text: string;
  data?: string;
  url?: string;
}

export type ButtonQuery = string | RegExp | { data: string };

export interface WaitForMessageOptions {
  /** Substring or pattern the text (or caption) must match. */
  match?: string | RegExp;
  timeoutMs?: number;
  /** Only messages after this many bot messages count; default: those already sent. */
  after?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;

const matches = (text: string, match: string | RegExp | undefined) =>
  match === undefined || (typeof match === "string" ? text.includes(match) : match.test(text));

function flatButtons(message: BotMessage): (InlineKeyboardButton & { callback_data?: string; url?: string })[] {
  const markup = message.reply_markup;
  return markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
}

function buttonInfo(button: InlineKeyboardButton & { callback_data?: string; url?: string }): ButtonInfo {
  return {
    text: button.text,
    ...(button.callback_data !== undefined ? { data: button.callback_data } : {}),
    ...(button.url !== undefined ? { url: button.url } : {}),
  };
}

function describeMessage(message: BotMessage): string {
  const file = message.document
    ? ` [document ${message.document.file_name ?? "?"}]`
    : message.photo
      ? ` [photo ${message.photo.file_name ?? "?"}]`
      : "";
  const state = message.deleted ? " (deleted)" : message.edits > 0 ? ` (edited ×${message.edits})` : "";
  return `#${message.message_id}${file} ${JSON.stringify(message.text)}${state}`;
}

/**
 * A Telegram user in a private chat with the bot: sends messages and presses buttons
 * (as queued updates) and observes what the bot sent to the chat.
 */
export class FakeUser {
  constructor(
    private readonly core: FakeCore,
    private readonly record: ChatRecord,
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
    this.assertNotBlocked();
    const replied = options.replyTo === undefined ? undefined : this.core.state.message(this.record, options.replyTo);
    if (options.replyTo !== undefined && !replied) {
      throw new Error(`Message ${options.replyTo} does not exist in chat ${this.id}`);
    }
    const entities = commandEntities(text);
    const stored = this.core.state.addMessage(
      this.record,
      {
        text,
        ...(entities.length > 0 ? { entities } : {}),
        ...(replied ? { reply_to_message: withoutReply(replied.message) } : {}),
      },
      { fromBot: false },
    );
    // A private chat, so the NonChannel refinement of Update.message holds.
    this.core.updates.push({ message: structuredClone(stored.message) as Update["message"] });
    return structuredClone(stored.message);
  }

  /**
   * Presses an inline button (by text, text pattern or callback_data) on the newest bot
   * message that has it, or on `messageId`, queueing a callback_query update.
   */
  /**
   * Two taps on the same button `gapMs` apart, both sent before the bot can react: what a
   * reseller's thumb does on a slow connection.
   */
  async doubleTap(button: ButtonQuery, gapMs: number, options: { messageId?: number } = {}): Promise<CallbackQuery[]> {
    const first = await this.press(button, options);
    await new Promise((resolve) => setTimeout(resolve, gapMs));
    const second: CallbackQuery = { ...first, id: randomBytes(8).readBigUInt64BE().toString() };
    this.core.state.callbackQueries.set(second.id, { chatId: this.id, answered: false });
    this.core.updates.push({ callback_query: second });
    return [first, structuredClone(second)];
  }

  /**
   * A callback query with any `data` on one of the bot's messages (default: the newest), as an
   * old or tampered client sends: stale buttons of a finished flow, garbage from a modified app.
   */
  pressData(data: string, options: { messageId?: number } = {}): CallbackQuery {
    this.assertNotBlocked();
    const live = this.messages().filter((m) => !m.deleted);
    const message = options.messageId === undefined ? live.at(-1) : live.find((m) => m.message_id === options.messageId);
    if (!message) throw new Error(`No bot message to attach a callback query to in chat ${this.id}`);
    const query: CallbackQuery = {
      id: randomBytes(8).readBigUInt64BE().toString(),
      from: this.info,
      message: message.raw,
      chat_instance: this.record.chatInstance,
      data,
    };
    this.core.state.callbackQueries.set(query.id, { chatId: this.id, answered: false });
    this.core.updates.push({ callback_query: query });
    return structuredClone(query);
  }

  async press(button: ButtonQuery, options: { messageId?: number } = {}): Promise<CallbackQuery> {
    this.assertNotBlocked();
    const live = this.messages().filter((message) => !message.deleted);
    const candidates = options.messageId === undefined ? live.reverse() : live.filter((m) => m.message_id === options.messageId);
    for (const message of candidates) {
      const found = flatButtons(message).find((candidate) =>
        typeof button === "string"
          ? candidate.text === button
          : button instanceof RegExp
            ? button.test(candidate.text)
            : candidate.callback_data === button.data,
      );
      if (!found) continue;
      if (found.callback_data === undefined) {
        throw new Error(
          `Button "${found.text}" on message #${message.message_id} is not a callback button; pressing it sends nothing to the bot`,
        );
      }
      const query: CallbackQuery = {
        id: randomBytes(8).readBigUInt64BE().toString(),
        from: this.info,
        message: message.raw,
        chat_instance: this.record.chatInstance,
        data: found.callback_data,
      };
      this.core.state.callbackQueries.set(query.id, { chatId: this.id, answered: false });
      this.core.updates.push({ callback_query: query });
      return structuredClone(query);
    }
    const where = options.messageId === undefined ? `in chat ${this.id}` : `on message #${options.messageId}`;
    throw new Error(`No inline button matching ${describeQuery(button)} ${where}. Available buttons:\n${this.buttonReport()}`);
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
    const source =
      message ??
      this.messages()
        .filter((m) => !m.deleted && flatButtons(m).length > 0)
        .at(-1);
    return source ? flatButtons(source).map(buttonInfo) : [];
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
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe();
      };
      const check = () => {
        try {
          const result = predicate(this.messages());
          if (result === undefined || result === null || result === false) return;
          done();
          resolve(result as Exclude<T, undefined | null | false>);
        } catch (error) {
          done();
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(this.timeoutReport(what, timeoutMs)));
      }, timeoutMs);
      const unsubscribe = this.subscribe(check);
      check();
    });
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

  private buttonReport(): string {
    const lines = this.messages()
      .filter((message) => !message.deleted && flatButtons(message).length > 0)
      .map((message) => {
        const buttons = flatButtons(message).map((b) => `[${b.text}]${b.callback_data ? ` (${b.callback_data})` : ""}`);
        return `  #${message.message_id}: ${buttons.join(" ")}`;
      });
    return lines.length > 0 ? lines.join("\n") : "  (no bot message has inline buttons)";
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

function describeQuery(query: ButtonQuery): string {
  if (typeof query === "string") return JSON.stringify(query);
  return query instanceof RegExp ? String(query) : `callback_data ${JSON.stringify(query.data)}`;
}

/** bot_command entities for each /command that starts a word, as Telegram clients mark them. */
function commandEntities(text: string): MessageEntity[] {
  return [...text.matchAll(/(?<=^|\s)\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,})?/g)].map((match) => ({
    type: "bot_command",
    offset: match.index,
    length: match[0].length,
  }));
}
