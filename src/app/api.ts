import type { Config } from "../config.js";
import { createApiKeys } from "../domain/api-keys.js";
import { createApiOrders } from "../domain/api-orders.js";
import { watchOrders } from "../domain/order-watch.js";
import { apiCallbacks, type ApiCallbacks } from "../jobs/callbacks.js";
import { ipRanges } from "../lib/ip.js";
import type { Logger } from "../observability/logger.js";
import type { ApiServerDeps } from "../server/api/index.js";
import type { Catalogue } from "./catalogue.js";
import type { Foundation } from "./foundation.js";
import type { Part } from "./lifecycle.js";
import type { Money } from "./money.js";
import type { Ordering } from "./orders.js";
import type { Team } from "./team.js";
import type { Timings } from "./timings.js";

/**
 * The reseller API (SPEC §8): keys and settings (domain/api-keys), orders through the chat's own
 * pipeline (domain/api-orders), and what the HTTP side needs to serve /api/v1.
 */
export function buildApi(
  config: Config,
  f: Foundation,
  a: { team: Team; catalogue: Catalogue; money: Money; orders: Ordering; callbacks: ApiCallbacks },
  logger: ApiServerDeps["logger"],
) {
  const { store, wallets } = a.money;
  const { callbacks } = a;
  let stopSweep: (() => void) | undefined;
  /** The callback worker and its sweep; the queue's worker closes with the queues. */
  const worker: Part = {
    name: "api-callbacks",
    start: () => void (stopSweep = callbacks.start()),
    stop: () => stopSweep?.(),
  };
  // Read through the user cache every process drops on a change: a ban ends a key at once.
  const keys = createApiKeys({ api: store.api, users: a.team.resellers, sandbox: config.sandbox });
  const orders = createApiOrders({
    api: store.api,
    orders: store.orders,
    orderService: a.orders.orders,
    resellers: a.team.resellers,
    catalog: a.catalogue.catalog,
    drafts: a.orders.drafts,
    promos: a.orders.promos,
    wallets,
  });
  const server: ApiServerDeps = {
    keys,
    orders,
    wallets,
    kv: store.kv,
    ratePerSecond: config.api.ratePerSecond,
    trustedProxies: ipRanges(config.api.trustedProxies),
    logger,
  };
  return { keys, orders, server, callbacks, parts: { worker }, allowPrivate: config.api.callbackAllowPrivate, queues: f.queues };
}

export type ApiArea = ReturnType<typeof buildApi>;

/**
 * Before the order service is built: its store's transitions tell the callbacks, so every
 * change of an API order, by any path, becomes an event.
 */
export function watchApiOrders(
  config: Config,
  f: Foundation,
  money: Money,
  deps: { logger: Logger; timings: Timings },
): Money & { callbacks: ApiCallbacks } {
  const callbacks = apiCallbacks({
    api: f.store.api,
    queues: f.queues,
    kv: f.store.kv,
    logger: deps.logger,
    allowPrivate: config.api.callbackAllowPrivate,
    timings: deps.timings.callbacks,
  });
  const store = { ...money.store, orders: watchOrders(money.store.orders, callbacks.orderChanged, deps.logger) };
  return { ...money, store, callbacks };
}
