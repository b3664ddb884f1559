import { must } from "./must.js";

/** The delay before retry `attempt` (0-based) from a schedule whose last delay repeats. */
export function delayFor(delays: readonly number[], attempt: number): number {
  return must(delays[Math.min(attempt, delays.length - 1)], "a schedule of delays is not empty");
}
