import type { Config } from "../config.js";
import { createI18n } from "../bot/i18n.js";
import { withApiQuiet } from "../domain/api-quiet.js";
import { withBulkSummaries } from "../domain/bulk-notices.js";
import { withOrderButtons } from "../domain/order-buttons.js";
import { alertRouting } from "../domain/team/alert-routing.js";
import { createOperatorGroup } from "../domain/team/operator-group.js";
import { bullmqQueues } from "../jobs/bullmq.js";
import { memoryQueues } from "../jobs/memory.js";
import { queueNotifier } from "../jobs/notifier.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import { createProviderRegistry, placementGraceMs, type ProvidersConfig } from "../providers/registry.js";
import { sharedLimiters } from "../providers/shared-limiter.js";
import { startSandbox, type Sandbox } from "../sandbox/index.js";
import { isDatabaseUnavailable, openStore } from "../store/index.js";
import { KEY_PREFIX, redisTokenCache } from "../store/redis/index.js";
import type { Part } from "./lifecycle.js";
import type { Timings } from "./timings.js";

/**
 * What every area stands on: the store (PostgreSQL and Redis, or memory), the providers (or the
 * sandbox's), the job queues, the notifier on them and the translator.
 */
export async function openFoundation(config: Config, deps: { logger: Logger; metrics: Metrics; timings: Timings }) {
  const { logger, metrics } = deps;
  const { store, redis } = await openStore({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }, logger);

  let sandbox: Sandbox | undefined;
  let providersConfig: ProvidersConfig = { ...config.providers, timeouts: deps.timings.providerTimeouts };
  if (config.sandbox) {
    sandbox = await startSandbox({ autoProgress: true });
    providersConfig = { ...sandbox.providers, timeouts: deps.timings.providerTimeouts };
    logger.warn("SANDBOX=true: built-in sandbox providers on loopback; nothing is real");
  }
  const providers = createProviderRegistry(
    providersConfig,
    { metrics, logger },
    {
      xpayTokenCache: redis && redisTokenCache(redis, `${KEY_PREFIX}xpay:token`),
      // Each documented limit is one budget for the whole fleet, not one per process.
      limiters: redis && sharedLimiters(redis),
    },
  );

  // A deploy lets a placement in flight finish: a cut order call is an order nobody knows the outcome of.
  const queues = config.redisUrl
    ? bullmqQueues(config.redisUrl, logger, { closeGraceMs: placementGraceMs(providersConfig.timeouts) })
    : memoryQueues(logger);
  // Order pushes carry their Receipt and Buy again buttons (domain/order-buttons.ts); a bulk
  // top-up's lines are announced by its one summary (domain/bulk-notices.ts).
  // The team's alerts: to the operator group (ADMIN_CHAT_ID) when there is one, else by role to DMs.
  const operatorGroup = createOperatorGroup({ configuredId: config.adminChatId, store: store.operatorGroups });
  const routing = alertRouting({ group: operatorGroup.configured, ownerIds: config.adminIds, users: store.users });
  // API orders are pushed in chat only if the reseller asked for it in /api (domain/api-quiet.ts).
  const notifier = withApiQuiet(withBulkSummaries(withOrderButtons(queueNotifier(queues, config.adminIds, routing)), store.kv), store.api);

  const parts: Part[] = [
    { name: "store", stop: () => store.close() },
    { name: "sandbox", stop: () => sandbox?.close() },
    // Closing the queues lets running jobs finish (the placement grace above).
    { name: "queues", stop: () => queues.close() },
  ];
  return {
    store,
    redis,
    sandbox,
    providers,
    queues,
    notifier,
    operatorGroup,
    alertRouting: routing,
    translator: createI18n(config.defaultLocale),
    recordsUnavailable: isDatabaseUnavailable,
    parts,
  };
}

export type Foundation = Awaited<ReturnType<typeof openFoundation>>;
