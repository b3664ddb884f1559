import { Composer } from "grammy";
import type { AccountAction, AccountOutcome } from "../../../domain/accounts.js";
import { onButton } from "../../callback-data/on-button.js";
import { registrationButton } from "../../callback-data/registration.js";
import type { BotContext } from "../../context.js";
import type { UserRecord } from "../../../store/types.js";
import { formatDate } from "../order-card.js";
import { parseUserRef } from "./args.js";
import { adminCommand, adminId, findUser, replyLines, who } from "./command.js";
import type { AdminKit } from "./kit.js";
import { accountProblem } from "./outcome.js";

const DONE: Record<AccountAction, string> = {
  approve: "admin-approved",
  reject: "admin-rejected",
  ban: "admin-banned",
  unban: "admin-unbanned",
};

function outcomeText(ctx: BotContext, action: AccountAction, out: AccountOutcome, ref: string): string {
  if (out.kind === "changed") return ctx.tr(DONE[action], who(out.after));
  if (out.kind === "unchanged")
    return ctx.tr("admin-status-unchanged", { ...who(out.user), status: ctx.tr(`admin-status-${out.user.status}`) });
  return accountProblem(ctx, out, ref);
}

const LAST_ORDERS = 5;

/** The registration alert's own text (resellers.register() sends it), rendered again for the edit. */
const registrationCard = (ctx: BotContext, u: UserRecord) =>
  ctx.tr("admin-new-registration", { ...who(u), username: u.username ? `@${u.username}` : "-" });

const presser = (p: { first_name: string; username?: string; id: number }) =>
  p.username ? `${p.first_name} (@${p.username})` : `${p.first_name} (${p.id})`;

/** "Approved by …": the presser when this press decided, else whoever the audit log says did. */
async function decidedLine(
  kit: AdminKit,
  ctx: BotContext,
  user: UserRecord,
  now: { action: AccountAction; by: { first_name: string; username?: string; id: number } } | undefined,
): Promise<string> {
  const status = ctx.tr(`admin-status-${user.status}`);
  if (now) return ctx.tr("registration-decided", { status, by: presser(now.by) });
  const last = (await kit.audit.recent(500)).find((e) => e.target === String(user.id) && e.action in DONE);
  if (!last) return ctx.tr("registration-decided-earlier", { status });
  const actor = await kit.resellers.get(last.actor);
  const by = actor ? presser({ first_name: actor.firstName, username: actor.username, id: actor.id }) : String(last.actor);
  return ctx.tr("registration-decided", { status, by });
}

/** /approve, /ban, /unban, /user and the Approve / Reject buttons of a registration alert. */
export function usersCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  for (const action of ["approve", "ban", "unban"] as const) {
    adminCommand(c, action, parseUserRef, async (ctx, ref) => {
      const user = await findUser(kit, ctx, ref);
      if (!user) return;
      await ctx.reply(outcomeText(ctx, action, await kit.accounts.change(action, user.id, adminId(ctx)), ref));
    });
  }

  // Sent to the Resellers topic (or each member's DM) by resellers.register(); the lock in
  // accounts.change() lets the first press decide. The card is rewritten to say who decided, so
  // everyone looking at it in the group sees the outcome; a later press is told so.
  onButton(c, registrationButton, async (ctx, { verdict, userId }) => {
    const action: AccountAction = verdict === "appr" ? "approve" : "reject";
    const out = await kit.accounts.change(action, userId, ctx.from.id);
    await ctx.answerCallbackQuery();
    if (out.kind === "changed" || out.kind === "unchanged") {
      const user = out.kind === "changed" ? out.after : out.user;
      const decided = await decidedLine(kit, ctx, user, out.kind === "changed" ? { action, by: ctx.from } : undefined);
      // An old message may refuse the edit; the reply below still tells the presser.
      await ctx.editMessageText(`${registrationCard(ctx, user)}\n\n${decided}`).catch(() => ctx.editMessageReplyMarkup().catch(() => {}));
    }
    await ctx.reply(outcomeText(ctx, action, out, String(userId)));
  });

  adminCommand(c, "user", parseUserRef, async (ctx, ref) => {
    const u = await findUser(kit, ctx, ref);
    if (!u) return;
    const [balances, orders, count, shortfalls] = await Promise.all([
      kit.wallets.balances(u.id),
      kit.history.recent(u.id, 0, LAST_ORDERS),
      kit.history.count(u.id),
      kit.growth.shortfalls(u.id),
    ]);
    const lines = [
      ctx.tr("admin-user-card", {
        ...who(u),
        username: u.username ? `@${u.username}` : "-",
        status: ctx.tr(`admin-status-${u.status}`),
        tier: u.tier,
        locale: u.locale ?? u.telegramLanguage ?? "-",
        date: formatDate(u.createdAt, ctx.locale),
      }),
    ];
    if (kit.resellers.isAdmin(u.id)) lines.push(ctx.tr("admin-user-is-admin"));
    if (u.blockedAt) lines.push(ctx.tr("admin-user-blocked", { date: formatDate(u.blockedAt, ctx.locale) }));
    lines.push("", ctx.tr("admin-user-wallets"));
    const wallets = Object.entries(balances);
    if (wallets.length === 0) lines.push(ctx.tr("admin-user-no-wallet"));
    for (const [currency, amount] of wallets) lines.push(ctx.tr("balance-line", { amount: { money: [amount, currency] } }));
    // Referral commissions a refund could not take back (their balance was lower): SPEC §7.
    for (const [currency, amount] of Object.entries(shortfalls).sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(ctx.tr("admin-user-referral-shortfall", { amount: { money: [amount, currency] } }));
    }
    lines.push("", ctx.tr("admin-user-orders", { count }));
    if (orders.length === 0) lines.push(ctx.tr("admin-user-no-orders"));
    for (const o of orders) {
      lines.push(
        ctx.tr("admin-user-order-line", {
          orderId: o.id,
          product: o.productName,
          price: { money: [o.price.amount, o.price.currency] },
          state: ctx.tr(`state-${o.state}`),
        }),
      );
    }
    await replyLines(ctx, lines);
  });

  return c;
}
