import { DelayedError, Queue, Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Logger } from "../observability/logger.js";
import { RetryLater, type AddOptions, type Handler, type QueueName, type Queues, type WorkerOptions } from "./types.js";

/** How long close() lets running jobs finish before it forces the workers shut. */
const DEFAULT_CLOSE_GRACE_MS = 10_000;

// Finished jobs are kept a week so a stable jobId keeps deduplicating redeliveries.
const KEEP = { age: 7 * 24 * 3600 };

export function bullmqQueues(redisUrl: string, logger: Logger, { closeGraceMs = DEFAULT_CLOSE_GRACE_MS } = {}): Queues {
  const connection: ConnectionOptions = { url: redisUrl, maxRetriesPerRequest: null } as ConnectionOptions;
  const prefix = "rb:bull";
  const queues = new Map<QueueName, Queue>();
  const workers: Worker[] = [];

  const queue = (name: QueueName) => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection, prefix });
      q.on("error", (err) => logger.warn({ err: err.message, queue: name }, "queue error"));
      queues.set(name, q);
    }
    return q;
  };

  return {
    async add(name, data, opts: AddOptions = {}) {
      await queue(name).add(name, data, {
        // BullMQ refuses ':' in custom ids.
        jobId: opts.jobId?.replaceAll(":", "_"),
        delay: opts.delayMs,
        attempts: 1,
        removeOnComplete: KEEP,
        removeOnFail: KEEP,
      });
    },

    process<T>(name: QueueName, handler: Handler<T>, opts: WorkerOptions) {
      const worker: Worker = new Worker(
        name,
        async (job: Job, token?: string) => {
          const done = (job.data as { _attempt?: number })._attempt ?? 0;
          try {
            await handler(job.data as T, { attempt: done, final: done + 1 >= opts.attempts });
          } catch (err) {
            if (err instanceof RetryLater) {
              if (err.scope === "queue") {
                await worker.rateLimit(err.delayMs);
                throw Worker.RateLimitError();
              }
              if (err.patch) await job.updateData({ ...(job.data as object), ...err.patch });
              await job.moveToDelayed(Date.now() + err.delayMs, token);
              throw new DelayedError();
            }
            // Our own attempt counter: BullMQ's attempts would also count RetryLater moves.
            const attempt = done + 1;
            if (attempt < opts.attempts) {
              await job.updateData({ ...(job.data as object), _attempt: attempt });
              await job.moveToDelayed(Date.now() + Math.min(2 ** attempt * 1000, 60_000), token);
              throw new DelayedError();
            }
            throw err;
          }
        },
        {
          connection,
          prefix,
          concurrency: opts.concurrency,
          // Not run again after a crash, and the crash noticed within about 15 s instead of a
          // minute: the lock is renewed every 5 s while the job runs, checked every 5 s.
          ...(opts.noRerunAfterCrash && { maxStalledCount: 0, lockDuration: 10_000, stalledInterval: 5_000 }),
          limiter: opts.limiter ? { max: opts.limiter.max, duration: opts.limiter.durationMs } : undefined,
        },
      );
      worker.on("failed", (job, err) => logger.error({ err, queue: name, jobId: job?.id }, "job failed for good"));
      worker.on("error", (err) => logger.warn({ err: err.message, queue: name }, "worker error"));
      workers.push(worker);
    },

    async depth(name) {
      const counts = await queue(name).getJobCounts("waiting", "delayed", "active", "prioritized", "waiting-children");
      return Object.values(counts).reduce((a, b) => a + b, 0);
    },

    async queuedData<T>(name: QueueName) {
      const jobs = await queue(name).getJobs(["waiting", "delayed", "active", "prioritized", "paused"]);
      return jobs.filter((j): j is Job => j !== undefined).map((j) => j.data as T);
    },

    async close() {
      // Running jobs may finish (a graceful stop); one stuck behind a lost Redis connection or a
      // provider's rate limit must not hold the shutdown: after the grace period, force.
      const graceful = Promise.all(workers.map((w) => w.close()));
      const timedOut = await Promise.race([
        graceful.then(() => false),
        new Promise<boolean>((r) => setTimeout(r, closeGraceMs, true).unref()),
      ]);
      if (timedOut) {
        logger.warn({ graceMs: closeGraceMs }, "jobs still running at shutdown: closing workers by force (they run again elsewhere)");
        await Promise.all(workers.map((w) => w.close(true)));
      }
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}
