import { limit } from "@grammyjs/ratelimiter";
import type { Redis } from "ioredis";
import type { BotContext } from "../context.js";

/**
 * Per-user flood limit: at most `max` updates per `windowMs`; the excess is dropped with one
 * warning per window. Counted in Redis when there is one, so it holds across bot processes.
 */
export function floodLimit(redis: Redis | undefined, opts: { max: number; windowMs: number }) {
  const warnedAt = new Map<number, number>();
  return limit<BotContext, Redis>({
    timeFrame: opts.windowMs,
    limit: opts.max,
    storageClient: redis ?? "MEMORY_STORE",
    keyPrefix: "rb:flood:",
    keyGenerator: (ctx) => ctx.from?.id.toString(),
    onLimitExceeded: async (ctx) => {
      const id = ctx.from!.id;
      const now = Date.now();
      if ((warnedAt.get(id) ?? 0) > now - opts.windowMs) return;
      warnedAt.set(id, now);
      if (warnedAt.size > 10_000) warnedAt.clear();
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.tr("flood-warning") }).catch(() => {});
      else if (ctx.chat?.type === "private") await ctx.reply(ctx.tr("flood-warning")).catch(() => {});
    },
  });
}
