import { InlineKeyboard } from "grammy";
import type { Locale } from "../../../domain/locale.js";
import { formatMoney } from "../../../lib/money.js";
import type { TicketRecord, UserRecord } from "../../../store/types.js";
import { ticketCloseButton } from "../../callback-data/support.js";
import { pickLocale } from "../../i18n.js";
import type { Services } from "../../context.js";
import { formatDate } from "../order-card.js";

export type CardServices = Pick<Services, "resellers" | "wallets" | "translator" | "defaultLocale">;

/** A team chat reads the card in its member's language; the operator group (no user) in the default one. */
export async function chatLocale(s: CardServices, chatId: number): Promise<Locale> {
  const u = chatId > 0 ? await s.resellers.get(chatId) : undefined;
  return pickLocale(u?.locale, u?.telegramLanguage, s.defaultLocale);
}

/** The reseller card on a ticket (SPEC §5): who asks, their status and balance; who closed it, once closed. */
export async function cardText(
  s: CardServices,
  locale: Locale,
  ticket: TicketRecord,
  reseller: UserRecord | undefined,
  closedBy?: string,
): Promise<string> {
  const balances = Object.entries(await s.wallets.balances(ticket.resellerId));
  const t = (key: string, args?: Parameters<Services["translator"]["render"]>[2]) => s.translator.render(locale, key, args);
  const lines = [
    t("support-card", {
      ticketId: String(ticket.id),
      name: reseller?.firstName ?? "-",
      username: reseller?.username ? `@${reseller.username}` : "-",
      userId: String(ticket.resellerId),
      status: { t: `admin-status-${reseller?.status ?? "pending"}` },
      balance: balances.length > 0 ? balances.map(([c, a]) => formatMoney(a, c, locale)).join(", ") : "-",
      date: formatDate(ticket.openedAt, locale),
    }),
  ];
  if (ticket.status === "closed")
    lines.push(
      t("support-card-closed", { by: closedBy ?? String(ticket.closedBy ?? "-"), date: formatDate(ticket.closedAt ?? 0, locale) }),
    );
  return lines.join("\n");
}

/** The card's one button, while the ticket is open. */
export const closeKeyboard = (s: CardServices, locale: Locale, ticketId: number) =>
  new InlineKeyboard().text(s.translator.render(locale, "btn-support-close", {}, { html: false }), ticketCloseButton.pack({ ticketId }));
