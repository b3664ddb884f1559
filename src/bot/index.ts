import { autoRetry } from "@grammyjs/auto-retry";
import { conversations } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, lazySession, MemorySessionStorage, type Context, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Redis } from "ioredis";
import type { Metrics } from "../observability/metrics.js";
import { botApiFetch } from "./api-fetch.js";
import type { BaseContext, BotContext, FlowContext, Services, SessionData } from "./context.js";
import { errorHandler } from "./error-handler.js";
import { type Feature, STAGES } from "./feature.js";
import { adminFeature } from "./features/admin/index.js";
import { apiFeature } from "./features/api.js";
import { bulkFeature } from "./features/bulk.js";
import { cancelFeature } from "./features/cancel.js";
import { catalogFeature } from "./features/catalog.js";
import { customersFeature } from "./features/customers.js";
import { depositFeature, strayPictureFeature } from "./features/deposit.js";
import { helpFeature } from "./features/help.js";
import { languageFeature } from "./features/language.js";
import { licenceFeature } from "./features/licence.js";
import { lowBalanceFeature } from "./features/low-balance.js";
import { orderActionsFeature } from "./features/order-actions.js";
import { ordersFeature } from "./features/orders.js";
import { pointsFeature } from "./features/points.js";
import { pricelistFeature } from "./features/pricelist.js";
import { purchaseFeature } from "./features/purchase.js";
import { startFeature } from "./features/start.js";
import { statusFeature } from "./features/status.js";
import { supportResellerFeatures } from "./features/support/index.js";
import { unhandledFeature } from "./features/unhandled.js";
import { walletFeature } from "./features/wallet.js";
import { referralFeature } from "./features/referral.js";
import { resellerOnly } from "./filters/reseller.js";
import { floodLimit } from "./middlewares/flood.js";
import { htmlParseMode } from "./middlewares/html.js";
import { updateMetrics } from "./middlewares/metrics.js";
import { ignoreNotModified } from "./middlewares/not-modified.js";
import { operatorGroupGate } from "./middlewares/operator-group.js";
import { userContext } from "./middlewares/user.js";
import { chatUserKey } from "./storage-key.js";

/** Every feature of the bot, in the order it answers within its stage (feature.ts). */
export function features(s: Services): Feature[] {
  return [
    cancelFeature(),
    startFeature(s),
    helpFeature(),
    languageFeature(s),
    adminFeature(s),
    catalogFeature(s),
    purchaseFeature(s),
    bulkFeature(s),
    statusFeature(s),
    walletFeature(s),
    referralFeature(s),
    ordersFeature(s),
    licenceFeature(s),
    pointsFeature(s),
    orderActionsFeature(s),
    pricelistFeature(s),
    customersFeature(s),
    lowBalanceFeature(s),
    depositFeature(s),
    ...supportResellerFeatures(s),
    strayPictureFeature(),
    apiFeature(s),
    unhandledFeature(),
  ];
}

export interface BotOptions {
  token: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
  services: Services;
  metrics: Metrics;
  /** Shared connection for sessions, conversations and flood counters; absent: in memory. */
  redis?: Redis;
  flood?: { max: number; windowMs: number };
}

/** Capped: a user is waiting on these calls; auto-retry's default would wait forever. */
const retryPolicy = () => autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 10 });

// Bump when a conversation's steps change shape: state saved by older code is then dropped.
const CONVERSATION_VERSION = 2;

export function createBot(options: BotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(options.token, { client: { apiRoot: options.apiRoot, fetch: botApiFetch() }, botInfo: options.botInfo });
  bot.api.config.use(htmlParseMode);
  bot.api.config.use(ignoreNotModified);
  bot.api.config.use(retryPolicy());

  const { services, redis } = options;
  const user = userContext(services, services.translator);
  // Inside a conversation ctx.api is a fresh Api: the transformers must be installed again.
  const flowApi: Middleware<Context> = (ctx, next) => {
    ctx.api.config.use(htmlParseMode);
    ctx.api.config.use(ignoreNotModified);
    ctx.api.config.use(retryPolicy());
    return next();
  };

  // One update per chat at a time within a process (the runner is concurrent otherwise).
  bot.use(sequentialize((ctx: Context) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(updateMetrics(options.metrics));
  const app = bot.errorBoundary(errorHandler(services.logger, services.recordsUnavailable));

  app.use(operatorGroupGate(services));
  app.use(floodLimit(redis, options.flood ?? { max: 8, windowMs: 3000 }, services.translator, services.defaultLocale));
  // Lazy: read from Redis only by the handlers that use it (the orders list), not on every update.
  app.use(
    lazySession<SessionData, BaseContext>({
      initial: () => ({}),
      prefix: "rb:sess:",
      getSessionKey: chatUserKey,
      storage: redis ? new RedisAdapter<SessionData>({ instance: redis }) : undefined,
    }),
  );
  app.use(user);
  app.use(
    conversations<BaseContext, FlowContext>({
      storage: {
        type: "key",
        version: CONVERSATION_VERSION,
        prefix: "rb:conv:",
        getStorageKey: chatUserKey,
        adapter: redis ? new RedisAdapter({ instance: redis }) : new MemorySessionStorage(),
      },
      plugins: [flowApi, user],
    }),
  );

  const list = features(services);
  const inStage = (stage: Feature["stage"]) => list.filter((f) => f.stage === stage).map((f) => f.handlers);
  for (const stage of STAGES) {
    if (stage === "reseller") app.use(resellerOnly(...inStage(stage)));
    else app.use(...inStage(stage));
    // Every flow is registered once, after /cancel and before the features that enter them.
    if (stage === "first") for (const f of list) app.use(...(f.flows ?? []));
  }
  return bot;
}
