import type { SupportTickets, TicketMessage, TicketRecord } from "../types.js";
import { copy } from "./tables.js";

export function memorySupport(): SupportTickets {
  const tickets = new Map<number, TicketRecord>();
  const messages: TicketMessage[] = [];
  let nextId = 1;
  const openOf = (resellerId: number) =>
    [...tickets.values()].filter((t) => t.resellerId === resellerId && t.status === "open").sort((a, b) => b.id - a.id);
  const withTicket = (m: TicketMessage | undefined) => {
    const ticket = m && tickets.get(m.ticketId);
    return m && ticket ? { ticket: copy(ticket), message: copy(m) } : undefined;
  };
  return {
    // No await between the count and the insert: atomic as the PostgreSQL slots are.
    async open(resellerId, maxOpen) {
      const open = openOf(resellerId).length;
      if (open >= maxOpen) return { ok: false, open };
      const ticket: TicketRecord = { id: nextId++, resellerId, status: "open", openedAt: Date.now() };
      tickets.set(ticket.id, ticket);
      return { ok: true, ticket: copy(ticket) };
    },
    async get(id) {
      const t = tickets.get(id);
      return t && copy(t);
    },
    async openOf(resellerId) {
      return openOf(resellerId).map(copy);
    },
    async close(id, by) {
      const t = tickets.get(id);
      if (t?.status !== "open") return { closed: false, ...(t ? { ticket: copy(t) } : {}) };
      Object.assign(t, { status: "closed", closedAt: Date.now(), closedBy: by });
      return { closed: true, ticket: copy(t) };
    },
    async record(m) {
      messages.push(copy({ ...m, createdAt: Date.now() }));
    },
    async byTeamMessage(chatId, messageId) {
      return withTicket(messages.find((m) => m.teamChatId === chatId && m.teamMessageId === messageId));
    },
    async byResellerMessage(resellerId, messageId) {
      return withTicket(messages.find((m) => m.resellerMessageId === messageId && tickets.get(m.ticketId)?.resellerId === resellerId));
    },
    async messages(ticketId) {
      return messages.filter((m) => m.ticketId === ticketId).map(copy);
    },
  };
}
