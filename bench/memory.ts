/**
 * Memory with many resellers: 100,000 new resellers each send /start (registered in PostgreSQL)
 * and /products (the catalogue, cached in Redis) through the whole stack; the bot's RSS at 10k,
 * 50k and 100k. State lives in the stores, so the line must stay flat.
 *
 *   npm run bench:memory      (BENCH_RESELLERS to try a smaller run)
 */
import { startGametopupFake, startXinstituteFake } from "../src/sandbox/index.js";
import { startBotProcess, type BotStats } from "./support/bot-client.js";
import { botEnv, openRecords, startTelegram, until } from "./support/fixture.js";
import { startInfra } from "./support/infra.js";
import { mib, row, saveResult, verdict } from "./support/report.js";

const RESELLERS = Number(process.env.BENCH_RESELLERS ?? 100_000);
const CHECKPOINTS = [0.1, 0.5, 1].map((f) => Math.round(RESELLERS * f));
const BATCH = 2_000;
const FIRST_ID = 1_000_000;
/** Allowed RSS growth per 10,000 resellers between the first and last checkpoint. */
const FLAT_MIB_PER_10K = 2;

const infra = await startInfra("memory");
const telegram = await startTelegram();
const gametopup = await startGametopupFake({ rateLimits: false });
const xinstitute = await startXinstituteFake({ rateLimit: false });
try {
  const env = botEnv(infra, telegram, {
    GAMETOPUP_PRODUCTS_URL: gametopup.productsUrl,
    GAMETOPUP_ORDER_URL: gametopup.orderUrl,
    GAMETOPUP_STATUS_URL: gametopup.statusUrl,
    GAMETOPUP_API_KEY: gametopup.apiKey,
    XINSTITUTE_BASE_URL: xinstitute.url,
    XINSTITUTE_API_KEY: xinstitute.apiKey,
    XINSTITUTE_WEBHOOK_SECRET: xinstitute.webhookSecret,
  });
  // A full GC before each reading (--expose-gc), so the figures are what the bot holds.
  process.env.BENCH_NODE_ARGS = `${process.env.BENCH_NODE_ARGS ?? ""} --expose-gc`;
  const bot = await startBotProcess({ mode: "app", env });
  const readings: { resellers: number; stats: BotStats }[] = [];
  const started = performance.now();
  try {
    let sent = 0;
    for (let from = 0; from < RESELLERS; from += BATCH) {
      const users = Array.from({ length: Math.min(BATCH, RESELLERS - from) }, (_, i) =>
        telegram.user({ id: FIRST_ID + from + i, first_name: `R${from + i}`, language_code: "en" }),
      );
      for (const u of users) await u.send("/start");
      for (const u of users) await u.send("/products");
      sent += users.length * 2;
      await until(async () => (await bot.stats()).updates >= sent, 120_000, `${sent} updates handled`, 100);
      const done = from + users.length;
      if (CHECKPOINTS.includes(done)) {
        readings.push({ resellers: done, stats: await bot.stats() });
        console.error(
          `${done} resellers: RSS ${mib(readings.at(-1)!.stats.rss).toFixed(0)} MiB, ${((performance.now() - started) / 1000).toFixed(0)} s`,
        );
      }
    }
  } finally {
    await bot.stop();
  }
  const records = await openRecords(infra);
  const registered = (await records.users.all()).length;
  await records.close();

  const first = readings[0]!;
  const last = readings.at(-1)!;
  const slope = (mib(last.stats.rss - first.stats.rss) / (last.resellers - first.resellers)) * 10_000;
  saveResult("memory", [
    `memory: ${RESELLERS} new resellers, each /start then /products through the whole stack, ${BATCH} at a time; bot RSS and heap after a full GC (${new Date().toISOString()})`,
    "",
    row(["resellers registered and browsed", "bot RSS MiB", "heap used MiB"]),
    row(["---:", "---:", "---:"]),
    ...readings.map((r) => row([r.resellers, mib(r.stats.rss).toFixed(1), mib(r.stats.heapUsed).toFixed(1)])),
    "",
    row(["check", "figure", "target", "result"]),
    row(["---", "---:", "---:", "---"]),
    row(["resellers in PostgreSQL", registered, RESELLERS, verdict(registered === RESELLERS)]),
    row([
      `RSS slope from ${first.resellers} to ${last.resellers}`,
      `${slope.toFixed(2)} MiB per 10k`,
      `<= ${FLAT_MIB_PER_10K} MiB per 10k`,
      verdict(slope <= FLAT_MIB_PER_10K),
    ]),
  ]);
} finally {
  await Promise.all([telegram.close(), gametopup.close(), xinstitute.close()]);
  await infra.close();
}
