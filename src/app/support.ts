import { createSupport } from "../domain/support/index.js";
import { groupDesk, type SupportTarget, teamDmDesk } from "../domain/support/desk.js";
import type { Foundation } from "./foundation.js";
import type { Team } from "./team.js";
import type { Timings } from "./timings.js";

/**
 * Support tickets: the rules over their records, and the desk their messages go to (the team's
 * DMs; the operator group's Support topic plugs into the same port).
 */
export function buildSupport(f: Foundation, team: Team, timings: Timings) {
  let where: ((topic: "support") => Promise<SupportTarget | undefined>) | undefined;
  const desk = f.operatorGroup.configured
    ? groupDesk(
        () => where,
        () => f.alertRouting.readers("support"),
      )
    : teamDmDesk(team.team);
  return {
    support: createSupport({ tickets: f.store.support, kv: f.store.kv, desk, limits: timings.support }),
    /** The operator group's Support topic, once the chat area has the Bot API (app.ts). */
    deskIn(topicWhere: (topic: "support") => Promise<SupportTarget | undefined>) {
      where = topicWhere;
    },
  };
}

export type SupportArea = ReturnType<typeof buildSupport>;
