import type { Config } from "../config.js";
import { createApiKeys } from "../domain/api-keys.js";
import { createApiOrders } from "../domain/api-orders.js";
import { ipRanges } from "../lib/ip.js";
import type { ApiServerDeps } from "../server/api/index.js";
import type { Catalogue } from "./catalogue.js";
import type { Foundation } from "./foundation.js";
import type { Money } from "./money.js";
import type { Ordering } from "./orders.js";
import type { Team } from "./team.js";

/**
 * The reseller API (SPEC §8): keys and settings (domain/api-keys), orders through the chat's own
 * pipeline (domain/api-orders), and what the HTTP side needs to serve /api/v1.
 */
export function buildApi(
  config: Config,
  f: Foundation,
  a: { team: Team; catalogue: Catalogue; money: Money; orders: Ordering },
  logger: ApiServerDeps["logger"],
) {
  const { store, wallets } = a.money;
  // Read through the user cache every process drops on a change: a ban ends a key at once.
  const keys = createApiKeys({ api: store.api, users: a.team.resellers, sandbox: config.sandbox });
  const orders = createApiOrders({
    api: store.api,
    orders: store.orders,
    orderService: a.orders.orders,
    resellers: a.team.resellers,
    catalog: a.catalogue.catalog,
    priceBook: a.catalogue.priceBook,
    drafts: a.orders.drafts,
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
  return { keys, orders, server };
}

export type ApiArea = ReturnType<typeof buildApi>;
