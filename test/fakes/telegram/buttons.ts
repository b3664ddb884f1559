import { randomBytes } from "node:crypto";
import type { CallbackQuery, InlineKeyboardButton, User } from "grammy/types";
import type { FakeCore } from "./core.js";
import type { BotMessage, ChatRecord } from "./state.js";

/** An inline button as a test sees it. */
export interface ButtonInfo {
  text: string;
  data?: string;
  url?: string;
}

/** A button by its text, a pattern of its text, or its callback_data. */
export type ButtonQuery = string | RegExp | { data: string };

type Button = InlineKeyboardButton & { callback_data?: string; url?: string };

export function flatButtons(message: BotMessage): Button[] {
  const markup = message.reply_markup;
  return markup && "inline_keyboard" in markup ? markup.inline_keyboard.flat() : [];
}

export function buttonInfo(button: Button): ButtonInfo {
  return {
    text: button.text,
    ...(button.callback_data !== undefined ? { data: button.callback_data } : {}),
    ...(button.url !== undefined ? { url: button.url } : {}),
  };
}

/** Buttons of `message`, or of the newest live message in `messages` with an inline keyboard. */
export function buttonsOf(messages: BotMessage[], message?: BotMessage): ButtonInfo[] {
  const source = message ?? messages.filter((m) => !m.deleted && flatButtons(m).length > 0).at(-1);
  return source ? flatButtons(source).map(buttonInfo) : [];
}

export function describeMessage(message: BotMessage): string {
  const file = message.document
    ? ` [document ${message.document.file_name ?? "?"}]`
    : message.photo
      ? ` [photo ${message.photo.file_name ?? "?"}]`
      : "";
  const thread = message.is_topic_message ? ` (topic ${message.message_thread_id})` : "";
  const state = message.deleted ? " (deleted)" : message.edits > 0 ? ` (edited ×${message.edits})` : "";
  return `#${message.message_id}${thread}${file} ${JSON.stringify(message.text)}${state}`;
}

function describeQuery(query: ButtonQuery): string {
  if (typeof query === "string") return JSON.stringify(query);
  return query instanceof RegExp ? String(query) : `callback_data ${JSON.stringify(query.data)}`;
}

/** Which live messages to search: the newest first, or only `messageId`. */
function candidates(messages: BotMessage[], messageId: number | undefined): BotMessage[] {
  const live = messages.filter((message) => !message.deleted);
  return messageId === undefined ? live.reverse() : live.filter((message) => message.message_id === messageId);
}

/**
 * The message and callback_data of the button `query` names, on the newest message that has
 * it (or on `messageId`). Throws with the buttons on offer when there is none.
 */
export function findButton(
  messages: BotMessage[],
  query: ButtonQuery,
  options: { messageId?: number; where: string },
): { message: BotMessage; data: string } {
  for (const message of candidates(messages, options.messageId)) {
    const found = flatButtons(message).find((candidate) =>
      typeof query === "string"
        ? candidate.text === query
        : query instanceof RegExp
          ? query.test(candidate.text)
          : candidate.callback_data === query.data,
    );
    if (!found) continue;
    if (found.callback_data === undefined) {
      throw new Error(
        `Button "${found.text}" on message #${message.message_id} is not a callback button; pressing it sends nothing to the bot`,
      );
    }
    return { message, data: found.callback_data };
  }
  const where = options.messageId === undefined ? options.where : `on message #${options.messageId}`;
  throw new Error(`No inline button matching ${describeQuery(query)} ${where}. Available buttons:\n${buttonReport(messages)}`);
}

/** The newest live message (or `messageId`), for a callback query with arbitrary data. */
export function targetMessage(messages: BotMessage[], messageId: number | undefined, where: string): BotMessage {
  const message = candidates(messages, messageId)[0];
  if (!message) throw new Error(`No bot message to attach a callback query to ${where}`);
  return message;
}

function buttonReport(messages: BotMessage[]): string {
  const lines = messages
    .filter((message) => !message.deleted && flatButtons(message).length > 0)
    .map((message) => {
      const buttons = flatButtons(message).map((b) => `[${b.text}]${b.callback_data ? ` (${b.callback_data})` : ""}`);
      return `  #${message.message_id}: ${buttons.join(" ")}`;
    });
  return lines.length > 0 ? lines.join("\n") : "  (no bot message has inline buttons)";
}

const queryId = () => randomBytes(8).readBigUInt64BE().toString();

/** Queues the callback_query a press sends: `from` the presser, `message` as it is now. */
export function pushCallbackQuery(core: FakeCore, record: ChatRecord, from: User, message: BotMessage, data: string): CallbackQuery {
  const query: CallbackQuery = { id: queryId(), from, message: message.raw, chat_instance: record.chatInstance, data };
  return pushQuery(core, record, query);
}

/** Queues `query` again under a new id (a second tap before the bot answered the first). */
export function repeatCallbackQuery(core: FakeCore, record: ChatRecord, query: CallbackQuery): CallbackQuery {
  return pushQuery(core, record, { ...query, id: queryId() });
}

function pushQuery(core: FakeCore, record: ChatRecord, query: CallbackQuery): CallbackQuery {
  core.state.callbackQueries.set(query.id, { chatId: record.chat.id, answered: false });
  core.updates.push({ callback_query: query });
  return structuredClone(query);
}
