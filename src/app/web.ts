import type { AddressInfo } from "node:net";
import type { Config } from "../config.js";
import { OPEN_STATES } from "../domain/orders.js";
import { QUEUE_NAMES } from "../jobs/types.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import { createServer } from "../server/index.js";
import type { Store } from "../store/index.js";
import type { ApiArea } from "./api.js";
import type { Foundation } from "./foundation.js";
import type { Part } from "./lifecycle.js";
import type { Money } from "./money.js";
import type { Ordering } from "./orders.js";
import type { Timings } from "./timings.js";

const LEDGER_TOTALS_EVERY_MS = 60_000;

/** The HTTP side: health, readiness, metrics, the providers' webhooks and (webhook mode) Telegram's. */
export function buildWeb(
  config: Config,
  f: Foundation,
  parts: { money: Money; orders: Ordering; api?: ApiArea },
  deps: { logger: Logger; metrics: Metrics; timings: Timings },
) {
  const { metrics } = deps;
  const store: Store = parts.money.store;
  let ready = false;
  let address: AddressInfo | undefined;
  let ledgerTotalsAt = 0;
  const server = createServer({
    providers: f.providers,
    orders: parts.orders.orders,
    licences: parts.orders.licences,
    kv: store.kv,
    logger: deps.logger,
    metrics,
    metricsToken: config.metricsToken,
    deposits: parts.money.deposits,
    hintLimits: deps.timings.deposits?.hintLimits,
    api: parts.api?.server,
    ready: async () => ready && (await store.ping()),
    async collect() {
      for (const q of QUEUE_NAMES) metrics.queueDepth.set({ queue: q }, await f.queues.depth(q));
      for (const state of OPEN_STATES) metrics.openOrders.set({ state }, (await store.orders.idsInState(state)).length);
      // A sum over the whole ledger: refreshed once a minute, not on every scrape.
      if (Date.now() - ledgerTotalsAt >= LEDGER_TOTALS_EVERY_MS) {
        ledgerTotalsAt = Date.now();
        for (const [k, v] of Object.entries(await store.ledger.totals())) {
          const [currency, type] = k.split(":");
          metrics.ledgerTotal.set({ currency, type }, v);
        }
      }
    },
  });

  const listening: Part = {
    name: "http",
    async start() {
      address = await server.listen(config.host, config.port);
      // The sandbox's providers call this process's webhooks, wherever it listens.
      const local = `http://127.0.0.1:${address.port}`;
      f.sandbox?.xinstitute.control.setWebhookUrl(`${local}/webhooks/xinstitute`);
      f.sandbox?.xen.control.setWebhookUrl(`${local}/webhooks/xen`);
      f.sandbox?.xpay.control.setHintUrl(`${local}/webhooks/xpay`);
    },
    stop: () => server.close(),
  };
  /** Last to start, first to stop: /readyz says ready only while everything runs. */
  const readiness: Part = {
    name: "ready",
    start: () => void (ready = true),
    stop: () => void (ready = false),
  };
  return {
    server,
    parts: { listening, readiness },
    address: () => address,
  };
}

export type Web = ReturnType<typeof buildWeb>;
