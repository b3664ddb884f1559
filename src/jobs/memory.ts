import type { Logger } from "../observability/logger.js";
import { RetryLater, type AddOptions, type Handler, type QueueName, type Queues, type WorkerOptions } from "./types.js";

interface MemJob {
  data: unknown;
  attempt: number;
  runAt: number;
}

/**
 * In-process queues for the no-Redis mode: same semantics as the BullMQ ones (stable ids,
 * delays, RetryLater, back-off, a rate limit) but nothing survives a restart.
 */
export function memoryQueues(logger: Logger): Queues {
  const jobs = new Map<QueueName, MemJob[]>();
  const seenIds = new Set<string>();
  const running = new Map<QueueName, number>();
  const runningJobs = new Set<{ q: QueueName; job: MemJob }>();
  const handlers = new Map<QueueName, { handler: Handler<unknown>; opts: WorkerOptions; sent: number[]; pausedUntil: number }>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let active = 0;

  const list = (q: QueueName) => {
    let queue = jobs.get(q);
    if (!queue) {
      queue = [];
      jobs.set(q, queue);
    }
    return queue;
  };

  function tick() {
    timer = undefined;
    if (closed) return;
    const now = Date.now();
    let next = Infinity;
    for (const [q, w] of handlers) {
      const queue = list(q);
      queue.sort((a, b) => a.runAt - b.runAt);
      for (let job = queue[0]; job !== undefined && (running.get(q) ?? 0) < w.opts.concurrency; job = queue[0]) {
        if (job.runAt > now || w.pausedUntil > now) {
          next = Math.min(next, Math.max(job.runAt, w.pausedUntil));
          break;
        }
        const limiter = w.opts.limiter;
        if (limiter) {
          w.sent = w.sent.filter((t) => t > now - limiter.durationMs);
          const [oldest] = w.sent;
          if (oldest !== undefined && w.sent.length >= limiter.max) {
            next = Math.min(next, oldest + limiter.durationMs);
            break;
          }
          w.sent.push(now);
        }
        queue.shift();
        run(q, w, job);
      }
    }
    if (next !== Infinity) schedule(next - now);
  }

  function schedule(ms: number) {
    if (closed) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(tick, Math.max(0, ms));
  }

  function run(q: QueueName, w: { handler: Handler<unknown>; opts: WorkerOptions; pausedUntil: number }, job: MemJob) {
    running.set(q, (running.get(q) ?? 0) + 1);
    active++;
    const entry = { q, job };
    runningJobs.add(entry);
    w.handler(job.data, { attempt: job.attempt, final: job.attempt + 1 >= w.opts.attempts })
      .catch((err: unknown) => {
        if (err instanceof RetryLater) {
          if (err.scope === "queue") w.pausedUntil = Date.now() + err.delayMs;
          const data = err.scope === "job" && err.patch ? { ...(job.data as object), ...err.patch } : job.data;
          list(q).push({ ...job, data, runAt: Date.now() + err.delayMs });
        } else if (job.attempt + 1 < w.opts.attempts) {
          list(q).push({ ...job, attempt: job.attempt + 1, runAt: Date.now() + Math.min(2 ** (job.attempt + 1) * 1000, 60_000) });
        } else {
          logger.error({ err, queue: q }, "job failed for good");
        }
      })
      .finally(() => {
        runningJobs.delete(entry);
        running.set(q, (running.get(q) ?? 1) - 1);
        active--;
        schedule(0);
      });
  }

  return {
    async add(q, data, opts: AddOptions = {}) {
      if (opts.jobId) {
        const id = `${q}:${opts.jobId}`;
        if (seenIds.has(id)) return;
        seenIds.add(id);
      }
      list(q).push({ data, attempt: 0, runAt: Date.now() + (opts.delayMs ?? 0) });
      schedule(0);
    },
    process(q, handler, opts) {
      handlers.set(q, { handler: handler as Handler<unknown>, opts, sent: [], pausedUntil: 0 });
      schedule(0);
    },
    async depth(q) {
      return list(q).length + (running.get(q) ?? 0);
    },
    async queuedData<T>(q: QueueName) {
      return [...list(q), ...[...runningJobs].filter((r) => r.q === q).map((r) => r.job)].map((j) => j.data as T);
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      while (active > 0) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
