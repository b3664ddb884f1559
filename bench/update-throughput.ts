/**
 * Update throughput through the bot's full middleware stack (flood limit, sessions, the
 * reseller's record, conversations, i18n, a /balance reply with the wallet and its last entries
 * read from PostgreSQL) against a bare grammY bot with the same runner and the same Redis
 * session storage that sends the same card, both compiled and in a process of their own,
 * polling the fake Bot API, in the same run. Reported as a ratio, with each process's CPU per
 * update, since on a small machine the bots, the fake and the databases share the cores.
 *
 *   npm run bench:throughput
 */
import { availableParallelism } from "node:os";
import type { ApiCall } from "../test/fakes/telegram/index.js";
import { startBotProcess, type BotStats } from "./support/bot-client.js";
import type { Reply } from "./support/bot-process.js";
import { cpuDelta, cpuSample } from "./support/cpu.js";
import { botEnv, openRecords, seedResellers, startTelegram, until } from "./support/fixture.js";
import { startInfra } from "./support/infra.js";
import { roundTrips } from "./support/round-trips.js";
import { mib, row, saveResult, verdict } from "./support/report.js";

const cpuText = (c: Record<string, number>) =>
  Object.values(c)
    .map((v) => v.toFixed(0))
    .join("/");
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

  /**
   * The full bot's /balance card, sent by the bare bot too: the fake Bot API shares this
   * machine's cores with the bots (the real Telegram does not), and a card with HTML and a
   * keyboard costs it about twice a one-line text. Equal replies keep that cost out of the ratio.
   */
  const captureReply = async (): Promise<Reply> => {
    const bot = await startBotProcess({ mode: "app", env });
    try {
      let card: Reply | undefined;
      const off = telegram.onCall((call) => {
        if (call.method !== "sendMessage" || !call.response?.ok) return;
        const { chat_id: _chat, text, ...options } = call.payload as Record<string, unknown>;
        card = { text: String(text), options };
      });
      await users[0]!.send("/balance");
      await until(() => card !== undefined, 30_000, "the bot's /balance card");
      off();
      return card!;
    } finally {
      await bot.stop();
    }
  };
  const card = await captureReply();

  const measure = async (mode: "bare" | "app") => {
    const bot = await startBotProcess({ mode, env, reply: card });
    try {
      expected = /Your wallet/;
      await burst(1);
      await bot.request({ cmd: "reset" });
      const before = await roundTrips(infra);
      const cpuBefore = cpuSample(bot.pid, infra.redisPid);
      const seconds = await burst(MEASURED / USERS);
      const cpu = cpuDelta(cpuBefore, cpuSample(bot.pid, infra.redisPid));
      const stats: BotStats = await bot.stats();
      const after = await roundTrips(infra);
      // Counted in the same window as the rate: includes the bot's own background work (queue polls).
      const perUpdate = { redis: (after.redis - before.redis) / MEASURED, postgres: (after.postgres - before.postgres) / MEASURED };
      const cpuUs = (ms: number) => (ms * 1000) / MEASURED;
      const cpuPerUpdate = { bot: cpuUs(cpu.bot), load: cpuUs(cpu.load), redis: cpuUs(cpu.redis), postgres: cpuUs(cpu.postgres) };
      return { rate: MEASURED / seconds, stats, perUpdate, cpuPerUpdate };
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
      `round ${r + 1}: bare ${bare.rate.toFixed(0)}/s, bot ${app.rate.toFixed(0)}/s, ratio ${(app.rate / bare.rate).toFixed(2)}, bot RSS ${mib(app.stats.rss).toFixed(0)} MiB (heap ${mib(app.stats.heapUsed).toFixed(0)}), bare RSS ${mib(bare.stats.rss).toFixed(0)} MiB; per update: Redis ${app.perUpdate.redis.toFixed(2)}/${bare.perUpdate.redis.toFixed(2)}, PostgreSQL ${app.perUpdate.postgres.toFixed(2)}/${bare.perUpdate.postgres.toFixed(2)}; CPU µs/update bot/load/redis/pg: bot ${cpuText(app.cpuPerUpdate)}, bare ${cpuText(bare.cpuPerUpdate)}`,
    );
  }
  if (wrong > 0) throw new Error(`${wrong} replies were not the /balance answer (flood warnings or errors)`);

  const median = <T>(xs: T[], f: (x: T) => number) => [...xs].map(f).sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  /** One bot's medians over the rounds. */
  const botRow = (name: string, mode: "bare" | "app") => {
    const m = (f: (x: Awaited<ReturnType<typeof measure>>) => number, digits = 0) => median(rounds, (r) => f(r[mode])).toFixed(digits);
    return row([
      name,
      m((x) => x.rate),
      m((x) => x.stats.p50, 2),
      m((x) => x.stats.p99, 2),
      m((x) => mib(x.stats.rss)),
      m((x) => x.perUpdate.redis, 2),
      m((x) => x.perUpdate.postgres, 2),
      m((x) => x.cpuPerUpdate.bot),
      m((x) => x.cpuPerUpdate.load),
      m((x) => x.cpuPerUpdate.postgres),
      m((x) => x.cpuPerUpdate.redis),
    ]);
  };
  const ratio = median(rounds, (r) => r.app.rate / r.bare.rate);
  const rss = Math.max(...rounds.map((r) => r.app.stats.rss));
  saveResult("update-throughput", [
    `update throughput: ${MEASURED} /balance updates from ${USERS} resellers per round as one backlog, polled from the fake Bot API; median of ${ROUNDS} alternating rounds (${new Date().toISOString()}). Both bots send the full bot's /balance card; CPU is each process's user + system time over the measured burst, per update (all share this machine's ${availableParallelism()} cores).`,
    "",
    row([
      "bot",
      "updates/s",
      "handler p50 ms",
      "handler p99 ms",
      "RSS after the run MiB",
      "Redis commands / update",
      "PostgreSQL queries / update",
      "CPU µs / update: bot",
      "fake Bot API + load",
      "PostgreSQL",
      "Redis",
    ]),
    row(["---", ...Array<string>(10).fill("---:")]),
    botRow("bare grammY + Redis sessions (baseline)", "bare"),
    botRow("reseller bot, full stack", "app"),
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
