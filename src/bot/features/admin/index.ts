import { Composer, type NextFunction } from "grammy";
import { ADMIN_COMMANDS } from "../../commands-menu.js";
import { onButton } from "../../callback-data/on-button.js";
import { registrationButton } from "../../callback-data/registration.js";
import type { BotContext } from "../../context.js";
import type { Feature } from "../../feature.js";
import { isAdmin } from "../../filters/is-admin.js";
import { auditCommands } from "./audit.js";
import { broadcastCommands } from "./broadcast.js";
import { helpCommands } from "./help.js";
import type { AdminKit } from "./kit.js";
import { maintenanceCommands } from "./maintenance.js";
import { ordersCommands } from "./orders.js";
import { pricingCommands } from "./pricing.js";
import { providersCommands } from "./providers.js";
import { reportCommands } from "./report.js";
import { statsCommands } from "./stats.js";
import { usersCommands } from "./users.js";
import { walletCommands } from "./wallets.js";

export type { AdminKit } from "./kit.js";

/**
 * The admin console. One gate for every command and button: the sender is checked against
 * ADMIN_IDS on each update, and only in a private chat (costs, margins and profiles do not
 * belong in a group). Everyone else falls through to the catch-all, which answers as for any
 * unknown command; the attempt is logged.
 */
export function adminFeature(kit: AdminKit): Feature {
  const c = new Composer<BotContext>();

  c.filter((ctx) => ctx.chat?.type === "private" && isAdmin(ctx)).use(
    helpCommands(),
    usersCommands(kit),
    walletCommands(kit),
    pricingCommands(kit),
    ordersCommands(kit),
    broadcastCommands(kit),
    statsCommands(kit),
    reportCommands(kit),
    providersCommands(kit),
    maintenanceCommands(kit),
    auditCommands(kit),
  );

  const refuse = (ctx: BotContext, next: NextFunction) => {
    const attempt = ctx.msg?.text?.split(/\s/, 1)[0] ?? ctx.callbackQuery?.data;
    kit.logger.warn({ userId: ctx.from?.id, chatType: ctx.chat?.type, attempt }, "admin action refused: not an admin in a private chat");
    return next();
  };
  c.command([...ADMIN_COMMANDS], refuse);
  onButton(c, registrationButton, (ctx, _verdict, next) => refuse(ctx, next));

  return { stage: "admin", handlers: c };
}
