/**
 * Where the team's work goes: the operator group's topic, or (with no group) the DMs of the
 * members whose role may do it. One port so review cards and tickets need not know which.
 */
export type DeskTopic = "deposits" | "support";

export interface DeskTarget {
  chatId: number;
  threadId?: number;
}

export interface TeamDesk {
  targets(topic: DeskTopic): Promise<DeskTarget[]>;
}
