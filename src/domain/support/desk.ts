/**
 * Where ticket messages go (SPEC §5: the Support topic of the operator group, or the team's DMs).
 * The one port the support relay asks: the operator group plugs its Support topic in here.
 */
export interface SupportTarget {
  chatId: number;
  /** A forum topic of the operator group. */
  threadId?: number;
}

export interface SupportDesk {
  targets(): Promise<SupportTarget[]>;
  /** Where a new ticket goes when none of the targets could be reached (the group gone: the team's DMs). */
  fallback?(): Promise<SupportTarget[]>;
}

/** Without an operator group: each team member's DM (owners from ADMIN_IDS and everyone with a role). */
export function teamDmDesk(team: { members(): Promise<readonly { id: number }[]> }): SupportDesk {
  return {
    async targets() {
      return (await team.members()).map((m) => ({ chatId: m.id }));
    },
  };
}

/**
 * With an operator group: its Support topic, and the support readers' DMs when the group cannot
 * be reached. `where` is late-bound: it needs the Bot API the chat area opens after this one.
 */
export function groupDesk(
  where: () => ((topic: "support") => Promise<SupportTarget | undefined>) | undefined,
  readers: () => Promise<readonly number[]>,
): SupportDesk {
  const dms = async () => (await readers()).map((chatId) => ({ chatId }));
  return {
    async targets() {
      const inGroup = await where()?.("support");
      return inGroup ? [inGroup] : dms();
    },
    fallback: dms,
  };
}
