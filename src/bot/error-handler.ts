import type { ErrorHandler } from "grammy";
import type { Logger } from "../observability/logger.js";
import type { BotContext } from "./context.js";

/**
 * Logs the failure and tells the user politely; never throws itself. While the database is away
 * nothing can be charged (every debit is a statement in it), and the reply says exactly that.
 */
export function errorHandler(logger: Logger, recordsUnavailable: (err: unknown) => boolean): ErrorHandler<BotContext> {
  return async (err) => {
    const ctx = err.ctx;
    logger.error({ err: err.error, updateId: ctx.update.update_id, userId: ctx.from?.id }, "update handler failed");
    try {
      const text = ctx.tr ? ctx.tr(recordsUnavailable(err.error) ? "error-records-unavailable" : "error-generic") : undefined;
      if (!text) return;
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text }).catch(() => {});
      if (ctx.chat?.type === "private") await ctx.reply(text);
    } catch (replyErr) {
      logger.warn({ err: replyErr }, "could not tell the user about an error");
    }
  };
}
