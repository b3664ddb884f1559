import type { Kv, SupportTickets, TicketMessage, TicketRecord, UserRecord } from "../../store/types.js";
import type { SupportDesk, SupportTarget } from "./desk.js";

export type { SupportDesk, SupportTarget } from "./desk.js";

export interface SupportLimits {
  /** Open tickets a reseller may have at once. */
  maxOpen: number;
  /** Follow-ups relayed per ticket and window: the team's chats are not flooded with copies. */
  followUps: { max: number; windowMs: number };
}

export const DEFAULT_SUPPORT_LIMITS: SupportLimits = { maxOpen: 3, followUps: { max: 10, windowMs: 60_000 } };

/** Pending registrants may ask for help too (registration questions); rejected and banned accounts may not. */
export const maySeekSupport = (user: UserRecord | undefined, onTeam: boolean): boolean =>
  onTeam || user?.status === "active" || user?.status === "pending";

/** How long a tap on Support waits for the question. */
const ASK_TTL_MS = 10 * 60_000;
const askKey = (resellerId: number) => `support:ask:${resellerId}`;

export type FollowUpVerdict = "relay" | "slow-down" | "drop";

/**
 * Support tickets (SPEC §5): the rules, free of Telegram. Opening holds the open-ticket limit;
 * a reseller's follow-up joins the ticket they reply to, else their newest open one; the relay
 * (bot/features/support) copies messages and records each copy here.
 */
export function createSupport(deps: { tickets: SupportTickets; kv: Kv; desk: SupportDesk; limits?: Partial<SupportLimits> }) {
  const { tickets, kv, desk } = deps;
  const limits = { ...DEFAULT_SUPPORT_LIMITS, ...deps.limits };

  return {
    limits,
    targets: (): Promise<SupportTarget[]> => desk.targets(),
    fallbackTargets: async (): Promise<SupportTarget[]> => (await desk.fallback?.()) ?? [],
    open: (resellerId: number) => tickets.open(resellerId, limits.maxOpen),
    get: (id: number) => tickets.get(id),
    openOf: (resellerId: number) => tickets.openOf(resellerId),
    close: (id: number, by: number) => tickets.close(id, by),
    record: (m: Omit<TicketMessage, "createdAt">) => tickets.record(m),
    messages: (ticketId: number) => tickets.messages(ticketId),
    /** The ticket a team chat's message belongs to (a member replying to it answers that ticket). */
    byTeamMessage: (chatId: number, messageId: number) => tickets.byTeamMessage(chatId, messageId),

    /** The open ticket a reseller's message joins: the one they reply to, else their newest; none: not a ticket message. */
    async ticketFor(resellerId: number, replyTo?: number): Promise<{ ticket: TicketRecord; replyTo?: TicketMessage } | undefined> {
      if (replyTo !== undefined) {
        const hit = await tickets.byResellerMessage(resellerId, replyTo);
        if (hit?.ticket.status === "open") return { ticket: hit.ticket, replyTo: hit.message };
      }
      const [newest] = await tickets.openOf(resellerId);
      return newest && { ticket: newest };
    },

    /**
     * Counts a follow-up against its ticket's window (shared by every process through the kv):
     * relayed while under the limit; the first one over it gets one "slow down", the rest nothing.
     */
    async followUp(ticketId: number): Promise<FollowUpVerdict> {
      const { max, windowMs } = limits.followUps;
      const window = Math.floor(Date.now() / windowMs);
      const n = await kv.incr(`support:rate:${ticketId}:${window}`, "n", 1, windowMs);
      return n <= max ? "relay" : n === max + 1 ? "slow-down" : "drop";
    },

    /** The reseller tapped Support: their next message opens a ticket (for a while). */
    asking: (resellerId: number) => kv.setJson(askKey(resellerId), true, ASK_TTL_MS),
    /** Whether the reseller's next message was to open a ticket; answers true once. */
    async takeAsking(resellerId: number): Promise<boolean> {
      if (!(await kv.getJson<boolean>(askKey(resellerId)))) return false;
      await kv.del(askKey(resellerId));
      return true;
    },

    /** The team's view of where a ticket's messages sit: its card in each team chat (to thread copies under, to edit on close). */
    async cards(ticketId: number): Promise<TicketMessage[]> {
      return (await tickets.messages(ticketId)).filter((m) => m.kind === "card");
    },
  };
}

export type Support = ReturnType<typeof createSupport>;
