import type { Users } from "../../store/types.js";
import { readersOf, type Topic } from "./alert-topics.js";
import type { Role } from "./permissions.js";

export interface AlertRouting {
  /** An operator group is configured: each alert is one message there (its topic in a forum). */
  group: boolean;
  /** Who reads a topic in their DMs when there is no group: by role (alert-topics.ts). */
  readers(topic: Topic | undefined): Promise<number[]>;
  /** The owners (ADMIN_IDS): where the group's alerts fall back to when it cannot be reached. */
  owners: readonly number[];
}

/** The team's roles read from the store on each alert (roles change in chat and hold at once). */
export function alertRouting(deps: { group: boolean; ownerIds: readonly number[]; users: Pick<Users, "team"> }): AlertRouting {
  const { ownerIds } = deps;
  return {
    group: deps.group,
    owners: ownerIds,
    async readers(topic) {
      const roles = readersOf(topic);
      const team = (await deps.users.team()).filter((u) => !ownerIds.includes(u.id));
      const withRole = (role: Role | undefined) => role !== undefined && roles.includes(role);
      return [...(roles.includes("owner") ? ownerIds : []), ...team.filter((u) => withRole(u.teamRole)).map((u) => u.id)];
    },
  };
}
