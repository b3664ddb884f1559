import { randomUUID } from "node:crypto";
import type { Logger } from "../observability/logger.js";
import type { ProviderAdapter, ProviderDirectory } from "../providers/types.js";
import type { Kv } from "../store/types.js";
import type { Maintenance } from "./maintenance.js";
import type { FailureStreaks, StreakSignal } from "./maintenance-streak.js";
import type { Notifier } from "./notifications.js";

/** The alert keys (the operator group routes them to its Providers topic). */
export const MAINTENANCE_ON_ALERT = "admin-provider-maintenance-on";
export const MAINTENANCE_OFF_ALERT = "admin-provider-maintenance-off";

/**
 * The provider's cheapest read, used as its health check: the account or balance read where it
 * has one, else its catalogue. It goes through the adapter, so through the provider's shared
 * rate limiter like any other call. Undefined for a provider with nothing to read (it is never
 * put in maintenance automatically: nothing could lift it).
 */
export function cheapestRead(adapter: ProviderAdapter): (() => Promise<unknown>) | undefined {
  const { account, licenceAccount, points, catalog } = adapter;
  if (account) return () => account.getAccount();
  if (licenceAccount) return () => licenceAccount.me();
  if (points) return () => points.liquidityPool();
  if (catalog) return () => catalog.listProducts();
  return undefined;
}

/**
 * Automatic maintenance (SPEC §5): a provider whose calls fail `threshold` times in a row goes in
 * maintenance by itself and is announced; the health check lifts it when the provider answers.
 * A manual entry is never lifted here. Orders already placed are untouched: polls and
 * reconciliation go on whatever the maintenance.
 */
export function createAutoMaintenance(deps: {
  maintenance: Maintenance;
  streaks: FailureStreaks;
  providers: ProviderDirectory;
  notifier: Notifier;
  kv: Kv;
  logger: Logger;
}) {
  const { maintenance, streaks, notifier, logger } = deps;
  // Signals of one provider are applied in the order the calls ended, one at a time.
  const chains = new Map<string, Promise<void>>();

  async function apply(provider: string, signal: StreakSignal) {
    const { count, reached } = await streaks.record(provider, signal);
    if (!reached) return;
    const adapter = deps.providers.get(provider as ProviderAdapter["id"]);
    if (!adapter || !cheapestRead(adapter)) return;
    if (!(await maintenance.enterAuto(provider))) return;
    logger.warn({ provider, failures: count }, "provider put in maintenance after failures in a row");
    await notifier.notifyAdmins(MAINTENANCE_ON_ALERT, { provider, failures: count }, `maintenance:${provider}:on:${Date.now()}`);
  }

  return {
    /** One call attempt's signal; never throws (it runs beside the provider call). */
    observe(provider: string, signal: StreakSignal): Promise<void> {
      const next = (chains.get(provider) ?? Promise.resolve())
        .then(() => apply(provider, signal))
        .catch((err: unknown) => logger.warn({ err, provider }, "failure streak not recorded"));
      chains.set(provider, next);
      void next.finally(() => {
        if (chains.get(provider) === next) chains.delete(provider);
      });
      return next;
    },

    /**
     * One health check per period across every process (a lock in the shared store, left to
     * expire): each provider in automatic maintenance is read once; one that answers leaves
     * maintenance. Returns the providers lifted, or undefined when another process had the turn.
     */
    async check(everyMs: number): Promise<string[] | undefined> {
      if (!(await deps.kv.setIfAbsent("lock:maintenance-health", randomUUID(), Math.max(1, Math.floor(everyMs * 0.9))))) return undefined;
      const auto = (await maintenance.view()).entries.filter((e) => e.scope === "provider" && e.auto);
      const lifted: string[] = [];
      for (const entry of auto) {
        const adapter = deps.providers.get(entry.target as ProviderAdapter["id"]);
        const read = adapter && cheapestRead(adapter);
        if (!read) continue;
        try {
          await read();
        } catch (err) {
          logger.info(
            { provider: entry.target, err: err instanceof Error ? err.message : String(err) },
            "provider still failing its health check",
          );
          continue;
        }
        if (!(await maintenance.liftAuto(entry.target))) continue;
        await streaks.reset(entry.target);
        lifted.push(entry.target);
        logger.info({ provider: entry.target }, "provider answered its health check: out of maintenance");
        await notifier.notifyAdmins(MAINTENANCE_OFF_ALERT, { provider: entry.target }, `maintenance:${entry.target}:off:${Date.now()}`);
      }
      return lifted;
    },
  };
}

export type AutoMaintenance = ReturnType<typeof createAutoMaintenance>;

/** Runs the health check every `everyMs` in this process (never two at once); returns its stop. */
export function startHealthChecks(auto: AutoMaintenance, everyMs: number, logger: Logger): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    void auto
      .check(everyMs)
      .catch((err: unknown) => logger.warn({ err }, "maintenance health check failed"))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
