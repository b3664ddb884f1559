import type { Config } from "../config.js";
import { createCatalog } from "../domain/catalog.js";
import { createMaintenance } from "../domain/maintenance.js";
import { createPriceAdmin } from "../domain/price-admin.js";
import { createPriceBook } from "../domain/price-book.js";
import { createPriceGuard } from "../domain/price-guard.js";
import type { Logger } from "../observability/logger.js";
import type { Foundation } from "./foundation.js";
import type { Team } from "./team.js";

/** What is for sale and at what price: the catalogue over the providers, the price book, maintenance. */
export function buildCatalogue(config: Config, f: Foundation, team: Team, logger: Logger) {
  const priceBook = createPriceBook(f.store.pricing, { markups: config.markups });
  // Pauses a product whose provider cost rose above its fixed price, on every catalogue fetch.
  const onSynced = createPriceGuard({ priceBook, notifier: f.notifier, logger });
  const catalog = createCatalog({ providers: f.providers, kv: f.store.kv, priceBook, ttlMs: config.catalogTtlMs, logger, onSynced });
  return {
    priceBook,
    catalog,
    maintenance: createMaintenance(f.store.pricing),
    prices: createPriceAdmin({ priceBook, audit: team.audit }),
  };
}

export type Catalogue = ReturnType<typeof buildCatalogue>;
