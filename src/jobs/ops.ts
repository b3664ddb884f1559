/** The operators' periodic work: the daily report and the provider balance checks. */
import type { DailyReports } from "../domain/daily-report.js";
import type { BalanceAlerts } from "../domain/provider-alerts.js";
import type { Logger } from "../observability/logger.js";
import type { Kv } from "../store/types.js";

export interface OpsTimings {
  /** How often each process asks whether the daily report is due. */
  reportEveryMs: number;
  /** How often the provider balances are read (by one process at a time). */
  balanceEveryMs: number;
}
export const OPS_TIMINGS: OpsTimings = { reportEveryMs: 60_000, balanceEveryMs: 300_000 };

/** One balance check across every process per interval: each reads the provider's API. */
export async function checkBalancesOnce(deps: { balances: BalanceAlerts; kv: Kv }, everyMs: number): Promise<boolean> {
  if (!(await deps.kv.setIfAbsent("lock:balance-check", "1", Math.max(1, everyMs - 500)))) return false;
  await deps.balances.check();
  return true;
}

/** Starts both timers in this process; returns a function that stops them. */
export function startOpsTimers(deps: {
  reports: DailyReports;
  balances: BalanceAlerts;
  kv: Kv;
  logger: Logger;
  timings?: Partial<OpsTimings>;
}) {
  const t = { ...OPS_TIMINGS, ...deps.timings };
  const { logger } = deps;
  const timers = [
    setInterval(
      () => void deps.reports.sendIfDue().catch((err: unknown) => logger.warn({ err }, "daily report failed; retried on the next tick")),
      t.reportEveryMs,
    ),
  ];
  if (deps.balances.enabled) {
    timers.push(
      setInterval(
        () => void checkBalancesOnce(deps, t.balanceEveryMs).catch((err: unknown) => logger.warn({ err }, "balance check failed")),
        t.balanceEveryMs,
      ),
    );
  }
  for (const timer of timers) timer.unref();
  return () => timers.forEach(clearInterval);
}
