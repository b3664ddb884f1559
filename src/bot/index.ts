import { autoRetry } from "@grammyjs/auto-retry";
import { conversations, createConversation } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, lazySession, MemorySessionStorage, type Context, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Redis } from "ioredis";
import type { Metrics } from "../observability/metrics.js";
import { botApiFetch } from "./api-fetch.js";
import type { BaseContext, BotContext, FlowContext, Services, SessionData } from "./context.js";
import { purchaseConversation } from "./conversations/purchase.js";
import { chatUserKey } from "./storage-key.js";
import { errorHandler } from "./error-handler.js";
import { bulkFeature } from "./features/bulk.js";
import { cancelFeature } from "./features/cancel.js";
import { catalogFeature } from "./features/catalog.js";
import { customersFeature } from "./features/customers.js";
import { helpFeature } from "./features/help.js";
import { languageFeature } from "./features/language.js";
import { licenceFeature } from "./features/licence.js";
import { lowBalanceFeature } from "./features/low-balance.js";
import { orderActionsFeature } from "./features/order-actions.js";
import { ordersFeature } from "./features/orders.js";
import { pointsConversation, pointsFeature } from "./features/points.js";
import { pricelistFeature } from "./features/pricelist.js";
import { purchaseFeature } from "./features/purchase.js";
import { startFeature } from "./features/start.js";
import { statusFeature } from "./features/status.js";
import { unhandledFeature } from "./features/unhandled.js";
import { walletFeature } from "./features/wallet.js";
import type { Translator } from "./i18n.js";
import { resellerOnly } from "./filters/reseller.js";
import { floodLimit } from "./middlewares/flood.js";
import { htmlParseMode } from "./middlewares/html.js";
import { ignoreNotModified } from "./middlewares/not-modified.js";
import { updateMetrics } from "./middlewares/metrics.js";
import { userContext } from "./middlewares/user.js";

export interface BotOptions {
  token: string;
  apiRoot: string;
  botInfo?: UserFromGetMe;
  services: Services;
  translator: Translator;
  metrics: Metrics;
  /** Shared connection for sessions, conversations and flood counters; absent: in memory. */
  redis?: Redis;
  flood?: { max: number; windowMs: number };
  /** Extra features (the admin console), installed before the reseller features. */
  extraFeatures?: Middleware<BotContext>[];
  /** Extra reseller features (/deposit), installed behind the reseller gate with the others. */
  resellerFeatures?: Middleware<BotContext>[];
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

  const { services, translator, redis } = options;
  const user = userContext(services, translator);
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
  const app = bot.errorBoundary(errorHandler(services.logger));

  app.use(floodLimit(redis, options.flood ?? { max: 8, windowMs: 3000 }, translator, services.defaultLocale));
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
  app.use(cancelFeature());
  app.use(
    createConversation<BaseContext, FlowContext>(purchaseConversation(services), { id: "purchase", maxMillisecondsToWait: 60 * 60_000 }),
  );
  app.use(pointsConversation(services));

  // Open to everyone, whatever their status (filters/reseller.ts lists them).
  app.use(startFeature(services));
  app.use(helpFeature());
  app.use(languageFeature(services, translator));
  // The admin console has its own gate; for anyone else its commands pass on to the catch-all.
  for (const feature of options.extraFeatures ?? []) app.use(feature);
  // Every reseller feature, behind the one status gate.
  app.use(
    resellerOnly(
      catalogFeature(services),
      purchaseFeature(services),
      bulkFeature(services),
      statusFeature(services),
      walletFeature(services),
      ordersFeature(services),
      licenceFeature(services),
      pointsFeature(services),
      orderActionsFeature(services),
      pricelistFeature(services),
      customersFeature(services),
      lowBalanceFeature(services),
      ...(options.resellerFeatures ?? []),
    ),
  );
  app.use(unhandledFeature());
  return bot;
}
