/**
 * The deposit flow's jobs on the "deposit-checks" queue: creating a bill, re-reading it (after a
 * hint, an unanswered create, or the periodic sweep) and cancelling it. Every xpay call of the
 * flow runs here, never in a chat update or a webhook request.
 */
import { randomUUID } from "node:crypto";
import type { DepositJobs, DepositService } from "../domain/deposits.js";
import type { Logger } from "../observability/logger.js";
import type { DepositRecord, Kv } from "../store/types.js";
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
/**
 * The periodic check's share of xpay's assumed budget (60 calls a minute, providers/xpay): new
 * bills, cancels and hinted reads keep the rest. With more open deposits than that, each is
 * re-read less often, in turn.
 */
export const SWEEP_READS_PER_MINUTE = 30;

export function queueDepositJobs(queues: Queues, kv: Kv): DepositJobs {
  return {
    create: (depositId) => queues.add<DepositJob>(QUEUE, { kind: "create", depositId }, { jobId: `deposit:${depositId}:create` }),
    async check(depositId, delayMs) {
      const jobId = `deposit:${depositId}:check:${randomUUID()}`;
      // A check for later stands aside: the sweep and hints may still look sooner.
      if (delayMs) return queues.add<DepositJob>(QUEUE, { kind: "check", depositId }, { jobId, delayMs });
      // At most one queued check per deposit: hints and sweeps arriving meanwhile are served by
      // it, since it reads the bill as it stands when it runs. A flood of hints so costs one call.
      if (!(await kv.setIfAbsent(queuedMarker(depositId), "1", QUEUED_MARKER_MS))) return;
      await queues.add<DepositJob>(QUEUE, { kind: "check", depositId }, { jobId });
    },
    cancel: (depositId) =>
      queues.add<DepositJob>(QUEUE, { kind: "cancel", depositId }, { jobId: `deposit:${depositId}:cancel:${randomUUID()}` }),
  };
}

/** Starts the deposit worker and the periodic check; returns a function that stops the latter. */
export function startDepositWorkers(deps: {
  queues: Queues;
  deposits: DepositService;
  kv: Kv;
  logger: Logger;
  everyMs?: number;
}): () => void {
  const { queues, deposits, kv, logger } = deps;
  queues.process<DepositJob>(
    QUEUE,
    async (job, meta) => {
      if (job.kind === "create") return deposits.createBill(job.depositId, meta.final);
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
  const perRun = Math.max(1, Math.floor((SWEEP_READS_PER_MINUTE * everyMs) / 60_000));
  // Oldest first, skipping those read in this round: a round lasts as many runs as it takes to
  // read every open deposit once within the budget.
  const select = async (open: DepositRecord[]) => {
    const roundMs = Math.ceil(open.length / perRun) * everyMs;
    const picked: DepositRecord[] = [];
    for (const d of open) {
      if (picked.length >= perRun) break;
      if (await kv.setIfAbsent(`deposit:swept:${d.id}`, "1", Math.max(1, roundMs - 100))) picked.push(d);
    }
    return picked;
  };
  const sweep = async () => {
    if (!(await kv.setIfAbsent("lock:deposit-sweep", "1", Math.max(1, everyMs - 500)))) return;
    await deposits.sweep(select);
  };
  const timer = setInterval(() => void sweep().catch((err: unknown) => logger.warn({ err }, "sweep of open deposits failed")), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
