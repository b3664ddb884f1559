import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { parseNone } from "./args.js";
import { adminCommand } from "./command.js";

/** /admin: the admin commands and their argument forms. */
export function helpCommands() {
  const c = new Composer<BotContext>();
  adminCommand(c, "admin", parseNone, (ctx) => ctx.reply(ctx.tr("admin-help")));
  return c;
}
