import type { SupportTickets, TicketMessage, TicketRecord } from "../types.js";
import type { Pool } from "./pool.js";

interface TicketRow {
  id: number;
  reseller_id: number;
  status: TicketRecord["status"];
  opened_at: Date;
  closed_at: Date | null;
  closed_by: number | null;
}

interface MessageRow {
  ticket_id: number;
  kind: TicketMessage["kind"];
  from_user_id: number;
  team_chat_id: number;
  team_thread_id: number | null;
  team_message_id: number;
  reseller_message_id: number;
  created_at: Date;
}

const TICKET = "id, reseller_id, status, opened_at, closed_at, closed_by";
const MESSAGE = "ticket_id, kind, from_user_id, team_chat_id, team_thread_id, team_message_id, reseller_message_id, created_at";

const toTicket = (r: TicketRow): TicketRecord => ({
  id: r.id,
  resellerId: r.reseller_id,
  status: r.status,
  openedAt: r.opened_at.getTime(),
  ...(r.closed_at !== null && { closedAt: r.closed_at.getTime() }),
  ...(r.closed_by !== null && { closedBy: r.closed_by }),
});

const toMessage = (r: MessageRow): TicketMessage => ({
  ticketId: r.ticket_id,
  kind: r.kind,
  fromUserId: r.from_user_id,
  teamChatId: r.team_chat_id,
  ...(r.team_thread_id !== null && { teamThreadId: r.team_thread_id }),
  teamMessageId: r.team_message_id,
  resellerMessageId: r.reseller_message_id,
  createdAt: r.created_at.getTime(),
});

/** Each try either takes a free slot or meets one taken by a concurrent open; a full set ends it. */
const MAX_SLOT_TRIES = 20;

export function postgresSupport(pool: Pool): SupportTickets {
  const found = async (where: string, params: unknown[]) => {
    const r = await pool.query<MessageRow & { t_id: number } & TicketRow>(
      `SELECT m.ticket_id, m.kind, m.from_user_id, m.team_chat_id, m.team_thread_id, m.team_message_id, m.reseller_message_id,
              m.created_at, t.id, t.reseller_id, t.status, t.opened_at, t.closed_at, t.closed_by
         FROM support_messages m JOIN support_tickets t ON t.id = m.ticket_id
        WHERE ${where} ORDER BY m.id LIMIT 1`,
      params,
    );
    const row = r.rows[0];
    return row ? { ticket: toTicket(row), message: toMessage(row) } : undefined;
  };

  return {
    // The slot's partial unique index is what holds the limit: two opens racing for the same
    // free slot collide, the loser tries the next one, and none is left once `maxOpen` are open.
    async open(resellerId, maxOpen) {
      for (let i = 0; i < MAX_SLOT_TRIES; i++) {
        const r = await pool.query<TicketRow>(
          `INSERT INTO support_tickets (reseller_id, slot)
           SELECT $1, s FROM generate_series(1, $2::int) AS s
            WHERE NOT EXISTS (SELECT 1 FROM support_tickets WHERE reseller_id = $1 AND status = 'open' AND slot = s)
            ORDER BY s LIMIT 1
           ON CONFLICT (reseller_id, slot) WHERE status = 'open' DO NOTHING
           RETURNING ${TICKET}`,
          [resellerId, maxOpen],
        );
        if (r.rows[0]) return { ok: true, ticket: toTicket(r.rows[0]) };
        const open = (await this.openOf(resellerId)).length;
        if (open >= maxOpen) return { ok: false, open };
      }
      throw new Error(`could not open a ticket for ${resellerId}: the slots kept changing`);
    },
    async get(id) {
      const r = await pool.query<TicketRow>(`SELECT ${TICKET} FROM support_tickets WHERE id = $1`, [id]);
      return r.rows[0] && toTicket(r.rows[0]);
    },
    async openOf(resellerId) {
      const r = await pool.query<TicketRow>(
        `SELECT ${TICKET} FROM support_tickets WHERE reseller_id = $1 AND status = 'open' ORDER BY id DESC`,
        [resellerId],
      );
      return r.rows.map(toTicket);
    },
    async close(id, by) {
      const r = await pool.query<TicketRow>(
        `UPDATE support_tickets SET status = 'closed', closed_at = now(), closed_by = $2
          WHERE id = $1 AND status = 'open' RETURNING ${TICKET}`,
        [id, by],
      );
      if (r.rows[0]) return { closed: true, ticket: toTicket(r.rows[0]) };
      const ticket = await this.get(id);
      return { closed: false, ...(ticket ? { ticket } : {}) };
    },
    async record(m) {
      await pool.query(
        `INSERT INTO support_messages (ticket_id, kind, from_user_id, team_chat_id, team_thread_id, team_message_id, reseller_message_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [m.ticketId, m.kind, m.fromUserId, m.teamChatId, m.teamThreadId ?? null, m.teamMessageId, m.resellerMessageId],
      );
    },
    byTeamMessage: (chatId, messageId) => found("m.team_chat_id = $1 AND m.team_message_id = $2", [chatId, messageId]),
    byResellerMessage: (resellerId, messageId) => found("t.reseller_id = $1 AND m.reseller_message_id = $2", [resellerId, messageId]),
    async messages(ticketId) {
      const r = await pool.query<MessageRow>(`SELECT ${MESSAGE} FROM support_messages WHERE ticket_id = $1 ORDER BY id`, [ticketId]);
      return r.rows.map(toMessage);
    },
  };
}
