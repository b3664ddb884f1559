import { Composer, InlineKeyboard } from "grammy";
import { maySeekSupport } from "../../domain/support/index.js";
import { supportAskButton } from "../callback-data/support.js";
import type { BotContext } from "../context.js";
import type { Feature } from "../feature.js";

export function helpFeature(): Feature {
  const c = new Composer<BotContext>();
  c.command("help", async (ctx) => {
    const active = ctx.user?.status === "active" || ctx.isAdmin;
    const lines = [
      active
        ? `${ctx.tr("help-reseller")}\n${ctx.tr("help-reseller-tools")}\n${ctx.tr("help-api")}\n${ctx.tr("help-referral")}`
        : ctx.tr("help-pending"),
    ];
    // Pending registrants may ask too (a question about their registration); support tickets: features/support.
    const support = maySeekSupport(ctx.user, ctx.isAdmin);
    if (support) lines.push(ctx.tr("help-support"));
    if (ctx.isAdmin) lines.push(ctx.tr("help-admin-hint"));
    const markup = support ? { reply_markup: new InlineKeyboard().text(ctx.label("btn-support"), supportAskButton.pack()) } : {};
    await ctx.reply(lines.join("\n\n"), markup);
  });
  return { stage: "open", handlers: c };
}
