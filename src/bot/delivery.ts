import { Api, GrammyError, InlineKeyboard } from "grammy";
import type { MessageArgs } from "../domain/notifications.js";
import type { QueuedButton } from "../jobs/notifier.js";
import type { GroupFailure, TeamChatDelivery } from "../jobs/team-alerts.js";
import type { DeliveryResult, ChatDelivery } from "../jobs/workers.js";
import type { Logger } from "../observability/logger.js";
import type { Locale } from "../domain/locale.js";
import type { UserRecord } from "../store/types.js";
import { botApiFetch } from "./api-fetch.js";
import { actionData } from "./callback-data/actions.js";
import type { Translator } from "./i18n.js";
import { pickLocale } from "./i18n.js";
import { htmlParseMode } from "./middlewares/html.js";

interface DeliveryDeps {
  token: string;
  apiRoot: string;
  /** The reader's record, for their language. */
  users: { get(id: number): Promise<UserRecord | undefined> };
  translator: Translator;
  defaultLocale: Locale;
  logger: Logger;
}

/**
 * This Api has no auto-retry: the queue owns retries and pacing, and a 429 must reach it to
 * pause every worker.
 */
function queueApi(deps: DeliveryDeps): Api {
  const api = new Api(deps.token, { apiRoot: deps.apiRoot, fetch: botApiFetch() });
  api.config.use(htmlParseMode);
  return api;
}

/** A message id and its buttons rendered in one language. */
function renderer(deps: DeliveryDeps) {
  return (locale: Locale, chatId: number, key: string, args?: MessageArgs, buttons?: QueuedButton[][]) => {
    const text = deps.translator.render(locale, key, args);
    let reply_markup: InlineKeyboard | undefined;
    if (buttons?.length) {
      const label = (b: QueuedButton) => deps.translator.render(locale, b.key, {}, { html: false });
      // A button that cannot be built (its data would not fit) is left off: the message itself
      // must still go out, or the queue would retry it to failure and the reseller hear nothing.
      const button = (b: QueuedButton) => {
        try {
          return "url" in b
            ? InlineKeyboard.url(label(b), b.url)
            : InlineKeyboard.text(label(b), "action" in b ? actionData(b.action) : b.data);
        } catch (err) {
          deps.logger.error({ err, chatId, key, button: b.key }, "notification button left off: it cannot be built");
          return undefined;
        }
      };
      const rows = buttons.map((row) => row.map(button).filter((b) => b !== undefined)).filter((row) => row.length > 0);
      if (rows.length > 0) reply_markup = new InlineKeyboard(rows);
    }
    return { text, reply_markup };
  };
}

/** The jobs' "send a message" port on the Bot API: render in the user's language and send. */
export function botDelivery(deps: DeliveryDeps): ChatDelivery {
  const api = queueApi(deps);
  const render = renderer(deps);
  return {
    async deliver(userId, key, args, buttons): Promise<DeliveryResult> {
      const user = await deps.users.get(userId);
      const locale = pickLocale(user?.locale, user?.telegramLanguage, deps.defaultLocale);
      const { text, reply_markup } = render(locale, userId, key, args, buttons);
      try {
        const sent = await api.sendMessage(userId, text, { reply_markup });
        return { status: "sent", messageId: sent.message_id };
      } catch (err) {
        if (!(err instanceof GrammyError)) throw err; // network: the queue retries
        if (err.error_code === 429) return { status: "rate_limited", retryAfterMs: (err.parameters.retry_after ?? 1) * 1000 };
        if (err.error_code === 403) return { status: "blocked" };
        if (err.error_code === 400) return { status: "undeliverable", reason: err.description };
        throw err;
      }
    },
  };
}

/** Telegram's answers to a group call, as the operator group's sender acts on them. */
function groupFailure(err: unknown): GroupFailure {
  if (!(err instanceof GrammyError)) throw err; // network: the queue retries
  const migrated = err.parameters.migrate_to_chat_id;
  if (err.error_code === 429) return { status: "rate_limited", retryAfterMs: (err.parameters.retry_after ?? 1) * 1000 };
  if (migrated !== undefined) return { status: "migrated", chatId: migrated };
  if (err.error_code === 403) return { status: "unreachable", reason: /kicked/.test(err.description) ? "kicked" : "forbidden" };
  if (err.error_code === 400 && /message thread not found/i.test(err.description)) return { status: "thread_gone" };
  if (err.error_code === 400 && /chat not found/i.test(err.description)) return { status: "unreachable", reason: "chat_not_found" };
  if (err.error_code === 400) return { status: "refused", description: err.description };
  throw err; // 5xx: the queue retries
}

/** The operator group's port on the Bot API: texts and topic titles in the operator's default language. */
export function teamChatDelivery(deps: DeliveryDeps): TeamChatDelivery {
  const api = queueApi(deps);
  const render = renderer(deps);
  const locale = deps.defaultLocale;
  return {
    async chatInfo(chatId) {
      try {
        const chat = await api.getChat(chatId);
        return { status: "ok", forum: chat.type === "supergroup" && chat.is_forum === true };
      } catch (err) {
        return groupFailure(err);
      }
    },
    async createTopic(chatId, titleKey) {
      try {
        const topic = await api.createForumTopic(chatId, deps.translator.render(locale, titleKey, {}, { html: false }));
        return { status: "ok", threadId: topic.message_thread_id };
      } catch (err) {
        return groupFailure(err);
      }
    },
    async post(chatId, threadId, key, args, buttons) {
      const { text, reply_markup } = render(locale, chatId, key, args, buttons);
      try {
        const sent = await api.sendMessage(chatId, text, {
          reply_markup,
          ...(threadId !== undefined ? { message_thread_id: threadId } : {}),
        });
        return { status: "sent", messageId: sent.message_id };
      } catch (err) {
        return groupFailure(err);
      }
    },
  };
}
