/**
 * A broadcast to 10,000 resellers against the fake Bot API with Telegram's flood limits on
 * (30 messages/s overall, about 1/s per chat): the rate achieved as a share of the limit,
 * 429 answers, and every recipient's count of the message (0 = lost, 2+ = duplicated).
 * At 30/s this takes about six minutes.
 *
 *   npm run bench:broadcast      (BENCH_RECIPIENTS to try a smaller run)
 */
import { DEFAULT_RATE_LIMITS, type ApiCall } from "../test/fakes/telegram/index.js";
import { startBotProcess } from "./support/bot-client.js";
import { ADMIN_ID, botEnv, openRecords, seedResellers, startTelegram, until } from "./support/fixture.js";
import { startInfra } from "./support/infra.js";
import { row, saveResult, verdict } from "./support/report.js";

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 10_000);
const FIRST_ID = 200_000;
const LIMIT = DEFAULT_RATE_LIMITS.globalPerSecond;
const TEXT = "Big sale today";

const infra = await startInfra("broadcast");
// The fake's default limits are Telegram's: a 429 with retry_after for every message over them.
const telegram = await startTelegram({ rateLimits: {} });
try {
  const records = await openRecords(infra);
  await seedResellers(records, FIRST_ID, RECIPIENTS);
  await records.close();
  for (let i = 0; i < RECIPIENTS; i++) telegram.user({ id: FIRST_ID + i, first_name: `Reseller${FIRST_ID + i}`, language_code: "en" });
  const admin = telegram.user({ id: ADMIN_ID, first_name: "Admin", language_code: "en" });

  const received = new Map<number, number>();
  const at: number[] = [];
  telegram.onCall((call: ApiCall) => {
    const chat = Number(call.payload.chat_id);
    if (call.method !== "sendMessage" || !call.response?.ok || chat === ADMIN_ID) return;
    if (!String(call.payload.text).includes(TEXT)) return;
    received.set(chat, (received.get(chat) ?? 0) + 1);
    at.push(call.at);
  });

  const bot = await startBotProcess({ mode: "app", env: botEnv(infra, telegram) });
  try {
    await admin.send(`/broadcast ${TEXT}`);
    // Twice the time the limit allows, plus a minute: the loop ends by itself.
    const bound = (RECIPIENTS / LIMIT) * 2000 + 60_000;
    let lastLog = Date.now();
    await until(
      () => {
        if (Date.now() - lastLog > 30_000) {
          lastLog = Date.now();
          console.error(`${received.size} of ${RECIPIENTS} delivered, ${telegram.stats.tooManyRequests.total} × 429`);
        }
        return admin.messages().some((m) => /Broadcast finished/.test(m.text));
      },
      bound,
      "the broadcast's report to the admin",
      200,
    );
  } finally {
    await bot.stop();
  }

  const seconds = (Math.max(...at) - Math.min(...at)) / 1000;
  const rate = (at.length - 1) / seconds;
  let lost = 0;
  let duplicated = 0;
  for (let i = 0; i < RECIPIENTS; i++) {
    const n = received.get(FIRST_ID + i) ?? 0;
    if (n === 0) lost++;
    if (n > 1) duplicated += n - 1;
  }
  const tooMany = telegram.stats.tooManyRequests.total;
  const report = admin.messages().find((m) => /Broadcast finished/.test(m.text))!.text;
  saveResult("broadcast", [
    `broadcast: one /broadcast to ${RECIPIENTS} resellers, fake Bot API enforcing ${LIMIT} messages/s overall and 1/s per chat (${new Date().toISOString()})`,
    "",
    row(["figure", "value", "target", "result"]),
    row(["---", "---:", "---:", "---"]),
    row(["messages delivered", at.length, RECIPIENTS, verdict(at.length === RECIPIENTS)]),
    row(["first to last delivery", `${seconds.toFixed(1)} s`, "", ""]),
    row(["achieved rate", `${rate.toFixed(2)}/s`, "", ""]),
    row(["achieved rate / limit", (rate / LIMIT).toFixed(3), ">= 0.93", verdict(rate / LIMIT >= 0.93)]),
    row(["429 answers", tooMany, 0, verdict(tooMany === 0)]),
    row(["recipients who got nothing (lost)", lost, 0, verdict(lost === 0)]),
    row(["extra copies (duplicated)", duplicated, 0, verdict(duplicated === 0)]),
    "",
    `The admin's report: "${report}"`,
  ]);
} finally {
  await telegram.close();
  await infra.close();
}
