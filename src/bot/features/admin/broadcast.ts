import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { parseBroadcast } from "./args.js";
import { adminCommand, adminId } from "./command.js";
import type { AdminKit } from "./kit.js";

/** The text of the message `/broadcast` replies to, if any. */
const repliedText = (ctx: BotContext) => ctx.msg?.reply_to_message?.text ?? ctx.msg?.reply_to_message?.caption;

/**
 * /broadcast <text> (or as a reply): one queued notification per active reseller, paced by the
 * notification worker at Telegram's rate. The final count comes from the domain
 * (admin-broadcast-done); /broadcast alone shows the latest broadcast's progress.
 */
export function broadcastCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  adminCommand(
    c,
    "broadcast",
    (text, ctx) => parseBroadcast(text, repliedText(ctx)),
    async (ctx, a) => {
      if (a.kind === "progress") {
        const latest = await kit.broadcasts.latest();
        if (!latest) return ctx.reply(ctx.tr("admin-usage-broadcast"));
        const n = latest.counts;
        const [total, delivered, blocked, failed] = [n.total ?? 0, n.delivered ?? 0, n.blocked ?? 0, n.failed ?? 0];
        return ctx.reply(
          ctx.tr("admin-broadcast-progress", {
            id: latest.id,
            total,
            delivered,
            blocked,
            failed,
            waiting: Math.max(0, total - delivered - blocked - failed),
          }),
        );
      }
      const started = await kit.broadcasts.start(adminId(ctx), a.text, `${ctx.chat.id}:${ctx.msg.message_id}`);
      if (started.kind === "duplicate") return ctx.reply(ctx.tr("admin-broadcast-duplicate"));
      const { id, total } = started;
      await kit.audit.record(adminId(ctx), "broadcast", { target: id, after: { total }, note: a.text.slice(0, 200) });
      await ctx.reply(total === 0 ? ctx.tr("admin-broadcast-empty") : ctx.tr("admin-broadcast-queued", { id, total }));
    },
  );

  return c;
}
