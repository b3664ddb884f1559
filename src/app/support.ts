import { createSupport } from "../domain/support/index.js";
import { teamDmDesk } from "../domain/support/desk.js";
import type { Foundation } from "./foundation.js";
import type { Team } from "./team.js";
import type { Timings } from "./timings.js";

/**
 * Support tickets: the rules over their records, and the desk their messages go to (the team's
 * DMs; the operator group's Support topic plugs into the same port).
 */
export function buildSupport(f: Foundation, team: Team, timings: Timings) {
  return { support: createSupport({ tickets: f.store.support, kv: f.store.kv, desk: teamDmDesk(team.team), limits: timings.support }) };
}

export type SupportArea = ReturnType<typeof buildSupport>;
