import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { parseNone } from "./args.js";
import { adminCommand } from "./command.js";

/** Help lines kept in their area's locale file (transfer.ftl: /payee, promo.ftl: /promo, growth.ftl: /referral, /tiers), after the console's own. */
const AREA_HELP = ["admin-help-payee", "admin-help-promo", "admin-help-growth"];

/** /admin: the admin commands and their argument forms. */
export function helpCommands() {
  const c = new Composer<BotContext>();
  adminCommand(c, "admin", parseNone, (ctx) => ctx.reply([ctx.tr("admin-help"), ...AREA_HELP.map((k) => ctx.tr(k))].join("\n")));
  return c;
}
