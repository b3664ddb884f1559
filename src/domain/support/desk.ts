import type { TeamDesk } from "../team/desk.js";

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

/** The support side of the team's desk (domain/team/desk.ts): its Support topic, or the DMs. */
export function supportDesk(desk: TeamDesk, fallback?: TeamDesk): SupportDesk {
  return {
    targets: () => desk.targets("support"),
    ...(fallback ? { fallback: () => fallback.targets("support") } : {}),
  };
}
