import type { Scheduler } from "../domain/orders.js";
import type { Queues } from "./types.js";

export interface OrderJob {
  orderId: string;
  attempt: number;
}

/** Poll delays: quick at first (most top-ups settle in seconds), then every 10 minutes. */
export const DEFAULT_POLL_DELAYS_MS = [15_000, 30_000, 60_000, 120_000, 300_000, 600_000];
export const DEFAULT_RECONCILE_DELAYS_MS = [60_000, 300_000, 900_000, 1_800_000, 3_600_000];

export function delayFor(delays: readonly number[], attempt: number): number {
  return delays[Math.min(attempt, delays.length - 1)]!;
}

export function queueScheduler(
  queues: Queues,
  delays: { poll: readonly number[]; reconcile: readonly number[] } = { poll: DEFAULT_POLL_DELAYS_MS, reconcile: DEFAULT_RECONCILE_DELAYS_MS },
): Scheduler {
  return {
    statusPoll: (orderId, attempt) =>
      queues.add<OrderJob>("status-polls", { orderId, attempt }, { jobId: `poll:${orderId}:${attempt}`, delayMs: delayFor(delays.poll, attempt) }),
    reconcile: (orderId, attempt) =>
      queues.add<OrderJob>("reconcile", { orderId, attempt }, { jobId: `reconcile:${orderId}:${attempt}`, delayMs: delayFor(delays.reconcile, attempt) }),
  };
}
