/** The bulk top-up summary: a durable job that waits for a batch's orders to leave "pending". */
import type { Bulk } from "../domain/bulk.js";
import { RetryLater, type Queues } from "./types.js";

export interface BulkSummaryJob {
  batchId: string;
}

/** How often a batch is looked at; placements take seconds, or a minute or two behind the provider's budget. */
export const BULK_CHECK_MS = 2_000;

export function queueBulkJobs(queues: Queues) {
  return {
    // One job per batch, whoever asks (a second Confirm, a retry).
    summary: (batchId: string) =>
      queues.add<BulkSummaryJob>("bulk-summaries", { batchId }, { jobId: `bulk-summary:${batchId}`, delayMs: BULK_CHECK_MS }),
  };
}

/** Starts the summaries' worker; the returned stop has nothing of its own to end (the worker closes with the queues). */
export function startBulkWorker(deps: { queues: Queues; bulk: Pick<Bulk, "summarize"> }): () => void {
  deps.queues.process<BulkSummaryJob>(
    "bulk-summaries",
    async ({ batchId }) => {
      // Waiting is not a failure: the job sleeps and looks again, in whichever process takes it.
      if ((await deps.bulk.summarize(batchId)) === "wait") throw new RetryLater(BULK_CHECK_MS, "job");
    },
    { concurrency: 2, attempts: 5 },
  );
  return () => {};
}
