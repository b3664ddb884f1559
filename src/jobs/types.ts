/**
 * The job system's port: named queues, delayed jobs with stable ids (an id already queued is
 * not queued again), and workers. BullMQ implements it on Redis (durable, shared by every bot
 * process); an in-process implementation serves the no-Redis mode.
 */
export type QueueName =
  | "placements"
  | "notifications"
  | "status-polls"
  | "reconcile"
  | "points-awards"
  | "deposit-checks"
  | "bulk-summaries"
  | "api-callbacks";
export const QUEUE_NAMES: readonly QueueName[] = [
  "placements",
  "notifications",
  "status-polls",
  "reconcile",
  "points-awards",
  "deposit-checks",
  "bulk-summaries",
  "api-callbacks",
];

export interface AddOptions {
  /** Stable id: adding a job whose id exists (waiting, delayed or recently done) is a no-op. */
  jobId?: string;
  delayMs?: number;
}

/** Thrown by a handler to run the job again later without counting a failed attempt. */
export class RetryLater extends Error {
  constructor(
    readonly delayMs: number,
    /** "queue": the whole queue waits (Telegram's global 429); "job": only this job waits. */
    readonly scope: "queue" | "job",
    /** "job" scope: fields merged into the job's data before it waits (e.g. a reserved send slot). */
    readonly patch?: Record<string, unknown>,
  ) {
    super(`retry in ${delayMs} ms (${scope})`);
    this.name = "RetryLater";
  }
}

export interface WorkerOptions {
  concurrency: number;
  /** At most `max` jobs per `durationMs`, across every process for BullMQ. */
  limiter?: { max: number; durationMs: number };
  /** Failed attempts before a job is given up (exponential back-off between them). */
  attempts: number;
  /**
   * A job whose process died while running it is NOT run again (BullMQ would re-run a stalled
   * job): for work that may have reached a provider that cannot be asked twice. The sweeps pick
   * such orders up instead, once the dead job is noticed (within about 15 s).
   */
  noRerunAfterCrash?: boolean;
}

export interface JobMeta {
  /** 0 on the first run; RetryLater does not count. */
  attempt: number;
  /** True when a failure now gives the job up. */
  final: boolean;
}

export type Handler<T> = (data: T, meta: JobMeta) => Promise<void>;

export interface Queues {
  add<T>(queue: QueueName, data: T, opts?: AddOptions): Promise<void>;
  process<T>(queue: QueueName, handler: Handler<T>, opts: WorkerOptions): void;
  /** Waiting + delayed + active jobs. */
  depth(queue: QueueName): Promise<number>;
  /** The data of every waiting, delayed or active job (for sweeps that find work nobody queued). */
  queuedData<T>(queue: QueueName): Promise<T[]>;
  /** Stops taking jobs, lets running ones finish, closes connections. */
  close(): Promise<void>;
}
