import { Api, GrammyError, InlineKeyboard } from "grammy";
import type { ReviewBoard } from "../domain/deposits/transfers.js";
import { reasonArg } from "../domain/deposits/transfers.js";
import type { Locale } from "../domain/locale.js";
import type { MessageArgs } from "../domain/notifications.js";
import type { TeamDesk } from "../domain/team/desk.js";
import type { Logger } from "../observability/logger.js";
import type { TransferDeposit, Transfers, UserRecord } from "../store/types.js";
import { botApiFetch } from "./api-fetch.js";
import { transferReviewButton } from "./callback-data/transfer.js";
import { pickLocale, type Translator } from "./i18n.js";
import { htmlParseMode } from "./middlewares/html.js";

const minute = (at: number) => `${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC`;

/**
 * The review cards on the Bot API: the slip (its own file_id, so nothing is downloaded) with the
 * amount, the reseller, the reference and the buttons, posted to every desk target; every card
 * is recorded so each can be rewritten with the outcome and who decided.
 */
export function transferCards(deps: {
  token: string;
  apiRoot: string;
  desk: TeamDesk;
  transfers: Transfers;
  users: { get(id: number): Promise<UserRecord | undefined> };
  translator: Translator;
  defaultLocale: Locale;
  logger: Logger;
}): ReviewBoard {
  const { translator, logger } = deps;
  const api = new Api(deps.token, { apiRoot: deps.apiRoot, fetch: botApiFetch() });
  api.config.use(htmlParseMode);

  /** A DM target reads in their language; a group in the bot's default. */
  async function localeOf(chatId: number): Promise<Locale> {
    if (chatId < 0) return deps.defaultLocale;
    const u = await deps.users.get(chatId);
    return pickLocale(u?.locale, u?.telegramLanguage, deps.defaultLocale);
  }

  async function caption(d: TransferDeposit, locale: Locale, raised: boolean): Promise<string> {
    const tr = (key: string, args?: MessageArgs) => translator.render(locale, key, args);
    const reseller = await deps.users.get(d.userId);
    const lines = [
      tr("transfer-card-title", { depositId: d.id }),
      tr("transfer-card-reseller", {
        name: reseller?.firstName ?? "-",
        username: reseller?.username ? `@${reseller.username}` : "-",
        userId: String(d.userId),
      }),
      tr("transfer-card-amount", { amount: { money: [d.amount, d.currency] } }),
    ];
    if (d.claimedAmount !== undefined && d.claimedAmount !== d.amount)
      lines.push(tr("transfer-card-claimed", { amount: { money: [d.claimedAmount, d.currency] } }));
    lines.push(tr("transfer-card-reference", { reference: d.id }), tr("transfer-card-sent", { at: minute(d.createdAt) }));
    if (d.duplicateOf) lines.push(tr("transfer-card-duplicate", { other: d.duplicateOf }));
    if (raised && d.state === "submitted") lines.push(tr("transfer-card-raised"));
    const by = d.reviewedBy === undefined ? undefined : await deps.users.get(d.reviewedBy);
    const who = by?.firstName ?? String(d.reviewedBy ?? "-");
    const at = d.reviewedAt === undefined ? "-" : minute(d.reviewedAt);
    if (d.state === "approved") lines.push("", tr("transfer-card-approved", { by: who, at }));
    if (d.state === "rejected") lines.push("", tr("transfer-card-rejected", { by: who, at, reason: reasonArg(d.reason) }));
    if (d.state === "expired") lines.push("", tr("transfer-card-expired"));
    return lines.join("\n");
  }

  const keyboard = (d: TransferDeposit, locale: Locale) => {
    if (d.state !== "submitted") return undefined;
    const label = (key: string) => translator.render(locale, key, {}, { html: false });
    return new InlineKeyboard()
      .text(label("btn-transfer-approve"), transferReviewButton.pack({ action: "ok", depositId: d.id }))
      .text(label("btn-transfer-reject"), transferReviewButton.pack({ action: "no", depositId: d.id }))
      .row()
      .text(label("btn-transfer-amount"), transferReviewButton.pack({ action: "amt", depositId: d.id }));
  };

  return {
    async post(d, opts = {}) {
      let posted = 0;
      for (const target of await deps.desk.targets("deposits")) {
        try {
          const locale = await localeOf(target.chatId);
          const other = {
            caption: await caption(d, locale, opts.raised ?? false),
            reply_markup: keyboard(d, locale),
            ...(target.threadId !== undefined && { message_thread_id: target.threadId }),
          };
          const m =
            d.slip.kind === "photo"
              ? await api.sendPhoto(target.chatId, d.slip.fileId, other)
              : await api.sendDocument(target.chatId, d.slip.fileId, other);
          await deps.transfers.addCard(d.id, { chatId: target.chatId, messageId: m.message_id });
          posted += 1;
        } catch (err) {
          // One member who blocked the bot must not keep the card from the others.
          logger.warn(
            { err: err instanceof GrammyError ? err.description : err, depositId: d.id, chatId: target.chatId },
            "review card not posted",
          );
        }
      }
      return posted;
    },

    async refresh(d) {
      for (const card of await deps.transfers.cards(d.id)) {
        const locale = await localeOf(card.chatId);
        await api
          .editMessageCaption(card.chatId, card.messageId, { caption: await caption(d, locale, false), reply_markup: keyboard(d, locale) })
          .catch((err: unknown) => {
            if (err instanceof GrammyError && /not modified/.test(err.description)) return;
            logger.warn(
              { err: err instanceof GrammyError ? err.description : err, depositId: d.id, chatId: card.chatId },
              "review card not updated",
            );
          });
      }
    },
  };
}
