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

/** The group side of the desk: where a topic lives in the operator group now (jobs/team-alerts.ts `where`). */
export type GroupTopics = (topic: DeskTopic) => Promise<DeskTarget | undefined>;

/**
 * The desk the app uses: the operator group's topic when there is a group that can be reached,
 * else `dms`. The group side is plugged in late (useGroup): it needs the Bot API, which the chat
 * area opens after the areas that post to the desk are built.
 */
export function teamDesk(dms: TeamDesk) {
  let group: GroupTopics | undefined;
  return {
    async targets(topic: DeskTopic): Promise<DeskTarget[]> {
      const inGroup = await group?.(topic);
      return inGroup ? [inGroup] : dms.targets(topic);
    },
    /** Where work goes when none of the targets could be reached (the group gone). */
    fallback: (topic: DeskTopic) => dms.targets(topic),
    useGroup(topics: GroupTopics) {
      group = topics;
    },
  };
}

export type AppDesk = ReturnType<typeof teamDesk>;
