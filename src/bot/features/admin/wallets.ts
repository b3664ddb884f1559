import { Composer } from "grammy";
import type { UserRecord } from "../../../store/types.js";
import type { BotContext } from "../../context.js";
import { pickLocale } from "../../i18n.js";
import { formatDate } from "../order-card.js";
import { parseWalletArgs } from "./args.js";
import { adminCommand, adminId, findUser, who } from "./command.js";
import type { AdminKit } from "./kit.js";

/**
 * The note line of a wallet notice in the reseller's language. Left unescaped on purpose: the
 * notification worker HTML-escapes every string argument when it renders the notice.
 */
function noticeNote(kit: AdminKit, user: UserRecord, note: string | undefined): string {
  if (!note) return "";
  return kit.translator.i18n.t(pickLocale(user.locale, user.telegramLanguage, kit.defaultLocale), "wallet-note", { note });
}

/** /credit and /debit <user> <amount> <currency> [note]. */
export function walletCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  for (const direction of ["credit", "debit"] as const) {
    adminCommand(c, direction, parseWalletArgs, async (ctx, a) => {
      const user = await findUser(kit, ctx, a.ref);
      if (!user) return;
      const out = await kit.wallets.adjust({
        adminId: adminId(ctx),
        userId: user.id,
        direction,
        amount: a.amount,
        currency: a.currency,
        note: a.note,
        // One admin message, one entry: Telegram redelivering the update (or a retry) changes nothing.
        key: `admin:${ctx.chat.id}:${ctx.msg.message_id}`,
        noticeNote: noticeNote(kit, user, a.note),
      });
      const amount = { money: [a.amount, a.currency] as [number, string] };
      switch (out.kind) {
        case "applied":
          return ctx.reply(
            ctx.tr(direction === "credit" ? "admin-credited" : "admin-debited", {
              ...who(user),
              amount,
              balance: { money: [out.entry.balanceAfter, a.currency] },
            }),
          );
        case "duplicate":
          return ctx.reply(ctx.tr("admin-wallet-duplicate", { date: formatDate(out.entry.at, ctx.locale) }));
        case "insufficient":
          return ctx.reply(ctx.tr("admin-debit-insufficient", { ...who(user), amount, balance: { money: [out.balance, a.currency] } }));
      }
    });
  }

  return c;
}
