import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeTelegram, type FakeUser, startFakeTelegram } from "../fakes/telegram/index.js";
import { tap } from "../support/harness.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { type BotProcess, freePort, spawnBot, waitFor } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startRoundRobin } from "../support/round-robin.js";

const TOKEN = "123456:TRANSFER-two-token-abcdefghijklmnop";
const SECRET = "transfer-two-webhook-secret-01234";

/**
 * Two real bot processes in webhook mode on one PostgreSQL and one Redis, behind a round-robin
 * proxy: the owner and a finance member press Approve on their cards of one transfer deposit at
 * the same moment, the presses landing on different processes. One credit, one message to the
 * reseller, both cards showing who approved, and the second presser told so.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("a transfer approved at once in two bot processes", () => {
  let telegram: FakeTelegram;
  let lb: Awaited<ReturnType<typeof startRoundRobin>>;
  let databaseUrl: string;
  const ports: number[] = [];
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    telegram = await startFakeTelegram({ token: TOKEN, rateLimits: false });
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
    });
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      bots.push(spawnBot(env(port)));
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
    await Promise.all([telegram?.close(), lb?.close()]);
  });

  // Paced under the flood limit both processes share.
  const ask = async (user: FakeUser, text: string, match: RegExp) => {
    await new Promise((r) => setTimeout(r, 300));
    const seen = user.messages().length;
    await user.send(text);
    return user.waitForMessage({ after: seen, match, timeoutMs: 10_000 });
  };

  it("credits once and both cards show the one who approved", async () => {
    const owner = telegram.user({ id: 1, first_name: "Owner", language_code: "en" });
    const fin = telegram.user({ id: 5353, first_name: "Fin", language_code: "en" });
    const buyer = telegram.user({ id: 5454, first_name: "Buyer", language_code: "en" });
    await ask(owner, "/start", /Owner/);
    await ask(fin, "/start", /Fin/);
    await ask(owner, "/role 5353 finance", /now has: finance/);
    await ask(owner, "/payee add IDR BCA 1234567890 a.n. PT Contoh", /Payee #1 added/);
    await ask(buyer, "/start", /Buyer/);
    await ask(buyer, "/deposit", /Top up/);
    await tap(buyer, /Bank or e-wallet transfer/, 10_000);
    await buyer.waitForMessage({ match: /How much will you transfer/, timeoutMs: 10_000 });
    const pay = await ask(buyer, "50000", /reference/);
    const id = /(T[0-9A-Z]{10})/.exec(pay.text)![1]!;
    await buyer.sendPhoto();
    await buyer.waitForMessage({ match: /waiting for review/, timeoutMs: 10_000 });

    const card = (u: FakeUser) => u.waitFor((ms) => ms.find((m) => m.photo !== undefined && m.text.includes(id)), 10_000, "the card");
    const [ownerCard, finCard] = await Promise.all([card(owner), card(fin)]);
    const before = new Map(lb.served());
    const [a, b] = await Promise.all([
      owner.press("✅ Approve", { messageId: ownerCard.message_id }),
      fin.press("✅ Approve", { messageId: finCard.message_id }),
    ]);
    const answer = (u: FakeUser, id: string) =>
      u.waitFor(() => u.callbackAnswers().find((x) => x.callback_query_id === id), 10_000, "the answer");
    const answers = [await answer(owner, a.id), await answer(fin, b.id)].map((x) => x.text ?? "");
    expect(answers.filter((t) => /^Approved:/.test(t))).toHaveLength(1);
    expect(answers.filter((t) => /already approved by (Owner|Fin)/.test(t))).toHaveLength(1);
    // The two presses were served by the two processes.
    expect([...lb.served()].filter(([port, n]) => n > (before.get(port) ?? 0))).toHaveLength(2);

    await buyer.waitForMessage({ match: /is approved/, after: 0, timeoutMs: 10_000 });
    const who = answers[0]!.startsWith("Approved:") ? "Owner" : "Fin";
    for (const [u, c] of [
      [owner, ownerCard],
      [fin, finCard],
    ] as const)
      await u.waitFor((ms) => ms.find((m) => m.message_id === c.message_id && m.text.includes(`Approved by ${who}`)), 10_000, "the edit");
    await new Promise((r) => setTimeout(r, 1_000));
    expect(buyer.messages().filter((m) => /is approved/.test(m.text))).toHaveLength(1);

    const db = new pg.Client(databaseUrl);
    await db.connect();
    try {
      const credits = await db.query("SELECT amount::int AS amount, idempotency_key AS key FROM ledger_entries WHERE user_id = 5454");
      expect(credits.rows).toEqual([{ amount: 50_000, key: id }]);
      const row = await db.query("SELECT state, reviewed_by::int AS by FROM transfer_deposits WHERE id = $1", [id]);
      expect(row.rows[0]).toEqual({ state: "approved", by: who === "Owner" ? 1 : 5353 });
    } finally {
      await db.end();
    }
  }, 120_000);
});
