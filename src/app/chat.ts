import { run, type RunnerHandle } from "@grammyjs/runner";
import { webhookCallback } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { setCommandMenus, setGroupMenuFor } from "../bot/commands-menu.js";
import type { Services } from "../bot/context.js";
import { botDelivery, teamChatDelivery } from "../bot/delivery.js";
import { createBot } from "../bot/index.js";
import type { Config } from "../config.js";
import { teamAlerts as createTeamAlerts } from "../jobs/team-alerts.js";
import { TELEGRAM_LIMITS } from "../jobs/workers.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { ApiArea } from "./api.js";
import type { Catalogue } from "./catalogue.js";
import type { Foundation } from "./foundation.js";
import type { Part } from "./lifecycle.js";
import type { Money } from "./money.js";
import type { Operations } from "./operations.js";
import type { Ordering } from "./orders.js";
import type { SupportArea } from "./support.js";
import type { Team } from "./team.js";
import type { Timings } from "./timings.js";
import type { TransferArea } from "./transfers.js";
import type { Web } from "./web.js";

// my_chat_member: the bot removed from or added back to the operator group.
const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

/** The chat: the bot over every area's services, the jobs' "send a message" port, and how updates come in. */
export function buildChat(
  config: Config,
  f: Foundation,
  a: {
    team: Team;
    catalogue: Catalogue;
    money: Money;
    orders: Ordering;
    operations: Operations;
    support: SupportArea;
    transfers: TransferArea;
    api?: ApiArea;
  },
  deps: { logger: Logger; metrics: Metrics; timings: Timings; botInfo?: UserFromGetMe },
) {
  const { logger } = deps;
  const deliveryDeps = {
    token: config.botToken,
    apiRoot: config.apiRoot,
    users: a.team.resellers,
    translator: f.translator,
    defaultLocale: config.defaultLocale,
    logger,
  };
  const delivery = botDelivery(deliveryDeps);
  // The operator group's sender: the notifications worker uses it, and teamChat.post sends through it now.
  const teamAlerts = createTeamAlerts({
    group: f.operatorGroup,
    delivery: teamChatDelivery(deliveryDeps),
    people: delivery,
    routing: f.alertRouting,
    queues: f.queues,
    kv: f.store.kv,
    perChatIntervalMs: TELEGRAM_LIMITS.perChatIntervalMs,
    groupIntervalMs: deps.timings.groupIntervalMs ?? TELEGRAM_LIMITS.perGroupIntervalMs,
    logger,
    metrics: deps.metrics,
  });
  const services: Services = {
    resellerApi: a.api && { keys: a.api.keys, callbacks: a.api.callbacks, allowPrivate: a.api.allowPrivate },
    ...a.team,
    ...a.catalogue,
    customers: a.money.customers,
    lowBalance: a.money.lowBalance,
    wallets: a.money.wallets,
    deposits: a.money.deposits,
    ...a.transfers,
    ...a.orders,
    broadcasts: a.operations.broadcasts,
    reports: a.operations.reports,
    support: a.support.support,
    providers: f.providers,
    notifier: f.notifier,
    operatorGroup: f.operatorGroup,
    teamPost: teamAlerts.post,
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

  const init: Part = {
    name: "bot",
    async start() {
      await bot.init();
      const members = await a.team.team.members();
      await setCommandMenus(bot.api, f.translator, members).catch((err: unknown) =>
        logger.warn({ err }, "could not set the command menus"),
      );
      const group = await f.operatorGroup.current();
      if (group && !group.removed) {
        for (const m of members) {
          await setGroupMenuFor(bot.api, f.translator, group.chatId, m.id, m.role).catch((err: unknown) =>
            logger.warn({ err, userId: m.id }, "could not set a menu in the operator group"),
          );
        }
      }
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

  return { bot, services, delivery, teamAlerts, parts: { init, intake } };
}
