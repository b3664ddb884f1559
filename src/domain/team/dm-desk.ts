import type { DeskTopic, TeamDesk } from "./desk.js";
import type { Team } from "./index.js";
import { type Permission, may } from "./permissions.js";

/** Which row of the permission table a topic's work needs (deposit approval is money). */
const NEEDS: Record<DeskTopic, Permission> = { deposits: "money", support: "read" };

/** The team desk without an operator group: every member whose role may do the topic's work, in their DM. */
export function dmDesk(team: Pick<Team, "members">): TeamDesk {
  return {
    async targets(topic) {
      const members = await team.members();
      return members.filter((m) => may(m.role, NEEDS[topic])).map((m) => ({ chatId: m.id }));
    },
  };
}
