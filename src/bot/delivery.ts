import { Api, GrammyError, InlineKeyboard } from "grammy";
import type { QueuedButton } from "../jobs/notifier.js";
import type { DeliveryResult, ChatDelivery } from "../jobs/workers.js";
import type { Logger } from "../observability/logger.js";
import type { Locale } from "../domain/locale.js";
import type { UserRecord } from "../store/types.js";
import { botApiFetch } from "./api-fetch.js";
import { actionData } from "./callback-data/actions.js";
import type { Translator } from "./i18n.js";
import { pickLocale } from "./i18n.js";
import { htmlParseMode } from "./middlewares/html.js";

/**
 * The jobs' "send a message" port on the Bot API. This Api has no auto-retry: the queue owns
 * retries and pacing, and a 429 must reach it to pause every worker.
 */
export function botDelivery(deps: {
  token: string;
  apiRoot: string;
  /** The reader's record, for their language. */
  users: { get(id: number): Promise<UserRecord | undefined> };
  translator: Translator;
  defaultLocale: Locale;
  logger: Logger;
}): ChatDelivery {
  const api = new Api(deps.token, { apiRoot: deps.apiRoot, fetch: botApiFetch() });
  api.config.use(htmlParseMode);

  return {
    async deliver(userId, key, args, buttons): Promise<DeliveryResult> {
      const user = await deps.users.get(userId);
      const locale = pickLocale(user?.locale, user?.telegramLanguage, deps.defaultLocale);
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
            deps.logger.error({ err, userId, key, button: b.key }, "notification button left off: it cannot be built");
            return undefined;
          }
        };
        const rows = buttons.map((row) => row.map(button).filter((b) => b !== undefined)).filter((row) => row.length > 0);
        if (rows.length > 0) reply_markup = new InlineKeyboard(rows);
      }
      try {
        await api.sendMessage(userId, text, { reply_markup });
        return { status: "sent" };
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
