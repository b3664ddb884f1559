import { randomUUID } from "node:crypto";
import { createApp, type App, type Timings } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/observability/logger.js";
import {
  startGametopupFake,
  startXinstituteFake,
  startXpayFake,
  type GametopupFake,
  type XinstituteFake,
  type XpayFake,
} from "../../src/sandbox/index.js";
import { startXenFake, type XenFake } from "../../src/sandbox/xen.js";
import { startVifoxFake, type VifoxFake } from "../../src/sandbox/vifox.js";
import { freePort } from "./process.js";
import { startFakeTelegram, type FakeTelegram, type FakeTelegramOptions, type FakeUser } from "../fakes/telegram/index.js";
import type { FakeGroup, GroupInit } from "../fakes/telegram/index.js";

export const ADMIN_ID = 1;
export const TOKEN = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz";

export interface HarnessOptions {
  /** Redis URL for the app; omitted: in-memory sessions, queues and caches. */
  redisUrl?: string;
  /** PostgreSQL URL for the app; omitted: the in-memory records. */
  databaseUrl?: string;
  env?: Record<string, string>;
  /** Clocks and back-offs of the app (src/app/timings.ts). */
  timings?: Timings;
  telegram?: FakeTelegramOptions;
  /** An operator group made before the app boots (the admin is its owner) and set as ADMIN_CHAT_ID. */
  operatorGroup?: Omit<GroupInit, "owner">;
  xinstitute?: Parameters<typeof startXinstituteFake>[0];
  gametopup?: Parameters<typeof startGametopupFake>[0];
  xen?: Parameters<typeof startXenFake>[0];
  vifox?: Parameters<typeof startVifoxFake>[0];
  xpay?: Parameters<typeof startXpayFake>[0];
}

export interface Harness {
  app: App;
  telegram: FakeTelegram;
  xinstitute: XinstituteFake;
  gametopup: GametopupFake;
  xen: XenFake;
  vifox: VifoxFake;
  xpay: XpayFake;
  admin: FakeUser;
  /** The operator group, when `operatorGroup` was given. */
  group?: FakeGroup;
  /** Base URL of the app's HTTP server. */
  url: string;
  /** A reseller chat; `active` registers and approves them first. */
  reseller(id: number, init?: { language_code?: string; username?: string; active?: boolean }): Promise<FakeUser>;
  credit(userId: number, amount: number, currency: string): Promise<void>;
  balance(userId: number, currency: string): Promise<number>;
  /**
   * Another bot process's services on the same PostgreSQL, Redis and fakes (its own store
   * connections, caches and queues; not started: no HTTP, workers or update loop). Closed by close().
   */
  another(timings?: Timings): Promise<App>;
  /** Stops the bot process and starts a new one on the same store and fakes (with `app` options changed). */
  restart(timings?: Timings): Promise<void>;
  close(): Promise<void>;
}

/** The configuration that points the app at the fake providers (also used by tests that spawn the real process). */
export function fakeProviderEnv(f: {
  xinstitute: XinstituteFake;
  gametopup: GametopupFake;
  xen: XenFake;
  vifox: VifoxFake;
  xpay: XpayFake;
}): Record<string, string> {
  const { xinstitute, gametopup, xen, vifox, xpay } = f;
  return {
    XINSTITUTE_BASE_URL: xinstitute.url,
    XINSTITUTE_API_KEY: xinstitute.apiKey,
    XINSTITUTE_WEBHOOK_SECRET: xinstitute.webhookSecret,
    GAMETOPUP_PRODUCTS_URL: gametopup.productsUrl,
    GAMETOPUP_ORDER_URL: gametopup.orderUrl,
    GAMETOPUP_STATUS_URL: gametopup.statusUrl,
    GAMETOPUP_API_KEY: gametopup.apiKey,
    XEN_BASE_URL: xen.url,
    XEN_API_KEY: xen.apiKey,
    XEN_WEBHOOK_SECRET: xen.webhookSecret,
    VIFOX_BASE_URL: vifox.url,
    VIFOX_API_KEY: vifox.apiKey,
    VIFOX_API_SECRET: vifox.apiSecret,
    VIFOX_PARTNER_NAME: vifox.partnerName,
    // Awards are off unless a test turns them on: they would add messages to other tests' chats.
    VIFOX_POINTS_PER_ORDER: "0",
    XPAY_BASE_URL: xpay.url,
    XPAY_USERNAME: xpay.username,
    XPAY_SECRET_KEY: xpay.secretKey,
    XPAY_CURRENCY: xpay.currency,
  };
}

/**
 * Boots the real app (the same createApp as `npm start`) against the fake Bot API and the
 * fake providers, over real HTTP, with a real Redis and PostgreSQL when given.
 */
export async function startHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const telegram = await startFakeTelegram({ token: TOKEN, rateLimits: false, ...opts.telegram });
  const xinstitute = await startXinstituteFake({ rateLimit: false, retryDelaysMs: [50, 100], ...opts.xinstitute });
  const gametopup = await startGametopupFake({ rateLimits: false, ...opts.gametopup });
  const xen = await startXenFake({ rateLimit: false, ...opts.xen });
  const vifox = await startVifoxFake({ partnerName: "harness", ...opts.vifox });
  const xpay = await startXpayFake(opts.xpay);
  const admin = telegram.user({ id: ADMIN_ID, first_name: "Admin", username: "boss", language_code: "en" });
  const group = opts.operatorGroup && telegram.group({ ...opts.operatorGroup, owner: { id: ADMIN_ID } });

  const env: Record<string, string> = {
    NODE_ENV: "test",
    BOT_TOKEN: telegram.token,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    HOST: "127.0.0.1",
    PORT: "0",
    ADMIN_IDS: String(ADMIN_ID),
    REGISTRATION: "approval",
    ...fakeProviderEnv({ xinstitute, gametopup, xen, vifox, xpay }),
    // Off unless a test turns it on: at or after its hour it would message every test's admin.
    REPORT_HOUR: "off",
    // Automatic maintenance only where a test asks for it (MAINTENANCE_AUTO_FAILURES in env):
    // the fault tests make providers fail on purpose, and must not take them out of sale.
    MAINTENANCE_AUTO_FAILURES: "1000",
    ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(group ? { ADMIN_CHAT_ID: String(group.id) } : {}),
    ...opts.env,
  };
  const logger = createLogger({ level: process.env.TEST_LOG ?? "silent" });
  const boot = async (overrides: Timings = {}) => {
    const app = await createApp(loadConfig(env), {
      logger,
      timings: {
        // Quick, but sparing with gametopup's 30 status calls a minute, which the tests share.
        pollDelaysMs: [150, 150, 300, 2_000],
        reconcileDelaysMs: [200, 3_000],
        flood: { max: 1000, windowMs: 1000 },
        ...opts.timings,
        ...overrides,
      },
    });
    await app.start();
    xinstitute.control.setWebhookUrl(`http://127.0.0.1:${app.address!.port}/webhooks/xinstitute`);
    xen.control.setWebhookUrl(`http://127.0.0.1:${app.address!.port}/webhooks/xen`);
    xpay.control.setHintUrl(`http://127.0.0.1:${app.address!.port}/webhooks/xpay`);
    return app;
  };

  const others: App[] = [];
  const h: Harness = {
    app: await boot(),
    async another(timings) {
      const other = await createApp(loadConfig(env), {
        logger,
        timings: { flood: { max: 1000, windowMs: 1000 }, ...opts.timings, ...timings },
      });
      others.push(other);
      return other;
    },
    telegram,
    xinstitute,
    gametopup,
    xen,
    vifox,
    xpay,
    admin,
    ...(group ? { group } : {}),
    get url() {
      return `http://127.0.0.1:${h.app.address!.port}`;
    },
    async reseller(id, init = {}) {
      const user = telegram.user({ id, first_name: `Reseller${id}`, username: init.username, language_code: init.language_code ?? "en" });
      if (init.active !== false) {
        const s = h.app.services;
        await s.resellers.register({ id, firstName: `Reseller${id}`, username: init.username, languageCode: init.language_code ?? "en" });
        await s.resellers.setStatus(id, "active");
      }
      return user;
    },
    async credit(userId, amount, currency) {
      const r = await h.app.store.ledger.apply({
        userId,
        currency,
        amount,
        type: "credit",
        reason: "test",
        actor: "test",
        key: randomUUID(),
      });
      if (!r.ok) throw new Error("credit failed");
    },
    async balance(userId, currency) {
      return (await h.app.store.ledger.balances(userId))[currency] ?? 0;
    },
    async restart(timings) {
      await h.app.stop();
      h.app = await boot(timings);
    },
    async close() {
      for (const other of others) await other.stop().catch(() => {});
      await h.app.stop().catch(() => {});
      await Promise.all([telegram.close(), xinstitute.close(), gametopup.close(), xen.close(), vifox.close(), xpay.close()]);
    },
  };
  return h;
}

/** Waits until the chat shows a button matching `pattern` (sent or edited in), then presses it. */
export async function tap(user: FakeUser, pattern: RegExp | string, timeoutMs = 5000): Promise<void> {
  const matches = (text: string) => (typeof pattern === "string" ? text === pattern : pattern.test(text));
  await user.waitFor(() => user.buttons().some((b) => matches(b.text)), timeoutMs, `a button matching ${String(pattern)}`);
  await user.press(pattern);
}

/** Walks /topup to the player-ID question of the first game product. */
export async function startTopup(user: FakeUser, product: RegExp = /Diamond/): Promise<void> {
  await user.send("/topup");
  await tap(user, /Mobile/);
  await tap(user, product);
  await tap(user, /Buy/);
  await user.waitForMessage({ match: /player ID/i });
}

/** /topup → the product → player ID → zone → the confirmation card (Mobile Legends 86 Diamonds by default). */
export async function toConfirmCard(user: FakeUser, product: RegExp = /86 Diamonds/, playerId = "12345678", zone = "2001") {
  await startTopup(user, product);
  await user.send(playerId);
  await user.waitForMessage({ match: /zone/i });
  await user.send(zone);
  return user.waitForMessage({ match: /Confirm your order/ });
}

/**
 * The harness in webhook mode. PUBLIC_URL must name the port before the bot starts, and another
 * test process may take a free port in between: then it tries another one.
 */
export async function startWebhookHarness(opts: { redisUrl: string; databaseUrl: string; secret: string }): Promise<Harness> {
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    try {
      return await startHarness({
        redisUrl: opts.redisUrl,
        databaseUrl: opts.databaseUrl,
        env: { BOT_MODE: "webhook", PUBLIC_URL: `http://127.0.0.1:${port}`, TELEGRAM_WEBHOOK_SECRET: opts.secret, PORT: String(port) },
      });
    } catch (err) {
      if (attempt >= 3 || !/EADDRINUSE/.test(String(err))) throw err;
    }
  }
}
