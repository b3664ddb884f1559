import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

/** Installed before the conversations themselves, so /cancel reaches it even mid-flow. */
export function cancelFeature(): Feature {
  const c = new Composer<BotContext>();
  c.command("cancel", async (ctx) => {
    const active = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.tr(active ? "cancel-done" : "cancel-nothing"));
  });
  return { stage: "first", handlers: c };
}
