/**
 * A bot in a process of its own, so that its RSS and CPU are its own and not the load
 * generator's or the fakes'. Started by bot-client.ts with a JSON spec in BENCH_BOT; answers
 * requests over the IPC channel.
 *
 * - "app": the real bot, createApp() from src/app.ts with the given environment (started or not).
 * - "bare": a bare grammY bot with the same runner and the same Redis session storage, replying
 *   to /balance with a fixed text: the baseline of the update-throughput benchmark.
 */
import { run, type RunnerHandle } from "@grammyjs/runner";
import { RedisAdapter } from "@grammyjs/storage-redis";
import { Bot, session, type Context, type SessionFlavor } from "grammy";
import { Redis } from "ioredis";
import type { App, AppOptions } from "../../src/app.js";
import { Histogram } from "./histogram.js";

export interface BotSpec {
  mode: "app" | "bare";
  env: Record<string, string>;
  app?: AppOptions;
  /** false: services only (no update loop, HTTP server or workers), like a second process's store clients. */
  start?: boolean;
  /** The bare bot's /balance reply: the full bot's own, so that the fake Bot API does the same work for both. */
  reply?: Reply;
}

/** A sendMessage payload without its chat. */
export interface Reply {
  text: string;
  options: Record<string, unknown>;
}

export type BotRequest =
  | { cmd: "stats" }
  | { cmd: "reset" }
  | { cmd: "stop" }
  | { cmd: "drafts"; userIds: number[]; perUser: number }
  | { cmd: "accept"; drafts: { id: string; userId: number }[] };

const spec = JSON.parse(process.env.BENCH_BOT ?? "{}") as BotSpec;
const handler = new Histogram();

/** Every update's time in the bot, from handleUpdate's start to the end of its middleware. */
function timeUpdates(bot: Bot<never>): void {
  const handle = bot.handleUpdate.bind(bot);
  bot.handleUpdate = async (update, webhook) => {
    const t = performance.now();
    try {
      return await handle(update, webhook);
    } finally {
      handler.add(performance.now() - t);
    }
  };
}

async function bare(env: Record<string, string>, reply: Reply = { text: "Your balance: 0", options: { parse_mode: "HTML" } }) {
  type Ctx = Context & SessionFlavor<{ ordersPage?: number }>;
  const redis = new Redis(env.REDIS_URL!);
  const bot = new Bot<Ctx>(env.BOT_TOKEN!, { client: { apiRoot: env.TELEGRAM_API_ROOT! } });
  bot.use(session({ initial: () => ({}), prefix: "rb:sess:", storage: new RedisAdapter({ instance: redis as never }) }));
  bot.command("balance", (ctx) => ctx.reply(reply.text, reply.options));
  timeUpdates(bot as unknown as Bot<never>);
  await bot.init();
  const runner: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ["message", "callback_query"] } } });
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
      redis.disconnect();
    },
  };
}

async function app(s: BotSpec): Promise<{ app: App; stop(): Promise<void> }> {
  // Imported here, so that the bare bot's memory holds only what a bare bot loads.
  const { createApp } = await import("../../src/app.js");
  const { loadConfig } = await import("../../src/config.js");
  const { createLogger } = await import("../../src/observability/logger.js");
  const a = await createApp(loadConfig(s.env), { logger: createLogger({ level: "silent" }), ...s.app });
  timeUpdates(a.bot as unknown as Bot<never>);
  if (s.start !== false) await a.start();
  return { app: a, stop: () => a.stop() };
}

const running = spec.mode === "bare" ? { app: undefined, ...(await bare(spec.env, spec.reply)) } : await app(spec);

async function answer(req: BotRequest): Promise<unknown> {
  switch (req.cmd) {
    case "stats": {
      // With BENCH_NODE_ARGS=--expose-gc: what is retained, not what is merely uncollected.
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      return {
        rss: m.rss,
        heapUsed: m.heapUsed,
        updates: handler.count,
        p50: handler.percentile(50),
        p99: handler.percentile(99),
        port: running.app?.address?.port,
      };
    }
    case "reset":
      handler.reset();
      return null;
    case "stop":
      await running.stop();
      setImmediate(() => process.exit(0));
      return null;
    case "drafts": {
      // The confirmation cards the race taps: one gametopup product, each reseller's own price.
      const s = running.app!.services;
      const product = (await s.catalog.products()).find((p) => p.provider === "gametopup")!;
      const price = await s.catalog.price(product, "member");
      const drafts: { id: string; userId: number }[] = [];
      for (const userId of req.userIds) {
        for (let i = 0; i < req.perUser; i++)
          drafts.push({ id: (await s.drafts.create(userId, product, price, { playerId: "12345678", zone: "2001" })).id, userId });
      }
      return { drafts, price: price.amount, currency: price.currency };
    }
    case "accept": {
      const s = running.app!.services;
      const outcomes = await Promise.all(req.drafts.map((d) => s.orders.confirm(d.id, d.userId)));
      return outcomes.map((o) => ({ kind: o.kind, orderId: "order" in o ? o.order.id : undefined }));
    }
  }
}

process.on("message", (msg: { id: number; req: BotRequest }) => {
  answer(msg.req).then(
    (result) => process.send!({ id: msg.id, result }),
    (err: unknown) => process.send!({ id: msg.id, error: err instanceof Error ? err.stack : String(err) }),
  );
});
process.send!({ ready: true });
