import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGametopupFake, type GametopupFake } from "../../src/sandbox/index.js";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";
import { tap } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freePort, spawnBot, waitFor, type BotProcess } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startRoundRobin } from "../support/round-robin.js";

const TOKEN = "123456:TWO-instances-token-abcdefghijklmnop";
const SECRET = "two-instances-webhook-secret-0123";

/**
 * Two real bot processes in webhook mode on one PostgreSQL and one Redis, behind a round-robin
 * proxy: one reseller's whole purchase, with its updates landing on both, is one order and one debit.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("two bot instances behind a load balancer", () => {
  let telegram: FakeTelegram;
  let gametopup: GametopupFake;
  let lb: Awaited<ReturnType<typeof startRoundRobin>>;
  let databaseUrl: string;
  const ports: number[] = [];
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    telegram = await startFakeTelegram({ token: TOKEN, rateLimits: false });
    gametopup = await startGametopupFake({ rateLimits: false });
    lb = await startRoundRobin(() => ports);
    const [redisUrl, dbUrl] = [await freshRedisDb(), await freshDatabase()];
    databaseUrl = dbUrl;
    const env = (port: number): Record<string, string> => ({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: telegram.apiRoot,
      BOT_MODE: "webhook",
      PUBLIC_URL: `http://127.0.0.1:${lb.port}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      ADMIN_IDS: "1",
      REGISTRATION: "open",
      REPORT_HOUR: "off",
      LOG_LEVEL: "warn",
      GAMETOPUP_PRODUCTS_URL: gametopup.productsUrl,
      GAMETOPUP_ORDER_URL: gametopup.orderUrl,
      GAMETOPUP_STATUS_URL: gametopup.statusUrl,
      GAMETOPUP_API_KEY: gametopup.apiKey,
    });
    // One after the other: the second finds the schema migrated by the first.
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      const bot = spawnBot(env(port));
      bots.push(bot);
      await waitFor(
        async () => ((await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined))?.status === 200 ? true : undefined),
        30_000,
        `bot ${i + 1} ready`,
      );
      ports.push(port);
    }
  }, 90_000);

  afterAll(async () => {
    for (const b of bots) b.child.kill("SIGTERM");
    await Promise.all(bots.map((b) => b.exited));
    await Promise.all([telegram?.close(), gametopup?.close(), lb?.close()]);
  });

  it("takes one reseller's purchase across both: one order, one debit, one completion message", async () => {
    expect(telegram.webhook().url).toBe(`http://127.0.0.1:${lb.port}/telegram`);
    const u = telegram.user({ id: 5151, first_name: "Duo", language_code: "en" });
    await u.send("/start");
    await u.waitForMessage({ match: /Duo/, timeoutMs: 10_000 });
    const db = new pg.Client(databaseUrl);
    await db.connect();
    try {
      await db.query("INSERT INTO wallets (user_id, currency, balance) VALUES (5151, 'IDR', 100000)");
      await db.query(
        `INSERT INTO ledger_entries (id, user_id, currency, amount, balance_after, type, reason, actor, idempotency_key)
         VALUES (gen_random_uuid(), 5151, 'IDR', 100000, 100000, 'credit', 'test', 'test', 'two-instances-seed')`,
      );

      await u.send("/topup");
      await tap(u, /Mobile/, 10_000);
      await tap(u, /86 Diamonds/, 10_000);
      await tap(u, /Buy/, 10_000);
      await u.waitForMessage({ match: /player ID/i, timeoutMs: 10_000 });
      await u.send("12345678");
      await u.waitForMessage({ match: /zone/i, timeoutMs: 10_000 });
      await u.send("2001");
      await u.waitForMessage({ match: /Confirm your order/, timeoutMs: 10_000 });
      const seen = u.messages().length;
      // Both instances get a Confirm at once: the double tap lands on two processes.
      await Promise.all([tap(u, /Confirm/), u.press(/Confirm/).catch(() => undefined)]);
      const placed = await u.waitForMessage({ match: /placed/, after: seen, timeoutMs: 15_000 });
      const orderId = /R[0-9A-Z]{10}/.exec(placed.text)![0];
      const [trx] = gametopup.control.transactions();
      gametopup.control.setTransactionStatus(trx!.order_id, "Success", "ok", "DuoNick");
      await u.waitForMessage({ match: /DuoNick/, after: seen, timeoutMs: 60_000 });
      await new Promise((r) => setTimeout(r, 1_500));

      expect(gametopup.control.requests("order")).toHaveLength(1);
      const debits = await db.query("SELECT count(*)::int AS n FROM ledger_entries WHERE user_id = 5151 AND type = 'debit'");
      expect(debits.rows[0].n).toBe(1);
      const wallet = await db.query("SELECT balance::int AS b FROM wallets WHERE user_id = 5151");
      expect(wallet.rows[0].b).toBe(100_000 - 21_780);
      expect(u.messages().filter((m) => /DuoNick/.test(m.text))).toHaveLength(1);
      expect(u.messages().filter((m) => m.text.includes(orderId) && /placed/.test(m.text))).toHaveLength(1);
      const order = await db.query("SELECT state FROM orders WHERE id = $1", [orderId]);
      expect(order.rows[0].state).toBe("completed");
      // Both instances served the chat.
      expect([...lb.served().values()].every((n) => n > 2)).toBe(true);
    } finally {
      await db.end();
    }
  }, 120_000);
  it("shares a role change at once: taken in one process, refused in the other", async () => {
    const owner = telegram.user({ id: 1, first_name: "Owner", language_code: "en" });
    const member = telegram.user({ id: 5252, first_name: "Fin", language_code: "en" });
    await member.send("/start");
    await member.waitForMessage({ match: /Fin/, timeoutMs: 10_000 });
    // Paced under the flood limit (8 updates in 3 s per user), which both processes share.
    const ask = async (user: typeof owner, text: string) => {
      await new Promise((r) => setTimeout(r, 400));
      const seen = user.messages().length;
      await user.send(text);
      return (await user.waitForMessage({ after: seen, timeoutMs: 10_000 })).text;
    };
    expect(await ask(owner, "/role 5252 finance")).toMatch(/now has: finance/);
    // Round robin: four updates reach both processes; each already knows the role.
    for (let i = 0; i < 4; i++) expect(await ask(member, "/credit")).toMatch(/Usage/);
    const before = new Map(lb.served());
    expect(await ask(owner, "/role 5252 support")).toMatch(/now has: support/);
    const changedAt = Date.now();
    for (let i = 0; i < 4; i++) expect(await ask(member, "/credit")).toMatch(/\/credit needs the finance role/);
    expect(Date.now() - changedAt).toBeLessThan(5_000);
    expect(await ask(owner, "/role 5252 none")).toMatch(/now has: no role/);
    for (let i = 0; i < 4; i++) expect(await ask(member, "/stats")).toMatch(/I don't know that command/);
    // Both processes answered after the change.
    expect([...lb.served()].every(([port, n]) => n > (before.get(port) ?? 0))).toBe(true);
  }, 60_000);
});
