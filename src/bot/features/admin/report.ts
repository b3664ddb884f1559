import { Composer } from "grammy";
import { reportArgs } from "../../../domain/daily-report.js";
import type { BotContext } from "../../context.js";
import { parseNone } from "./args.js";
import { adminCommand } from "./command.js";
import type { AdminKit } from "./kit.js";

/** /report: yesterday's daily report (in the operator's time zone) now, as the admins get it each morning. */
export function reportCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();
  adminCommand(c, "report", parseNone, async (ctx) => {
    await ctx.replyWithChatAction("typing");
    const report = await kit.reports.yesterday();
    await ctx.reply(
      ctx.tr(
        "ops-report",
        reportArgs(report, (key, args) => ctx.tr(key, args)),
      ),
    );
  });
  return c;
}
