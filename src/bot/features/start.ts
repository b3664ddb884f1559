import { Composer } from "grammy";
import type { BotContext, Services } from "../context.js";
import type { Feature } from "../feature.js";

export function startFeature(s: Services): Feature {
  const c = new Composer<BotContext>();
  c.chatType("private").command("start", async (ctx) => {
    const { user } = ctx;
    // userContext loads the sender of every update with one; a private message always has one.
    if (!user) return;
    // Only a user new to the bot is bound (SPEC §7); a code that names nobody is a normal welcome.
    if (ctx.userCreated) {
      await s.growth
        .bindFromStart(user, ctx.match)
        .catch((err: unknown) => s.logger.error({ err, userId: user.id }, "could not bind a referral"));
    }
    const lines = [ctx.tr(ctx.userCreated ? "start-welcome" : "start-welcome-back", { name: user.firstName })];
    if (user.status === "pending") lines.push(ctx.tr("start-pending"));
    else if (user.status === "rejected") lines.push(ctx.tr("start-rejected"));
    else if (user.status === "banned") lines.push(ctx.tr("start-banned"));
    else lines.push(ctx.tr("start-next"));
    if (ctx.isAdmin) lines.push(ctx.tr("start-admin"));
    if (s.sandbox) lines.push(ctx.tr("sandbox-banner"));
    await ctx.reply(lines.join("\n\n"));
  });
  return { stage: "open", handlers: c };
}
