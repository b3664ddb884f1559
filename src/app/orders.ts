import type { Config } from "../config.js";
import { createBulk } from "../domain/bulk.js";
import { createDrafts } from "../domain/drafts.js";
import { createGrowth } from "../domain/growth.js";
import { createLicences } from "../domain/licences.js";
import { createOrderHistory } from "../domain/order-history.js";
import { createOrderService } from "../domain/orders.js";
import { createPoints } from "../domain/points.js";
import { createPromoService } from "../domain/promos.js";
import { createReorder } from "../domain/reorder.js";
import { queueBulkJobs } from "../jobs/bulk.js";
import { queuePointsJobs } from "../jobs/points.js";
import { DEFAULT_POLL_DELAYS_MS, DEFAULT_RECONCILE_DELAYS_MS, queueScheduler } from "../jobs/scheduler.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { Catalogue } from "./catalogue.js";
import type { Foundation } from "./foundation.js";
import type { Money } from "./money.js";
import type { Team } from "./team.js";
import type { Timings } from "./timings.js";

/**
 * Orders from a confirmation card to the provider and back: drafts, placement, polls and
 * reconciliation, bulk top-ups, "buy again", and what follows a delivery (points, saved customers).
 */
export function buildOrders(
  config: Config,
  f: Foundation,
  parts: { team: Team; catalogue: Catalogue; money: Money },
  deps: { logger: Logger; metrics: Metrics; timings: Timings },
) {
  const { store, customers, wallets } = parts.money;
  const { resellers } = parts.team;
  const { catalog, priceBook, maintenance } = parts.catalogue;
  const { logger, timings } = deps;
  const { providers, notifier } = f;
  const scheduler = queueScheduler(f.queues, {
    poll: timings.pollDelaysMs ?? DEFAULT_POLL_DELAYS_MS,
    reconcile: timings.reconcileDelaysMs ?? DEFAULT_RECONCILE_DELAYS_MS,
  });
  const drafts = createDrafts(store.kv);
  const points = createPoints({
    store,
    providers,
    notifier,
    jobs: queuePointsJobs(f.queues),
    logger,
    pointsPerOrder: config.pointsPerOrder,
    retryDelaysMs: timings.points?.retryDelaysMs,
  });
  // Referrals and volume tiers (SPEC §7): paid and promoted from the orders' completion point.
  const growth = createGrowth({ store, notifier, logger });
  const orders = createOrderService({
    store,
    providers,
    drafts,
    priceBook,
    maintenance,
    resellers,
    notifier,
    scheduler,
    logger,
    metrics: deps.metrics,
    sandbox: config.sandbox,
    pendingWindowMs: timings.pendingWindowMs ?? 24 * 3600_000,
    onDelivered: async (order) => {
      await customers.orderDelivered(order);
      await points.orderDelivered(order);
    },
    growth,
  });
  const bulk = createBulk({
    kv: store.kv,
    store,
    resellers,
    catalog,
    drafts,
    orders,
    notifier,
    jobs: queueBulkJobs(f.queues),
    maxLines: config.bulkMaxLines,
  });
  return {
    scheduler,
    drafts,
    orders,
    growth,
    history: createOrderHistory({ orders: store.orders, providers }),
    points,
    bulk,
    promos: createPromoService({ promos: store.promos, drafts }),
    reorder: createReorder({ wallets, orders: store.orders, resellers, catalog, drafts, priceBook, maintenance }),
    licences: createLicences({ providers, kv: store.kv, links: store.licenceLinks, users: store.users, notifier, logger }),
  };
}

export type Ordering = ReturnType<typeof buildOrders>;
