import { Composer, type NextFunction } from "grammy";
import { ADMIN_COMMANDS } from "../../commands-menu.js";
import { onButton } from "../../callback-data/on-button.js";
import { registrationButton } from "../../callback-data/registration.js";
import { ticketCloseButton } from "../../callback-data/support.js";
import { supportTeamHandlers } from "../support/index.js";
import { transferReviewCodec } from "../../callback-data/transfer.js";
import type { BotContext } from "../../context.js";
import type { Feature } from "../../feature.js";
import { isAdmin } from "../../filters/is-admin.js";
import { auditCommands } from "./audit.js";
import { permissionGate } from "./gate.js";
import { roleCommands } from "./role.js";
import { setGroupMenuFor, setMenuFor } from "../../commands-menu.js";
import { broadcastCommands } from "./broadcast.js";
import { growthCommands } from "./growth.js";
import { helpCommands } from "./help.js";
import type { AdminKit } from "./kit.js";
import { maintenanceCommands } from "./maintenance.js";
import { ordersCommands } from "./orders.js";
import { pricingCommands } from "./pricing.js";
import { providersCommands } from "./providers.js";
import { reportCommands } from "./report.js";
import { payeeCommands } from "./payees.js";
import { promoCommands } from "./promo.js";
import { statsCommands } from "./stats.js";
import { transferReview } from "./transfer-review.js";
import { usersCommands } from "./users.js";
import { walletCommands } from "./wallets.js";

export type { AdminKit } from "./kit.js";

/**
 * The admin console. Only the team gets in (a role read on each update), and only in a private
 * chat or the operator group (ADMIN_CHAT_ID); inside, every command and button is checked against the permission table (gate.ts). Costs, margins and profiles do not
 * belong in other groups. Everyone else falls through to the catch-all, which answers as for any
 * unknown command; the attempt is logged.
 */
export function adminFeature(kit: AdminKit): Feature {
  const c = new Composer<BotContext>();

  // A changed role changes that person's menu at once (best effort: the role itself is already set).
  const refreshMenu = async ({ api }: BotContext, userId: number) => {
    const role = kit.team.roleOf(userId, await kit.resellers.get(userId));
    await setMenuFor(api, kit.translator, userId, role).catch((err: unknown) => kit.logger.warn({ err, userId }, "could not set a menu"));
    const group = await kit.operatorGroup.current();
    if (group && !group.removed) {
      await setGroupMenuFor(api, kit.translator, group.chatId, userId, role).catch((err: unknown) =>
        kit.logger.warn({ err, userId }, "could not set a menu in the operator group"),
      );
    }
  };

  const review = transferReview(kit);
  // Support tickets are answered where the team sees them (a member's DM, or the operator group):
  // Close meets the gate whoever presses it (a stranger in the group, a card left in a former
  // member's chat); a reply counts only from the team, and any other passes on.
  const tickets = supportTeamHandlers(kit);
  c.filter((ctx) => ticketCloseButton.unpack(ctx.callbackQuery?.data ?? "") !== undefined).use(permissionGate(kit), tickets);
  c.filter((ctx) => ctx.message?.reply_to_message !== undefined && isAdmin(ctx)).use(tickets);

  // A private chat, or the operator group (where the gate checks the role of whoever typed or pressed).
  const inConsole = async (ctx: BotContext) =>
    isAdmin(ctx) && (ctx.chat?.type === "private" || (ctx.chat !== undefined && (await kit.operatorGroup.isGroupChat(ctx.chat.id))));
  c.filter(inConsole).use(
    permissionGate(kit),
    helpCommands(),
    roleCommands(kit, refreshMenu),
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
    payeeCommands(kit),
    promoCommands(kit),
    growthCommands(kit),
    review.handlers,
  );

  // A review card in the operator group (its Deposits topic): the presser's role is checked by
  // the same gate; the change-amount and reason flows are keyed by chat and member there.
  const transferPressInGroup = (ctx: BotContext) =>
    ctx.chat?.type !== "private" && isAdmin(ctx) && transferReviewCodec.unpack(ctx.callbackQuery?.data ?? "") !== undefined;
  c.filter(transferPressInGroup).use(permissionGate(kit), review.handlers);

  const refuse = (ctx: BotContext, next: NextFunction) => {
    const attempt = ctx.msg?.text?.split(/\s/, 1)[0] ?? ctx.callbackQuery?.data;
    kit.logger.warn(
      { userId: ctx.from?.id, chatType: ctx.chat?.type, attempt },
      "admin action refused: not on the team, or not in a DM or the operator group",
    );
    return next();
  };
  c.command([...ADMIN_COMMANDS], refuse);
  onButton(c, registrationButton, (ctx, _verdict, next) => refuse(ctx, next));
  onButton(c, transferReviewCodec, (ctx, _value, next) => refuse(ctx, next));

  return { stage: "admin", handlers: c, flows: review.flows };
}
