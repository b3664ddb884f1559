/** The "points-awards" queue: vifox awards and registrations, and the sweep that rebuilds them. */
import type { Points, PointsJobs } from "../domain/points.js";
import type { Logger } from "../observability/logger.js";
import type { Kv } from "../store/types.js";
import { RetryLater, type Queues } from "./types.js";

export type PointsJob =
  | { kind: "award"; orderId: string }
  /** `retries`: how often this registration waited already (back-off). */
  | { kind: "register"; userId: number; retries?: number };

export function queuePointsJobs(queues: Queues): PointsJobs {
  return {
    award: (orderId, tag) =>
      queues.add<PointsJob>("points-awards", { kind: "award", orderId }, { jobId: tag ? `award:${orderId}:${tag}` : `award:${orderId}` }),
    // A registration may be asked for again at any time (a new e-mail, /points): always a new job.
    register: (userId) =>
      queues.add<PointsJob>("points-awards", { kind: "register", userId }, { jobId: `register:${userId}:${Date.now()}` }),
  };
}

export interface PointsSweepTimings {
  everyMs: number;
  /** An award changed this recently may still be about to queue its own job. */
  quietMs: number;
}
const SWEEP: PointsSweepTimings = { everyMs: 60_000, quietMs: 30_000 };

/** Starts the worker and the sweep in this process; returns a function that stops the sweep. */
export function startPointsWorker(deps: { queues: Queues; points: Points; kv: Kv; logger: Logger; sweep?: Partial<PointsSweepTimings> }) {
  const { queues, points, kv, logger } = deps;
  queues.process<PointsJob>(
    "points-awards",
    async (job) => {
      const step = job.kind === "award" ? await points.runAward(job.orderId) : await points.runRegister(job.userId, job.retries ?? 0);
      // Waiting is not failing: the job sleeps and keeps its place (and its id) in the queue.
      if (step.kind === "retry")
        throw new RetryLater(step.delayMs, "job", job.kind === "register" ? { retries: (job.retries ?? 0) + 1 } : undefined);
    },
    { concurrency: 2, attempts: 5 },
  );

  const timings = { ...SWEEP, ...deps.sweep };
  // One process at a time (a lock in the store): two would queue two jobs for one award.
  const runSweep = async () => {
    if (!(await kv.setIfAbsent("lock:points-sweep", "1", Math.max(1, timings.everyMs - 500)))) return;
    const queued = new Set((await queues.queuedData<PointsJob>("points-awards")).flatMap((j) => (j.kind === "award" ? [j.orderId] : [])));
    await points.reviveAwards(queued, timings.quietMs);
  };
  const sweep = setInterval(
    () => void runSweep().catch((err: unknown) => logger.warn({ err }, "sweep of points awards failed")),
    timings.everyMs,
  );
  sweep.unref();
  return () => clearInterval(sweep);
}
