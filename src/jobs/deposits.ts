/**
 * The deposit flow's jobs on the "deposit-checks" queue: creating a bill, re-reading it (after a
 * hint, an unanswered create, or the periodic sweep) and cancelling it. Every xpay call of the
 * flow runs here, never in a chat update or a webhook request.
 */
import { randomUUID } from "node:crypto";
import type { DepositJobs, DepositService } from "../domain/deposits.js";
import type { Logger } from "../observability/logger.js";
import type { Kv } from "../store/types.js";
import type { Queues } from "./types.js";

export interface DepositJob {
  kind: "create" | "check" | "cancel";
  depositId: string;
}

const QUEUE = "deposit-checks";
/** A queued check's marker outlives any sane queue wait; if its job is lost, a later ask queues another. */
const QUEUED_MARKER_MS = 60_000;
const queuedMarker = (depositId: string) => `deposit:check-queued:${depositId}`;

export const DEFAULT_DEPOSIT_SWEEP_MS = 60_000;

export function queueDepositJobs(queues: Queues, kv: Kv): DepositJobs {
  return {
    create: (depositId) => queues.add<DepositJob>(QUEUE, { kind: "create", depositId }, { jobId: `deposit:${depositId}:create` }),
    async check(depositId, delayMs) {
      // At most one queued check per deposit: hints and sweeps arriving meanwhile are served by
      // it, since it reads the bill as it stands when it runs. A flood of hints so costs one call.
      if (!(await kv.setIfAbsent(queuedMarker(depositId), "1", QUEUED_MARKER_MS + (delayMs ?? 0)))) return;
      await queues.add<DepositJob>(QUEUE, { kind: "check", depositId }, { jobId: `deposit:${depositId}:check:${randomUUID()}`, delayMs });
    },
    cancel: (depositId) => queues.add<DepositJob>(QUEUE, { kind: "cancel", depositId }, { jobId: `deposit:${depositId}:cancel:${randomUUID()}` }),
  };
}

/** Starts the deposit worker and the periodic check; returns a function that stops the latter. */
export function startDepositWorkers(deps: { queues: Queues; deposits: DepositService; kv: Kv; logger: Logger; everyMs?: number }): () => void {
  const { queues, deposits, kv, logger } = deps;
  queues.process<DepositJob>(
    QUEUE,
    async (job, meta) => {
      if (job.kind === "create") return deposits.createBill(job.depositId);
      if (job.kind === "cancel") return deposits.cancel(job.depositId, meta.final);
      // Cleared before the read, so a hint that arrives during it queues the next check.
      await kv.del(queuedMarker(job.depositId));
      await deposits.check(job.depositId);
    },
    { concurrency: 4, attempts: 3 },
  );

  // One process at a time re-reads every open deposit (a lock in the store, like the order
  // sweep); the checks themselves are spread over every process's worker.
  const everyMs = deps.everyMs ?? DEFAULT_DEPOSIT_SWEEP_MS;
  const sweep = async () => {
    if (!(await kv.setIfAbsent("lock:deposit-sweep", "1", Math.max(1, everyMs - 500)))) return;
    await deposits.sweep();
  };
  const timer = setInterval(() => void sweep().catch((err: unknown) => logger.warn({ err }, "sweep of open deposits failed")), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
