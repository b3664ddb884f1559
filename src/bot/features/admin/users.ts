import { Composer } from "grammy";
import type { AccountAction, AccountOutcome } from "../../../domain/accounts.js";
import { onButton } from "../../callback-data/on-button.js";
import { registrationButton } from "../../callback-data/registration.js";
import type { BotContext } from "../../context.js";
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

  // Sent to every admin by resellers.register(); the first press decides, later ones are told so.
  onButton(c, registrationButton, async (ctx, { verdict, userId }) => {
    const action: AccountAction = verdict === "appr" ? "approve" : "reject";
    const out = await kit.accounts.change(action, userId, ctx.from.id);
    await ctx.answerCallbackQuery();
    // Decided (now or earlier): the buttons are spent. An old message may refuse the edit; the reply still tells the admin.
    if (out.kind !== "busy") await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(outcomeText(ctx, action, out, String(userId)));
  });

  adminCommand(c, "user", parseUserRef, async (ctx, ref) => {
    const u = await findUser(kit, ctx, ref);
    if (!u) return;
    const [balances, orders, count] = await Promise.all([
      kit.wallets.balances(u.id),
      kit.history.recent(u.id, 0, LAST_ORDERS),
      kit.history.count(u.id),
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
