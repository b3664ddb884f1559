import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

export function helpFeature(): Feature {
  const c = new Composer<BotContext>();
  c.command("help", async (ctx) => {
    const active = ctx.user?.status === "active" || ctx.isAdmin;
    const lines = [active ? `${ctx.tr("help-reseller")}\n${ctx.tr("help-reseller-tools")}\n${ctx.tr("help-api")}` : ctx.tr("help-pending")];
    if (ctx.isAdmin) lines.push(ctx.tr("help-admin-hint"));
    await ctx.reply(lines.join("\n\n"));
  });
  return { stage: "open", handlers: c };
}
