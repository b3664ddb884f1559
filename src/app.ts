import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AddressInfo } from "node:net";
import { setCommandMenus } from "./bot/commands-menu.js";
import type { Services } from "./bot/context.js";
import { botDelivery } from "./bot/delivery.js";
import { createI18n, pickLocale } from "./bot/i18n.js";
import { createBot } from "./bot/index.js";
import { createAdminFeature, type AdminKit } from "./bot/features/admin/index.js";
import { createAccounts } from "./domain/accounts.js";
import { createAuditTrail } from "./domain/audit.js";
import { createPriceAdmin } from "./domain/price-admin.js";
import { createWallets } from "./domain/wallets.js";
import { depositFeature } from "./bot/features/deposit.js";
import type { Config } from "./config.js";
import { createBroadcasts } from "./domain/broadcasts.js";
import { createBulk } from "./domain/bulk.js";
import { withBulkSummaries } from "./domain/bulk-notices.js";
import { createCatalog } from "./domain/catalog.js";
import { createDepositService } from "./domain/deposits.js";
import { createDailyReports } from "./domain/daily-report.js";
import { createDrafts } from "./domain/drafts.js";
import { watchLedger } from "./domain/ledger-watch.js";
import { createLicences } from "./domain/licences.js";
import { createLowBalance } from "./domain/low-balance.js";
import { withOrderButtons } from "./domain/order-buttons.js";
import { createOrderService, OPEN_STATES } from "./domain/orders.js";
import { createPoints } from "./domain/points.js";
import { createPriceGuard } from "./domain/price-guard.js";
import { createReorder } from "./domain/reorder.js";
import { createBalanceAlerts } from "./domain/provider-alerts.js";
import { createResellers } from "./domain/resellers.js";
import { createSavedCustomers } from "./domain/saved-customers.js";
import { createSettings } from "./domain/settings.js";
import { bullmqQueues } from "./jobs/bullmq.js";
import { queueBulkJobs, startBulkWorker } from "./jobs/bulk.js";
import { queueDepositJobs, startDepositWorkers } from "./jobs/deposits.js";
import { memoryQueues } from "./jobs/memory.js";
import { queueNotifier } from "./jobs/notifier.js";
import { startOpsTimers, type OpsTimings } from "./jobs/ops.js";
import { queuePointsJobs, startPointsWorker, type PointsSweepTimings } from "./jobs/points.js";
import { DEFAULT_POLL_DELAYS_MS, DEFAULT_RECONCILE_DELAYS_MS, queueScheduler } from "./jobs/scheduler.js";
import { QUEUE_NAMES } from "./jobs/types.js";
import { startWorkers, type SweepTimings } from "./jobs/workers.js";
import { createLogger, type Logger } from "./observability/logger.js";
import { createMetrics } from "./observability/metrics.js";
import { createProviderRegistry, placementGraceMs, type ProvidersConfig } from "./providers/registry.js";
import { sharedLimiters } from "./providers/shared-limiter.js";
import { startSandbox, type Sandbox } from "./sandbox/index.js";
import { createServer } from "./server/index.js";
import type { HintLimits } from "./server/xpay-webhook.js";
import { openStore, type Store } from "./store/index.js";
import { KEY_PREFIX, redisTokenCache } from "./store/redis/index.js";

export interface AppOptions {
  logger?: Logger;
  botInfo?: UserFromGetMe;
  /** Status poll and reconciliation back-off; tests shorten them. */
  pollDelaysMs?: readonly number[];
  reconcileDelaysMs?: readonly number[];
  /** How long a top-up may stay Pending before it is declared unknown (default 24 h). */
  pendingWindowMs?: number;
  providerTimeouts?: ProvidersConfig["timeouts"];
  flood?: { max: number; windowMs: number };
  sweep?: Partial<SweepTimings>;
  /** vifox awards: waits between attempts and the sweep's timings; tests shorten them. */
  points?: { retryDelaysMs?: readonly number[]; sweep?: Partial<PointsSweepTimings> };
  /** xpay deposits: the open-deposit check's period, when a bill-less deposit counts as lost, hint limits (tests shorten them). */
  deposits?: { sweepEveryMs?: number; lostAfterMs?: number; hintLimits?: HintLimits };
  /** The daily report and balance checks: their clock and timer periods; tests control both. */
  ops?: { now?: () => number; timings?: Partial<OpsTimings> };
}

const LEDGER_TOTALS_EVERY_MS = 60_000;

export type App = Awaited<ReturnType<typeof createApp>>;

/** The composition root: everything is built here and nowhere else. */
export async function createApp(config: Config, opts: AppOptions = {}) {
  const logger =
    opts.logger ??
    createLogger({ level: config.logLevel, pretty: config.env === "development" && process.stdout.isTTY, secrets: config.secrets });
  const metrics = createMetrics({ defaultMetrics: true });
  const { store: opened, redis } = await openStore({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }, logger);

  let sandbox: Sandbox | undefined;
  let providersConfig: ProvidersConfig = { ...config.providers, timeouts: opts.providerTimeouts };
  if (config.sandbox) {
    sandbox = await startSandbox({ autoProgress: true });
    providersConfig = { ...sandbox.providers, timeouts: opts.providerTimeouts };
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
  const notifier = withBulkSummaries(withOrderButtons(queueNotifier(queues, config.adminIds)), opened.kv);
  const customers = createSavedCustomers({ customers: opened.customers, orders: opened.orders, logger });
  const lowBalance = createLowBalance({ thresholds: opened.lowBalance, notifier });
  // Every entry applied, by any path: the reseller's low-balance alert, and an order's customer when it is charged.
  const store: Store = { ...opened, ledger: watchLedger(opened.ledger, [lowBalance.onEntry, customers.onEntry], logger) };
  const scheduler = queueScheduler(queues, {
    poll: opts.pollDelaysMs ?? DEFAULT_POLL_DELAYS_MS,
    reconcile: opts.reconcileDelaysMs ?? DEFAULT_RECONCILE_DELAYS_MS,
  });
  const settings = createSettings(store.pricing, { markups: config.markups });
  const resellers = createResellers({ store, adminIds: config.adminIds, registration: config.registration, notifier });
  const drafts = createDrafts(store.kv);
  // Pauses a product whose provider cost rose above its fixed price, on every catalogue fetch.
  const onSynced = createPriceGuard({ settings, notifier, logger });
  const catalog = createCatalog({ providers, kv: store.kv, settings, ttlMs: config.catalogTtlMs, logger, onSynced });
  const points = createPoints({
    store,
    providers,
    notifier,
    jobs: queuePointsJobs(queues),
    logger,
    pointsPerOrder: config.pointsPerOrder,
    retryDelaysMs: opts.points?.retryDelaysMs,
  });
  const orders = createOrderService({
    store,
    providers,
    drafts,
    settings,
    resellers,
    notifier,
    scheduler,
    logger,
    metrics,
    sandbox: config.sandbox,
    pendingWindowMs: opts.pendingWindowMs ?? 24 * 3600_000,
    onDelivered: async (order) => {
      await customers.orderDelivered(order);
      await points.orderDelivered(order);
    },
  });
  const deposits = createDepositService({
    store,
    providers,
    notifier,
    jobs: queueDepositJobs(queues, store.kv),
    logger,
    config: config.deposits,
    lostAfterMs: opts.deposits?.lostAfterMs,
  });
  const broadcasts = createBroadcasts({ store, kv: store.kv, notifier, adminIds: config.adminIds });
  const licences = createLicences({ providers, kv: store.kv, links: store.licenceLinks, users: store.users, notifier, logger });
  const translator = createI18n(config.defaultLocale);
  const reports = createDailyReports({
    store,
    providers,
    notifier,
    logger,
    adminIds: config.adminIds,
    hour: config.report.hour,
    timeZone: config.report.timeZone,
    now: opts.ops?.now ?? Date.now,
    async translatorFor(userId) {
      const user = await store.users.get(userId);
      const locale = pickLocale(user?.locale, user?.telegramLanguage, config.defaultLocale);
      return (key, args) => translator.render(locale, key, args);
    },
  });
  const balances = createBalanceAlerts({ providers, kv: store.kv, notifier, logger, ...config.balanceAlerts });
  const services: Services = {
    store,
    resellers,
    catalog,
    drafts,
    orders,
    settings,
    broadcasts,
    licences,
    points,
    customers,
    reorder: createReorder({ store, orders: store.orders, resellers, catalog, drafts, settings }),
    lowBalance,
    bulk: createBulk({
      kv: store.kv,
      store,
      resellers,
      catalog,
      drafts,
      orders,
      notifier,
      jobs: queueBulkJobs(queues),
      maxLines: config.bulkMaxLines,
    }),
    providers,
    logger,
    sandbox: config.sandbox,
    defaultLocale: config.defaultLocale,
  };

  // The admin console's own domain modules, built here with everything else.
  const audit = createAuditTrail(store.audit);
  const adminKit: AdminKit = {
    ...services,
    notifier,
    adminIds: config.adminIds,
    translator,
    reports,
    audit,
    accounts: createAccounts({ resellers, kv: store.kv, notifier, audit }),
    wallets: createWallets({ ledger: store.ledger, notifier, audit }),
    prices: createPriceAdmin({ settings, audit }),
  };
  const bot = createBot({
    token: config.botToken,
    apiRoot: config.apiRoot,
    botInfo: opts.botInfo,
    services,
    translator,
    metrics,
    redis,
    flood: opts.flood,
    extraFeatures: [createAdminFeature(adminKit)],
    resellerFeatures: [depositFeature({ ...services, deposits })],
  });

  let initialised = false;
  let ledgerTotalsAt = 0;
  const server = createServer({
    providers,
    orders,
    licences,
    kv: store.kv,
    logger,
    metrics,
    metricsToken: config.metricsToken,
    deposits,
    hintLimits: opts.deposits?.hintLimits,
    ready: async () => initialised && (await store.ping()),
    async collect() {
      for (const q of QUEUE_NAMES) metrics.queueDepth.set({ queue: q }, await queues.depth(q));
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

  let runner: RunnerHandle | undefined;
  let stopSweep: (() => void) | undefined;
  let stopPointsSweep: (() => void) | undefined;
  let stopDepositSweep: (() => void) | undefined;
  let stopOps: (() => void) | undefined;
  let address: AddressInfo | undefined;

  return {
    bot,
    services,
    store,
    sandbox,
    queues,
    deposits,
    /** The operators' report and balance alerts (tests drive a second process's through this). */
    ops: { reports, balances },
    get address() {
      return address;
    },

    async start() {
      address = await server.listen(config.host, config.port);
      const local = `http://127.0.0.1:${address.port}`;
      sandbox?.xinstitute.control.setWebhookUrl(`${local}/webhooks/xinstitute`);
      sandbox?.xen.control.setWebhookUrl(`${local}/webhooks/xen`);
      sandbox?.xpay.control.setHintUrl(`${local}/webhooks/xpay`);
      await bot.init();
      stopSweep = startWorkers({
        queues,
        delivery: botDelivery({
          token: config.botToken,
          apiRoot: config.apiRoot,
          store,
          translator,
          defaultLocale: config.defaultLocale,
          logger,
        }),
        orders,
        scheduler,
        resellers,
        broadcasts,
        kv: store.kv,
        logger,
        metrics,
        sweep: opts.sweep,
      });
      stopPointsSweep = startPointsWorker({ queues, points, kv: store.kv, logger, sweep: opts.points?.sweep });
      stopDepositSweep = startDepositWorkers({ queues, deposits, kv: store.kv, logger, everyMs: opts.deposits?.sweepEveryMs });
      startBulkWorker({ queues, bulk: services.bulk });
      stopOps = startOpsTimers({ reports, balances, kv: store.kv, logger, timings: opts.ops?.timings });
      await setCommandMenus(bot.api, translator, config.adminIds).catch((err: unknown) =>
        logger.warn({ err }, "could not set the command menus"),
      );
      if (config.mode === "webhook") {
        server.setTelegramHandler(webhookCallback(bot, "hono", { secretToken: config.webhookSecret }));
        await bot.api.setWebhook(`${config.publicUrl}/telegram`, {
          secret_token: config.webhookSecret,
          allowed_updates: ["message", "callback_query"],
        });
      } else {
        await bot.api.deleteWebhook();
        // 500 updates at once (the runner's default) only queue for the 10 database connections and
        // hold their contexts in memory meanwhile; 50 keep the pool busy (bench:throughput).
        runner = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } }, sink: { concurrency: 50 } });
      }
      initialised = true;
      logger.info(
        { port: address.port, mode: config.mode, store: store.kind, sandbox: config.sandbox, providers: providers.list().map((p) => p.id) },
        "bot started",
      );
    },

    /** Stop taking updates, let in-flight ones and running jobs finish, then close everything. */
    async stop() {
      initialised = false;
      if (runner?.isRunning()) await runner.stop();
      stopSweep?.();
      stopPointsSweep?.();
      stopDepositSweep?.();
      stopOps?.();
      await server.close();
      await queues.close();
      await sandbox?.close();
      await store.close();
      logger.info("bot stopped");
    },
  };
}
