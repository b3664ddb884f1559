/**
 * Webhook to chat: signed xinstitute `shipped` webhooks at 25/s for 30 s, each for another order,
 * spread over 150 resellers (so that Telegram's 30/s overall and 1/s per chat are not what is
 * measured); the time from sending the webhook to the bot's sendMessage reaching the fake Bot API.
 *
 *   npm run bench:webhook
 */
import { signXinstituteWebhook } from "../src/providers/xinstitute/webhooks.js";
import { startXinstituteFake } from "../src/sandbox/index.js";
import type { OrderRecord } from "../src/store/types.js";
import type { ApiCall } from "../test/fakes/telegram/index.js";
import { startBotProcess } from "./support/bot-client.js";
import { botEnv, openRecords, seedResellers, sleep, startTelegram, until } from "./support/fixture.js";
import { startInfra } from "./support/infra.js";
import { percentile, row, saveResult, verdict } from "./support/report.js";

const RATE = 25;
const SECONDS = 30;
const RESELLERS = 150;
const FIRST_ID = 300_000;
const TOTAL = RATE * SECONDS;
/** In the shape of the bot's own order ids (R and 10 of [0-9A-Z]): the receipt button carries it. */
const benchOrderId = (i: number) => `RBENCH${String(i).padStart(5, "0")}`;

const infra = await startInfra("webhook");
const telegram = await startTelegram({ rateLimits: {} });
const xinstitute = await startXinstituteFake({ rateLimit: false });
try {
  const records = await openRecords(infra);
  await seedResellers(records, FIRST_ID, RESELLERS);
  const now = Date.now();
  for (let i = 0; i < TOTAL; i++) {
    const userId = FIRST_ID + (i % RESELLERS);
    const order: OrderRecord = {
      id: benchOrderId(i),
      userId,
      provider: "xinstitute",
      sku: "bench",
      productName: "Bench Gold",
      quantity: 1,
      email: `c${i}@example.com`,
      price: { amount: 11_000, currency: "MMK" },
      cost: { amount: 10_000, currency: "MMK" },
      unitCost: { amount: 10_000, currency: "MMK" },
      state: "processing",
      providerOrderId: `XI-BENCH-${i}`,
      createdAt: now,
      updatedAt: now,
      history: [{ at: now, state: "processing" }],
    };
    await records.orders.create(order);
  }
  await records.close();
  for (let i = 0; i < RESELLERS; i++) telegram.user({ id: FIRST_ID + i, first_name: `Reseller${FIRST_ID + i}`, language_code: "en" });

  const env = botEnv(infra, telegram, {
    XINSTITUTE_BASE_URL: xinstitute.url,
    XINSTITUTE_API_KEY: xinstitute.apiKey,
    XINSTITUTE_WEBHOOK_SECRET: xinstitute.webhookSecret,
  });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  telegram.onCall((call: ApiCall) => {
    if (call.method !== "sendMessage" || !call.response?.ok) return;
    const id = /Order (?:<code>)?(RBENCH\d{5})/.exec(String(call.payload.text))?.[1];
    const t0 = id && sentAt.get(id);
    if (t0) latencies.push(performance.now() - t0);
  });

  const bot = await startBotProcess({ mode: "app", env });
  let refused = 0;
  try {
    const url = `http://127.0.0.1:${(await bot.stats()).port}/webhooks/xinstitute`;
    const start = performance.now();
    const posts: Promise<void>[] = [];
    for (let i = 0; i < TOTAL; i++) {
      // Open loop on a fixed schedule: a slow answer does not slow the sender down.
      const due = start + (i * 1000) / RATE;
      if (due > performance.now()) await sleep(due - performance.now());
      const body = JSON.stringify({
        event: "shipped",
        order_id: `XI-BENCH-${i}`,
        timestamp: new Date().toISOString(),
        data: { tracking_info: `TRK${i}`, shipping_status: "In Transit" },
      });
      sentAt.set(benchOrderId(i), performance.now());
      posts.push(
        fetch(url, {
          method: "POST",
          body,
          headers: {
            "Content-Type": "application/json",
            "X-Webhook-Signature": signXinstituteWebhook(body, xinstitute.webhookSecret),
            "X-Webhook-Event": "shipped",
          },
        }).then(async (r) => {
          await r.arrayBuffer();
          if (r.status !== 200) refused++;
        }),
      );
    }
    await Promise.all(posts);
    await until(() => latencies.length >= TOTAL, 60_000, `${TOTAL} chat messages`, 50);
  } finally {
    await bot.stop();
  }

  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  saveResult("webhook-latency", [
    `webhook to chat: ${TOTAL} signed xinstitute "shipped" webhooks at ${RATE}/s for ${SECONDS} s over ${RESELLERS} resellers; from sending the webhook to the sendMessage at the fake Bot API (${new Date().toISOString()})`,
    "",
    row(["figure", "value", "target", "result"]),
    row(["---", "---:", "---:", "---"]),
    row(["webhooks answered 200", TOTAL - refused, TOTAL, verdict(refused === 0)]),
    row(["chat messages", latencies.length, TOTAL, verdict(latencies.length === TOTAL)]),
    row(["p50", `${percentile(sorted, 50).toFixed(1)} ms`, "", ""]),
    row(["p90", `${percentile(sorted, 90).toFixed(1)} ms`, "", ""]),
    row(["p99", `${p99.toFixed(1)} ms`, "< 100 ms", verdict(p99 < 100)]),
    row(["max", `${sorted.at(-1)!.toFixed(1)} ms`, "", ""]),
  ]);
} finally {
  await Promise.all([telegram.close(), xinstitute.close()]);
  await infra.close();
}
