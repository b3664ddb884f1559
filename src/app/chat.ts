import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { setCommandMenus } from "../bot/commands-menu.js";
import type { Services } from "../bot/context.js";
import { botDelivery } from "../bot/delivery.js";
import { createBot } from "../bot/index.js";
import type { Config } from "../config.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { ApiArea } from "./api.js";
import type { Catalogue } from "./catalogue.js";
import type { Foundation } from "./foundation.js";
import type { Part } from "./lifecycle.js";
import type { Money } from "./money.js";
import type { Operations } from "./operations.js";
import type { Ordering } from "./orders.js";
import type { Team } from "./team.js";
import type { Timings } from "./timings.js";
import type { Web } from "./web.js";

const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** The chat: the bot over every area's services, the jobs' "send a message" port, and how updates come in. */
export function buildChat(
  config: Config,
  f: Foundation,
  a: { team: Team; catalogue: Catalogue; money: Money; orders: Ordering; operations: Operations; api?: ApiArea },
  deps: { logger: Logger; metrics: Metrics; timings: Timings; botInfo?: UserFromGetMe },
) {
  const { logger } = deps;
  const services: Services = {
    resellerApi: a.api && { keys: a.api.keys, callbacks: a.api.callbacks, allowPrivate: a.api.allowPrivate },
    ...a.team,
    ...a.catalogue,
    customers: a.money.customers,
    lowBalance: a.money.lowBalance,
    wallets: a.money.wallets,
    deposits: a.money.deposits,
    ...a.orders,
    broadcasts: a.operations.broadcasts,
    reports: a.operations.reports,
    providers: f.providers,
    notifier: f.notifier,
    translator: f.translator,
    recordsUnavailable: f.recordsUnavailable,
    adminIds: config.adminIds,
    logger,
    sandbox: config.sandbox,
    defaultLocale: config.defaultLocale,
  };
  const bot = createBot({
    token: config.botToken,
    apiRoot: config.apiRoot,
    botInfo: deps.botInfo,
    services,
    metrics: deps.metrics,
    redis: f.redis,
    flood: deps.timings.flood,
  });
  const delivery = botDelivery({
    token: config.botToken,
    apiRoot: config.apiRoot,
    users: a.team.resellers,
    translator: f.translator,
    defaultLocale: config.defaultLocale,
    logger,
  });

  const init: Part = {
    name: "bot",
    async start() {
      await bot.init();
      await setCommandMenus(bot.api, f.translator, await a.team.team.members()).catch((err: unknown) =>
        logger.warn({ err }, "could not set the command menus"),
      );
    },
  };

  /** Updates in: long polling through the runner, or Telegram's webhook on the HTTP server. */
  const intake = (web: Web): Part => {
    let runner: RunnerHandle | undefined;
    return {
      name: "updates",
      async start() {
        if (config.mode === "webhook") {
          web.server.setTelegramHandler(webhookCallback(bot, "hono", { secretToken: config.webhookSecret }));
          await bot.api.setWebhook(`${config.publicUrl}/telegram`, {
            secret_token: config.webhookSecret,
            allowed_updates: [...ALLOWED_UPDATES],
          });
          return;
        }
        await bot.api.deleteWebhook();
        // 500 updates at once (the runner's default) only queue for the 10 database connections and
        // hold their contexts in memory meanwhile; 50 keep the pool busy (bench:throughput).
        runner = run(bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } }, sink: { concurrency: 50 } });
      },
      async stop() {
        // Stops taking updates and lets the ones in flight finish.
        if (runner?.isRunning()) await runner.stop();
      },
    };
  };

  return { bot, services, delivery, parts: { init, intake } };
}
