import type { TransferDeposits } from "../domain/deposits/transfers.js";
import type { Logger } from "../observability/logger.js";
import type { Kv } from "../store/types.js";

export const DEFAULT_TRANSFER_CHECK_MS = 5 * 60_000;

/**
 * The transfer deposits' timer: cards that could not be posted are posted, and deposits left
 * unreviewed for a day are raised to the team again. One process a tick (a lock in the store);
 * each raise is claimed on its record as well, so a tick that overlaps another raises once.
 */
export function startTransferTimers(deps: { transfers: TransferDeposits; kv: Kv; logger: Logger; everyMs?: number }): () => void {
  const everyMs = deps.everyMs ?? DEFAULT_TRANSFER_CHECK_MS;
  const tick = async () => {
    if (!(await deps.kv.setIfAbsent("lock:transfer-raise", "1", Math.max(1, everyMs - 100)))) return;
    await deps.transfers.repairUnposted();
    await deps.transfers.raiseDue();
  };
  const timer = setInterval(() => void tick().catch((err: unknown) => deps.logger.warn({ err }, "transfer deposit check failed")), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
