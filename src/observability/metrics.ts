import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * One registry per app instance (not prom-client's global one), so tests can start and stop
 * several apps in one process without "metric already registered" errors.
 */
export function createMetrics(opts: { defaultMetrics?: boolean } = {}) {
  const registry = new Registry();
  if (opts.defaultMetrics) collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    updates: new Counter({
      name: "bot_updates_total",
      help: "Telegram updates handled, by update type and outcome",
      labelNames: ["type", "outcome"] as const,
      registers,
    }),
    handlerSeconds: new Histogram({
      name: "bot_handler_duration_seconds",
      help: "Time spent handling one Telegram update",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers,
    }),
    providerCalls: new Counter({
      name: "provider_calls_total",
      help: "Calls to upstream providers, by provider, endpoint and outcome",
      labelNames: ["provider", "endpoint", "outcome"] as const,
      registers,
    }),
    providerSeconds: new Histogram({
      name: "provider_call_duration_seconds",
      help: "Latency of upstream provider calls",
      labelNames: ["provider", "endpoint"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8],
      registers,
    }),
    webhookDeliveries: new Counter({
      name: "webhook_deliveries_total",
      help: "Incoming provider webhook deliveries, by provider and outcome",
      labelNames: ["provider", "outcome"] as const,
      registers,
    }),
    notifications: new Counter({
      name: "notifications_total",
      help: "Chat notifications, by outcome (sent, blocked, failed, retried)",
      labelNames: ["outcome"] as const,
      registers,
    }),
    groupFallbacks: new Counter({
      name: "operator_group_fallbacks_total",
      help: "Team alerts sent to the owners' DMs because the operator group could not be reached, by reason",
      labelNames: ["reason"] as const,
      registers,
    }),
    orders: new Counter({
      name: "orders_transitions_total",
      help: "Order state transitions, by provider and new state",
      labelNames: ["provider", "state"] as const,
      registers,
    }),
    openOrders: new Gauge({
      name: "orders_open",
      help: "Orders now waiting on a provider or on reconciliation, by state",
      labelNames: ["state"] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: "queue_depth",
      help: "Jobs waiting or delayed, by queue",
      labelNames: ["queue"] as const,
      registers,
    }),
    ledgerTotal: new Gauge({
      name: "ledger_entries_amount",
      help: "Sum of ledger entries by currency and entry type (minor units)",
      labelNames: ["currency", "type"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
