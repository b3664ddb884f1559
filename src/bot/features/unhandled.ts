import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

/** Installed last: whatever no feature took gets a short pointer to /help. */
export function unhandledFeature(): Feature {
  const c = new Composer<BotContext>();
  const priv = c.chatType("private");
  priv.on("message:text", async (ctx) => {
    await ctx.reply(ctx.tr(ctx.message.text.startsWith("/") ? "unknown-command" : "unhandled-message"));
  });
  priv.on("message", async (ctx) => {
    await ctx.reply(ctx.tr("unhandled-message"));
  });
  c.on("callback_query", async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.tr("callback-stale") });
  });
  return { stage: "last", handlers: c };
}
