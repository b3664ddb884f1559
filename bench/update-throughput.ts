/**
 * Update throughput through the bot's full middleware stack (sessions in Redis, the reseller
 * read from PostgreSQL, i18n, the flood limit, a /balance reply with the wallet and its last
 * entries) against a bare grammY bot with the same runner and the same Redis session storage,
 * both in a process of their own, polling the fake Bot API, in the same run. Reported as a ratio.
 *
 *   npm run bench:throughput
 */
import type { ApiCall } from "../test/fakes/telegram/index.js";
import { startBotProcess, type BotStats } from "./support/bot-client.js";
import { botEnv, openRecords, seedResellers, startTelegram, until } from "./support/fixture.js";
import { startInfra } from "./support/infra.js";
import { roundTrips } from "./support/round-trips.js";
import { mib, row, saveResult, verdict } from "./support/report.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const USERS = 5_000;
/** Per round: one warm-up message per user, then the measured ones (3 per user, under the flood limit of 8 per 3 s). */
const MEASURED = USERS * 3;
const FIRST_ID = 100_000;

const infra = await startInfra("throughput");
const telegram = await startTelegram();
try {
  const records = await openRecords(infra);
  await seedResellers(records, FIRST_ID, USERS, 1_000_000);
  await records.close();
  const users = Array.from({ length: USERS }, (_, i) =>
    telegram.user({ id: FIRST_ID + i, first_name: `Reseller${FIRST_ID + i}`, language_code: "en" }),
  );
  const env = botEnv(infra, telegram);

  let replies = 0;
  let wrong = 0;
  let expected = /./;
  telegram.onCall((call: ApiCall) => {
    if (call.method !== "sendMessage" || !call.response?.ok) return;
    if (expected.test(String(call.payload.text))) replies++;
    else wrong++;
  });

  /** Sends `perUser` /balance from every user as one backlog; resolves with the seconds until all were answered. */
  const burst = async (perUser: number) => {
    replies = 0;
    const t = performance.now();
    for (let k = 0; k < perUser; k++) for (const u of users) await u.send("/balance");
    await until(() => replies >= USERS * perUser, 120_000, `${USERS * perUser} replies`, 5);
    return (performance.now() - t) / 1000;
  };

  const measure = async (mode: "bare" | "app") => {
    const bot = await startBotProcess({ mode, env });
    try {
      expected = mode === "app" ? /Your wallet/ : /Your balance/;
      await burst(1);
      await bot.request({ cmd: "reset" });
      const before = await roundTrips(infra);
      const seconds = await burst(MEASURED / USERS);
      const stats: BotStats = await bot.stats();
      const after = await roundTrips(infra);
      // Counted in the same window as the rate: includes the bot's own background work (queue polls).
      const perUpdate = { redis: (after.redis - before.redis) / MEASURED, postgres: (after.postgres - before.postgres) / MEASURED };
      return { rate: MEASURED / seconds, stats, perUpdate };
    } finally {
      await bot.stop();
    }
  };

  const rounds: { bare: Awaited<ReturnType<typeof measure>>; app: Awaited<ReturnType<typeof measure>> }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternated, so that a slower moment of the machine does not favour either side.
    const bare = await measure("bare");
    const app = await measure("app");
    rounds.push({ bare, app });
    console.error(
      `round ${r + 1}: bare ${bare.rate.toFixed(0)}/s, bot ${app.rate.toFixed(0)}/s, ratio ${(app.rate / bare.rate).toFixed(2)}, bot RSS ${mib(app.stats.rss).toFixed(0)} MiB (heap ${mib(app.stats.heapUsed).toFixed(0)}), bare RSS ${mib(bare.stats.rss).toFixed(0)} MiB; per update: Redis ${app.perUpdate.redis.toFixed(2)}/${bare.perUpdate.redis.toFixed(2)}, PostgreSQL ${app.perUpdate.postgres.toFixed(2)}/${bare.perUpdate.postgres.toFixed(2)}`,
    );
  }
  if (wrong > 0) throw new Error(`${wrong} replies were not the /balance answer (flood warnings or errors)`);

  const median = <T>(xs: T[], f: (x: T) => number) => [...xs].map(f).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const ratio = median(rounds, (r) => r.app.rate / r.bare.rate);
  const rss = Math.max(...rounds.map((r) => r.app.stats.rss));
  saveResult("update-throughput", [
    `update throughput: ${MEASURED} /balance updates from ${USERS} resellers per round as one backlog, polled from the fake Bot API; median of ${ROUNDS} alternating rounds (${new Date().toISOString()})`,
    "",
    row([
      "bot",
      "updates/s",
      "handler p50 ms",
      "handler p99 ms",
      "RSS after the run MiB",
      "Redis commands / update",
      "PostgreSQL queries / update",
    ]),
    row(["---", "---:", "---:", "---:", "---:", "---:", "---:"]),
    row([
      "bare grammY + Redis sessions (baseline)",
      median(rounds, (r) => r.bare.rate).toFixed(0),
      median(rounds, (r) => r.bare.stats.p50).toFixed(2),
      median(rounds, (r) => r.bare.stats.p99).toFixed(2),
      median(rounds, (r) => mib(r.bare.stats.rss)).toFixed(0),
      median(rounds, (r) => r.bare.perUpdate.redis).toFixed(2),
      median(rounds, (r) => r.bare.perUpdate.postgres).toFixed(2),
    ]),
    row([
      "reseller bot, full stack",
      median(rounds, (r) => r.app.rate).toFixed(0),
      median(rounds, (r) => r.app.stats.p50).toFixed(2),
      median(rounds, (r) => r.app.stats.p99).toFixed(2),
      median(rounds, (r) => mib(r.app.stats.rss)).toFixed(0),
      median(rounds, (r) => r.app.perUpdate.redis).toFixed(2),
      median(rounds, (r) => r.app.perUpdate.postgres).toFixed(2),
    ]),
    "",
    row(["check", "figure", "target", "result"]),
    row(["---", "---:", "---:", "---"]),
    row(["bot / bare throughput (median of the rounds' ratios)", ratio.toFixed(2), ">= 0.70", verdict(ratio >= 0.7)]),
    row(["bot RSS after the run (worst round)", `${mib(rss).toFixed(0)} MiB`, "<= 200 MiB", verdict(mib(rss) <= 200)]),
  ]);
} finally {
  await telegram.close();
  await infra.close();
}
