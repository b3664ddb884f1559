import type { UserFromGetMe } from "grammy/types";
import { buildApi, watchApiOrders } from "./app/api.js";
import { buildCatalogue } from "./app/catalogue.js";
import { buildChat } from "./app/chat.js";
import { openFoundation } from "./app/foundation.js";
import { lifecycle } from "./app/lifecycle.js";
import { buildMoney } from "./app/money.js";
import { buildOperations } from "./app/operations.js";
import { buildOrders } from "./app/orders.js";
import { buildSupport } from "./app/support.js";
import { teamDesk } from "./domain/team/desk.js";
import { dmDesk } from "./domain/team/dm-desk.js";
import { buildTeam } from "./app/team.js";
import type { Timings } from "./app/timings.js";
import { buildTransfers } from "./app/transfers.js";
import { buildWeb } from "./app/web.js";
import { workersPart } from "./app/workers.js";
import type { Config } from "./config.js";
import { createLogger, type Logger } from "./observability/logger.js";
import { createMetrics } from "./observability/metrics.js";

export type { Timings } from "./app/timings.js";

export interface AppOptions {
  logger?: Logger;
  botInfo?: UserFromGetMe;
  /** Clocks and back-offs; tests shorten them (app/timings.ts). */
  timings?: Timings;
}

export type App = Awaited<ReturnType<typeof createApp>>;

/** The composition root: each area (src/app/) builds its services; one list starts them and stops them. */
export async function createApp(config: Config, opts: AppOptions = {}) {
  const logger =
    opts.logger ??
    createLogger({ level: config.logLevel, pretty: config.env === "development" && process.stdout.isTTY, secrets: config.secrets });
  const timings = opts.timings ?? {};
  const metrics = createMetrics({ defaultMetrics: true });
  const deps = { logger, metrics, timings };

  const f = await openFoundation(config, deps);
  const team = buildTeam(config, f);
  const catalogue = buildCatalogue(config, f, team, logger, timings);
  const { callbacks, ...money } = watchApiOrders(config, f, buildMoney(config, f, team, deps), deps);
  const orders = buildOrders(config, f, { team, catalogue, money }, deps);
  const operations = buildOperations(config, f, money.store, deps);
  // Review cards and tickets go to the team's desk: the operator group's topic, or the DMs by role.
  const desk = teamDesk(dmDesk(team.team));
  const support = buildSupport(f, desk, timings);
  const transfers = buildTransfers(config, f, { team, money }, { ...deps, desk });
  const areas = { team, catalogue, money, orders, operations, support, transfers };
  const api = buildApi(config, f, { ...areas, callbacks }, logger);
  const chat = buildChat(config, f, { ...areas, api }, { ...deps, botInfo: opts.botInfo });
  desk.useGroup(chat.teamAlerts.where);
  const web = buildWeb(config, f, { ...areas, api }, deps);

  const parts = lifecycle(
    [
      ...f.parts,
      web.parts.listening,
      chat.parts.init,
      workersPart(f, areas, { ...deps, delivery: chat.delivery, teamAlerts: chat.teamAlerts }),
      catalogue.healthChecks,
      api.parts.worker,
      chat.parts.intake(web),
      web.parts.readiness,
    ],
    logger,
  );

  return {
    bot: chat.bot,
    services: chat.services,
    store: money.store,
    /** The reseller API's keys and orders (tests issue keys here as /api does). */
    api,
    sandbox: f.sandbox,
    queues: f.queues,
    /** The operators' report and balance alerts (tests drive a second process's through this). */
    ops: { reports: operations.reports, balances: operations.balances },
    get address() {
      return web.address();
    },
    async start() {
      await parts.start();
      const { mode, sandbox } = config;
      logger.info(
        { port: web.address()?.port, mode, store: money.store.kind, sandbox, providers: f.providers.list().map((p) => p.id) },
        "bot started",
      );
    },
    /** Stop taking updates, let in-flight ones and running jobs finish, then close everything. */
    async stop() {
      await parts.stop();
      logger.info("bot stopped");
    },
  };
}
