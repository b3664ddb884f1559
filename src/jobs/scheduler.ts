import type { Scheduler } from "../domain/orders.js";
import { delayFor } from "../lib/delays.js";
import type { Queues } from "./types.js";

/** Placements run at once per process; a longer line means the provider's budget is the wait. */
export const PLACEMENT_CONCURRENCY = 4;

export interface PlacementJob {
  orderId: string;
}

export interface OrderJob {
  orderId: string;
  attempt: number;
  /** Which chain of attempts this job belongs to (absent on jobs queued before chains existed). */
  chain?: string;
}

/** Poll delays: quick at first (most top-ups settle in seconds), then every 10 minutes. */
export const DEFAULT_POLL_DELAYS_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000];
export const DEFAULT_RECONCILE_DELAYS_MS = [60_000, 300_000, 900_000, 1_800_000, 3_600_000];

export function queueScheduler(
  queues: Queues,
  delays: { poll: readonly number[]; reconcile: readonly number[] } = {
    poll: DEFAULT_POLL_DELAYS_MS,
    reconcile: DEFAULT_RECONCILE_DELAYS_MS,
  },
): Scheduler {
  const add =
    (queue: "status-polls" | "reconcile", kind: string, delays: readonly number[]) =>
    (orderId: string, attempt: number, chain = attempt === 0 ? newChain() : "0") =>
      queues.add<OrderJob>(
        queue,
        { orderId, attempt, chain },
        { jobId: `${kind}:${orderId}:${chain}:${attempt}`, delayMs: delayFor(delays, attempt) },
      );
  return {
    // One placement per order, whoever asks; "queued" when the provider's line is already long.
    // "again": a sweep re-sending an order never handed over; a fresh id, as the first job's is kept.
    async placement(orderId, options = {}) {
      const waiting = await queues.depth("placements");
      const jobId = options.again ? `place:${orderId}:${newChain()}` : `place:${orderId}`;
      await queues.add<PlacementJob>("placements", { orderId }, { jobId });
      return { queued: waiting >= PLACEMENT_CONCURRENCY };
    },
    statusPoll: add("status-polls", "poll", delays.poll),
    reconcile: add("reconcile", "reconcile", delays.reconcile),
  };
}

/** Time-ordered and unique enough: two chains of one order are never started in the same millisecond by one CAS winner. */
const newChain = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
