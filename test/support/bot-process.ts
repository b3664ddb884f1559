import { createApp, type App, type Timings } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/observability/logger.js";
import { startGametopupFake, startXinstituteFake, startXpayFake } from "../../src/sandbox/index.js";
import { startVifoxFake } from "../../src/sandbox/vifox.js";
import { startXenFake } from "../../src/sandbox/xen.js";
import { startFakeTelegram } from "../fakes/telegram/index.js";
import { ADMIN_ID, fakeProviderEnv } from "./harness.js";
import { freePort, spawnBot, waitFor, type BotProcess } from "./process.js";

const ENTRY = ["--import", "tsx", "test/support/bot-entry.ts"];

/**
 * The real bot as a child process (so a test can SIGKILL it or read its stdout) against fakes in
 * the test process, plus an unstarted app on the same stores for the test's own reads and writes.
 */
export async function startBotProcess(opts: {
  redisUrl: string;
  databaseUrl: string;
  token: string;
  env?: Record<string, string>;
  timings?: Timings;
  keys?: { gametopup?: string; xinstitute?: [string, string]; xen?: [string, string]; vifox?: [string, string]; xpay?: string };
}) {
  const telegram = await startFakeTelegram({ token: opts.token, rateLimits: false });
  const k = opts.keys ?? {};
  const gametopup = await startGametopupFake({ rateLimits: false, ...(k.gametopup && { apiKey: k.gametopup }) });
  const xinstitute = await startXinstituteFake({
    rateLimit: false,
    retryDelaysMs: [50, 100],
    ...(k.xinstitute && { apiKey: k.xinstitute[0], webhookSecret: k.xinstitute[1] }),
  });
  const xen = await startXenFake({ rateLimit: false, ...(k.xen && { apiKey: k.xen[0], webhookSecret: k.xen[1] }) });
  const vifox = await startVifoxFake({ partnerName: "faults", ...(k.vifox && { apiKey: k.vifox[0], apiSecret: k.vifox[1] }) });
  const xpay = await startXpayFake(k.xpay ? { secretKey: k.xpay } : undefined);
  const admin = telegram.user({ id: ADMIN_ID, first_name: "Admin", username: "boss", language_code: "en" });
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    HOST: "127.0.0.1",
    PORT: String(port),
    ADMIN_IDS: String(ADMIN_ID),
    REGISTRATION: "approval",
    REPORT_HOUR: "off",
    ...fakeProviderEnv({ xinstitute, gametopup, xen, vifox, xpay }),
    REDIS_URL: opts.redisUrl,
    DATABASE_URL: opts.databaseUrl,
    // The harness's flood limit: a test types faster than the production limit lets anyone.
    TEST_APP_TIMINGS: JSON.stringify({ flood: { max: 1000, windowMs: 1000 }, ...opts.timings }),
    ...opts.env,
  };
  const url = `http://127.0.0.1:${port}`;
  xinstitute.control.setWebhookUrl(`${url}/webhooks/xinstitute`);
  xen.control.setWebhookUrl(`${url}/webhooks/xen`);
  xpay.control.setHintUrl(`${url}/webhooks/xpay`);
  // The test's own window on the stores: not started, so no workers, HTTP or update loop.
  const inspector: App = await createApp(loadConfig(env), { logger: createLogger({ level: "silent" }) });
  const outputs: string[] = [];
  let bot: BotProcess | undefined;

  const p = {
    telegram,
    gametopup,
    xinstitute,
    xen,
    vifox,
    xpay,
    admin,
    url,
    env,
    services: inspector.services,
    store: inspector.store,
    inspector,
    get bot() {
      return bot!;
    },
    /** Every line the bot processes wrote so far, killed ones included. */
    output: () => [...outputs, bot?.output() ?? ""].join(""),
    async start() {
      if (bot) outputs.push(bot.output());
      bot = spawnBot(env, ENTRY);
      await waitFor(
        async () => ((await fetch(`${url}/readyz`)).status === 200 ? true : undefined),
        30_000,
        `the bot to be ready\n${bot.output()}`,
      );
    },
    async kill(signal: NodeJS.Signals = "SIGKILL") {
      bot!.child.kill(signal);
      return bot!.exited;
    },
    async reseller(id: number) {
      const user = telegram.user({ id, first_name: `Reseller${id}`, language_code: "en" });
      await inspector.services.resellers.register({ id, firstName: `Reseller${id}`, languageCode: "en" });
      await inspector.services.resellers.setStatus(id, "active");
      return user;
    },
    async credit(userId: number, amount: number, currency: string, key: string) {
      const r = await inspector.store.ledger.apply({
        userId,
        currency,
        amount,
        type: "credit",
        reason: "test",
        actor: "test",
        key,
      });
      if (!r.ok) throw new Error("credit failed");
    },
    async balance(userId: number, currency: string) {
      return (await inspector.store.ledger.balances(userId))[currency] ?? 0;
    },
    async close() {
      if (bot && bot.child.exitCode === null) {
        bot.child.kill("SIGTERM");
        await bot.exited;
      }
      await inspector.stop().catch(() => {});
      await Promise.all([telegram.close(), gametopup.close(), xinstitute.close(), xen.close(), vifox.close(), xpay.close()]);
    },
  };
  return p;
}
