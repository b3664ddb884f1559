import type { Api } from "grammy";
import type { Logger } from "../../../observability/logger.js";
import type { SupportTarget } from "../../../domain/support/index.js";
import type { TicketMessage, TicketRecord, UserRecord } from "../../../store/types.js";
import type { Services } from "../../context.js";
import { fitPlain } from "../../fit-text.js";
import { escapeHtml } from "../../i18n.js";
import { type CardServices, cardText, chatLocale, closeKeyboard } from "./card.js";

/**
 * Moving a ticket's messages between the reseller's chat and the team's (copyMessage: text, photos
 * and files pass through as they are, and the team stays anonymous to the reseller). Every copy
 * is recorded, so a reply to it on either side finds the ticket. A team chat that cannot be
 * reached is logged and skipped: the ticket and the other chats' copies stand.
 */
export type RelayServices = CardServices & Pick<Services, "support" | "logger">;

/** A reseller's message to relay: theirs as it is, or (after /support) its text or caption without the command. */
export interface Incoming {
  resellerId: number;
  messageId: number;
  /** The question typed after /support: sent as text, so the command stays out of the team's view. */
  text?: string;
  /** A photo's or file's caption with /support cut out ("" drops it). */
  caption?: string;
}

const threadOf = (threadId: number | undefined) => (threadId === undefined ? {} : { message_thread_id: threadId });
const replyTo = (messageId: number) => ({ reply_parameters: { message_id: messageId, allow_sending_without_reply: true } });

async function copyIn(api: Api, m: Incoming, chatId: number, threadId: number | undefined, under: number): Promise<number> {
  const where = { ...threadOf(threadId), ...replyTo(under) };
  if (m.text !== undefined) return (await api.sendMessage(chatId, escapeHtml(m.text), where)).message_id;
  const caption = m.caption === undefined ? {} : { caption: m.caption };
  return (await api.copyMessage(chatId, m.resellerId, m.messageId, { ...where, ...caption })).message_id;
}

const warn = (logger: Logger, err: unknown, ticketId: number, chatId: number) =>
  logger.warn({ err, ticketId, chatId }, "a support ticket message could not reach a team chat");

/**
 * A new ticket: in each team chat of the desk, the reseller's card with Close, and their message
 * under it; when none could be reached, the desk's fallback chats. Returns the chats reached.
 */
export async function openOnDesk(api: Api, s: RelayServices, ticket: TicketRecord, reseller: UserRecord | undefined, m: Incoming) {
  let reached = await cardsTo(await s.support.targets(), api, s, ticket, reseller, m);
  if (reached === 0) reached = await cardsTo(await s.support.fallbackTargets(), api, s, ticket, reseller, m);
  if (reached === 0) s.logger.error({ ticketId: ticket.id }, "a support ticket reached no team chat");
  return reached;
}

async function cardsTo(
  targets: readonly SupportTarget[],
  api: Api,
  s: RelayServices,
  ticket: TicketRecord,
  reseller: UserRecord | undefined,
  m: Incoming,
) {
  let reached = 0;
  for (const target of targets) {
    try {
      const locale = await chatLocale(s, target.chatId);
      const card = await api.sendMessage(target.chatId, await cardText(s, locale, ticket, reseller), {
        ...threadOf(target.threadId),
        reply_markup: closeKeyboard(s, locale, ticket.id),
      });
      const team = { ticketId: ticket.id, fromUserId: m.resellerId, teamChatId: target.chatId, teamThreadId: target.threadId };
      await s.support.record({ ...team, kind: "card", teamMessageId: card.message_id, resellerMessageId: m.messageId });
      const copy = await copyIn(api, m, target.chatId, target.threadId, card.message_id);
      await s.support.record({ ...team, kind: "in", teamMessageId: copy, resellerMessageId: m.messageId });
      reached++;
    } catch (err) {
      warn(s.logger, err, ticket.id, target.chatId);
    }
  }
  return reached;
}

/** A follow-up: copied under the ticket's card in every team chat that has one. */
export async function followUpOnDesk(api: Api, s: RelayServices, ticket: TicketRecord, m: Incoming) {
  let reached = 0;
  for (const card of await s.support.cards(ticket.id)) {
    try {
      const copy = await copyIn(api, m, card.teamChatId, card.teamThreadId, card.teamMessageId);
      await s.support.record({
        ticketId: ticket.id,
        kind: "in",
        fromUserId: m.resellerId,
        teamChatId: card.teamChatId,
        teamThreadId: card.teamThreadId,
        teamMessageId: copy,
        resellerMessageId: m.messageId,
      });
      reached++;
    } catch (err) {
      warn(s.logger, err, ticket.id, card.teamChatId);
    }
  }
  return reached;
}

export interface TeamReply {
  fromUserId: number;
  fromName: string;
  chatId: number;
  threadId?: number;
  messageId: number;
  /** Its text or caption, for the note the other team chats get. */
  text?: string;
}

/** How much of an answer the other team chats' note quotes. */
const PREVIEW = 300;

/** A member's reply: copied to the reseller, as a reply to the message of theirs it answers. */
export async function answerReseller(api: Api, s: RelayServices, hit: { ticket: TicketRecord; message: TicketMessage }, reply: TeamReply) {
  const copy = await api.copyMessage(hit.ticket.resellerId, reply.chatId, reply.messageId, replyTo(hit.message.resellerMessageId));
  const out = { ticketId: hit.ticket.id, kind: "out" as const, fromUserId: reply.fromUserId, resellerMessageId: copy.message_id };
  await s.support.record({ ...out, teamChatId: reply.chatId, teamThreadId: reply.threadId, teamMessageId: reply.messageId });
  // In the members' own DMs nobody else sees an answer: each other card gets a note of it (a
  // reply to the note threads under the same reseller message), so no one answers twice.
  for (const card of await s.support.cards(hit.ticket.id)) {
    if (card.teamChatId === reply.chatId) continue;
    try {
      const locale = await chatLocale(s, card.teamChatId);
      const preview = reply.text ? fitPlain(reply.text, PREVIEW) : "-";
      const note = s.translator.render(locale, "support-answered", { by: reply.fromName, ticketId: String(hit.ticket.id), preview });
      const sent = await api.sendMessage(card.teamChatId, note, { ...threadOf(card.teamThreadId), ...replyTo(card.teamMessageId) });
      await s.support.record({ ...out, teamChatId: card.teamChatId, teamThreadId: card.teamThreadId, teamMessageId: sent.message_id });
    } catch (err) {
      warn(s.logger, err, hit.ticket.id, card.teamChatId);
    }
  }
}

/** Closed: every card of the ticket shows who closed it, and loses its button. */
export async function editCards(api: Api, s: RelayServices, ticket: TicketRecord, reseller: UserRecord | undefined, closedBy: string) {
  for (const card of await s.support.cards(ticket.id)) {
    const locale = await chatLocale(s, card.teamChatId);
    await api
      .editMessageText(card.teamChatId, card.teamMessageId, await cardText(s, locale, ticket, reseller, closedBy))
      .catch((err: unknown) => warn(s.logger, err, ticket.id, card.teamChatId));
  }
}
