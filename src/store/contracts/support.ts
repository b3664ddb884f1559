/** Support tickets (SPEC §5): a reseller's open question to the team, and every message of it. */

export type TicketStatus = "open" | "closed";

export interface TicketRecord {
  id: number;
  resellerId: number;
  status: TicketStatus;
  openedAt: number;
  closedAt?: number;
  /** The team member who closed it. */
  closedBy?: number;
}

/**
 * One message of a ticket as both sides see it: the reseller's ("in", a row per team chat it was
 * copied to), a member's reply ("out"), or the card a team chat got ("card").
 */
export interface TicketMessage {
  ticketId: number;
  kind: "card" | "in" | "out";
  fromUserId: number;
  /** Where the team sees it: a member's DM or the operator group (and its topic). */
  teamChatId: number;
  teamThreadId?: number;
  teamMessageId: number;
  /** The message in the reseller's chat: theirs ("in", "card"), or the bot's copy of a reply ("out"). */
  resellerMessageId: number;
  createdAt: number;
}

export type OpenTicket = { ok: true; ticket: TicketRecord } | { ok: false; open: number };
export type CloseTicket = { closed: true; ticket: TicketRecord } | { closed: false; ticket?: TicketRecord };

export interface SupportTickets {
  /** Opens a ticket unless the reseller already has `maxOpen` open ones: atomic, whatever the concurrency. */
  open(resellerId: number, maxOpen: number): Promise<OpenTicket>;
  get(id: number): Promise<TicketRecord | undefined>;
  /** The reseller's open tickets, newest first. */
  openOf(resellerId: number): Promise<TicketRecord[]>;
  /** Closes an open ticket (once: a second close is told the ticket as it is). */
  close(id: number, by: number): Promise<CloseTicket>;
  record(message: Omit<TicketMessage, "createdAt">): Promise<void>;
  /** The ticket of a message a team chat shows (a card, a reseller's copy, a member's reply). */
  byTeamMessage(chatId: number, messageId: number): Promise<{ ticket: TicketRecord; message: TicketMessage } | undefined>;
  /** The ticket of a message in the reseller's chat (theirs, or the bot's copy of a reply). */
  byResellerMessage(resellerId: number, messageId: number): Promise<{ ticket: TicketRecord; message: TicketMessage } | undefined>;
  /** A ticket's messages, oldest first (the cards to edit on close, where to thread a follow-up). */
  messages(ticketId: number): Promise<TicketMessage[]>;
}
