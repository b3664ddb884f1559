import type { Config } from "../config.js";
import { createAutoMaintenance, startHealthChecks } from "../domain/auto-maintenance.js";
import { createCatalog } from "../domain/catalog.js";
import { createMaintenance } from "../domain/maintenance.js";
import { createFailureStreaks } from "../domain/maintenance-streak.js";
import { createPriceAdmin } from "../domain/price-admin.js";
import { createPriceBook } from "../domain/price-book.js";
import { createPriceGuard } from "../domain/price-guard.js";
import type { Logger } from "../observability/logger.js";
import type { Foundation } from "./foundation.js";
import type { Part } from "./lifecycle.js";
import type { Team } from "./team.js";
import { MAINTENANCE_HEALTH_EVERY_MS, type Timings } from "./timings.js";

/** What is for sale and at what price: the catalogue over the providers, the price book, maintenance. */
export function buildCatalogue(config: Config, f: Foundation, team: Team, logger: Logger, timings: Timings = {}) {
  const priceBook = createPriceBook(f.store.pricing, { markups: config.markups });
  // Pauses a product whose provider cost rose above its fixed price, on every catalogue fetch.
  const onSynced = createPriceGuard({ priceBook, notifier: f.notifier, logger });
  const streaks = createFailureStreaks({ kv: f.store.kv, threshold: config.maintenanceAutoFailures });
  const maintenance = createMaintenance({
    records: f.store.maintenance,
    audit: team.audit,
    isTeam: (user) => team.team.roleOf(user.id, user) !== undefined,
    resetStreak: streaks.reset,
  });
  const catalog = createCatalog({
    providers: f.providers,
    kv: f.store.kv,
    priceBook,
    maintenance,
    ttlMs: config.catalogTtlMs,
    logger,
    onSynced,
  });
  // Every provider call's outcome feeds its failure streak (automatic maintenance, SPEC §5).
  const autoMaintenance = createAutoMaintenance({
    maintenance,
    streaks,
    providers: f.providers,
    notifier: f.notifier,
    kv: f.store.kv,
    logger,
  });
  f.providers.onSignal((provider, signal) => void autoMaintenance.observe(provider, signal));
  const healthEveryMs = timings.maintenanceHealthEveryMs ?? MAINTENANCE_HEALTH_EVERY_MS;
  let stopHealth: (() => void) | undefined;
  const healthChecks: Part = {
    name: "maintenance-health",
    start: () => void (stopHealth = startHealthChecks(autoMaintenance, healthEveryMs, logger)),
    stop: () => stopHealth?.(),
  };
  return {
    priceBook,
    catalog,
    maintenance,
    autoMaintenance,
    healthChecks,
    prices: createPriceAdmin({ priceBook, audit: team.audit }),
  };
}

export type Catalogue = ReturnType<typeof buildCatalogue>;
