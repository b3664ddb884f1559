import { Composer } from "grammy";
import type { BotContext } from "../context.js";

export function helpFeature() {
  const c = new Composer<BotContext>();
  c.command("help", async (ctx) => {
    const lines = [ctx.user?.status === "active" || ctx.isAdmin ? ctx.tr("help-reseller") : ctx.tr("help-pending")];
    if (ctx.isAdmin) lines.push(ctx.tr("help-admin-hint"));
    await ctx.reply(lines.join("\n\n"));
  });
  return c;
}
