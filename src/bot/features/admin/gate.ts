import type { Middleware } from "grammy";
import { registrationButton } from "../../callback-data/registration.js";
import { ticketCloseButton } from "../../callback-data/support.js";
import { transferReviewCodec } from "../../callback-data/transfer.js";
import type { Codec } from "../../callback-data/codec.js";
import type { BotContext } from "../../context.js";
import {
  type AdminButton,
  type AdminCommand,
  BUTTON_PERMISSIONS,
  COMMAND_PERMISSIONS,
  may,
  neededRole,
  type Permission,
  SUBCOMMAND_PERMISSIONS,
} from "../../../domain/team/permissions.js";
import type { AdminKit } from "./kit.js";

/** Every admin button family and its codec: the gate reads a press's family from its data. */
export const ADMIN_BUTTONS: Record<AdminButton, Codec<unknown>> = {
  registration: registrationButton,
  ticket: ticketCloseButton,
  transfer: transferReviewCodec,
};

/** The admin command an update's text starts with (addressed to this bot), if any. */
function commandOf(ctx: BotContext): AdminCommand | undefined {
  const m = /^\/([a-z]+)(?:@(\w+))?(?:\s|$)/.exec(ctx.msg?.text ?? "");
  if (!m || (m[2] !== undefined && m[2].toLowerCase() !== ctx.me.username.toLowerCase())) return undefined;
  const name = m[1] as string;
  return Object.hasOwn(COMMAND_PERMISSIONS, name) ? (name as AdminCommand) : undefined;
}

/** An admin sub-command of a shared command (`/referral percent 5`), as "referral percent", and its row. */
function subCommandOf(ctx: BotContext): { what: string; needs: Permission } | undefined {
  const m = /^\/([a-z]+)(?:@(\w+))?\s+([a-z]+)(?:\s|$)/i.exec(ctx.msg?.text ?? "");
  if (!m || (m[2] !== undefined && m[2].toLowerCase() !== ctx.me.username.toLowerCase())) return undefined;
  const subs = (SUBCOMMAND_PERMISSIONS as Record<string, Record<string, Permission>>)[(m[1] as string).toLowerCase()];
  const needs = subs?.[(m[3] as string).toLowerCase()];
  return needs === undefined ? undefined : { what: `${m[1]} ${m[3]}`.toLowerCase(), needs };
}

function buttonOf(ctx: BotContext): AdminButton | undefined {
  const data = ctx.callbackQuery?.data;
  if (data === undefined) return undefined;
  return (Object.keys(ADMIN_BUTTONS) as AdminButton[]).find((b) => ADMIN_BUTTONS[b].unpack(data) !== undefined);
}

/**
 * The one check of SPEC §5's table: every admin command and admin button, on each use, against
 * the sender's role as read for this update. A refusal names the role it needs, changes nothing
 * and is audited. Installed behind the team filter, so the sender has some role.
 */
export function permissionGate(kit: AdminKit): Middleware<BotContext> {
  return async (ctx, next) => {
    const command = commandOf(ctx);
    const button = command === undefined ? buttonOf(ctx) : undefined;
    const sub = command === undefined && button === undefined ? subCommandOf(ctx) : undefined;
    const needs: Permission | undefined = command ? COMMAND_PERMISSIONS[command] : button ? BUTTON_PERMISSIONS[button] : sub?.needs;
    if (needs === undefined || may(ctx.role, needs)) return next();
    const from = ctx.from?.id ?? 0;
    const what = command ? `/${command}` : sub ? `/${sub.what}` : `button:${button}`;
    await kit.audit.record(from, "refused", { target: what, note: ctx.role ?? "none" });
    const args = { what, role: { t: `team-role-${neededRole(needs)}` } };
    if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery({ text: ctx.label("team-refused", args), show_alert: true }));
    await ctx.reply(ctx.tr("team-refused", args));
  };
}
