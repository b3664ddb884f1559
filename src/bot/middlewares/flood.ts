import { limit } from "@grammyjs/ratelimiter";
import type { Redis } from "ioredis";
import type { Context } from "grammy";
import { pickLocale, type Translator } from "../i18n.js";
import type { Locale } from "../../domain/locale.js";

/**
 * Per-user flood limit: at most `max` updates per `windowMs`; the excess is dropped with one
 * warning per window. Counted in Redis when there is one, so it holds across bot processes.
 * It runs before the session and the user record are read: a flood costs one counter, never a
 * store read, and cannot create records. The warning's language comes from Telegram's.
 */
export function floodLimit(
  redis: Redis | undefined,
  opts: { max: number; windowMs: number },
  translator: Translator,
  defaultLocale: Locale,
) {
  const warnedAt = new Map<number, number>();
  return limit<Context, Redis>({
    timeFrame: opts.windowMs,
    limit: opts.max,
    storageClient: redis ?? "MEMORY_STORE",
    keyPrefix: "rb:flood:",
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      // keyGenerator gave no key (so no limit) to an update without a sender.
      const id = ctx.from?.id;
      if (id === undefined) return;
      const now = Date.now();
      if ((warnedAt.get(id) ?? 0) > now - opts.windowMs) return;
      warnedAt.set(id, now);
      if (warnedAt.size > 10_000) warnedAt.clear();
      const text = translator.render(pickLocale(undefined, ctx.from?.language_code, defaultLocale), "flood-warning");
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text }).catch(() => {});
      else if (ctx.chat?.type === "private") await ctx.reply(text).catch(() => {});
    },
  });
}
