import { supportDesk } from "../domain/support/desk.js";
import { createSupport } from "../domain/support/index.js";
import type { AppDesk } from "../domain/team/desk.js";
import type { Foundation } from "./foundation.js";
import type { Timings } from "./timings.js";

/** Support tickets: the rules over their records, and the team's desk their messages go to. */
export function buildSupport(f: Foundation, desk: AppDesk, timings: Timings) {
  return {
    support: createSupport({
      tickets: f.store.support,
      kv: f.store.kv,
      desk: supportDesk(desk, { targets: desk.fallback }),
      limits: timings.support,
    }),
  };
}

export type SupportArea = ReturnType<typeof buildSupport>;
