/**
 * Webhook to chat after real orders: 100 resellers each buy one Spotify subscription through the
 * chat flow (placed for real through the placement queue, inside xinstitute's documented
 * 10-per-10 s budget), then signed xinstitute `shipped` webhooks for the 100 orders at 25/s. The
 * fake Bot API enforces Telegram's limits (30/s overall, 1/s per chat with a burst of 3, 429 with
 * retry_after). Measured: from sending the webhook to the tracking message's sendMessage at the
 * fake Bot API. Everything the real flow leaves behind (status polls, reconciliation, pacer and
 * limiter state, queued messages) is there when the webhooks come.
 *
 *   npm run bench:webhook
 */
import { signXinstituteWebhook } from "../src/providers/xinstitute/webhooks.js";
import { startXinstituteFake } from "../src/sandbox/index.js";
import type { ApiCall, FakeUser } from "../test/fakes/telegram/index.js";
import { startBotProcess } from "./support/bot-client.js";
import { botEnv, openRecords, seedResellers, sleep, startTelegram, until } from "./support/fixture.js";
import { startInfra } from "./support/infra.js";
import { percentile, row, saveResult, verdict } from "./support/report.js";

const RATE = 25;
const RESELLERS = Number(process.env.BENCH_RESELLERS ?? 100);
const FIRST_ID = 300_000;
/** Buyers walking the chat flow at once (each chat is paced by Telegram's 1/s anyway). */
const BUYING_AT_ONCE = 20;
const TARGET_P99_MS = 50;

const infra = await startInfra("webhook");
const telegram = await startTelegram({ rateLimits: {} });
const xinstitute = await startXinstituteFake({});
try {
  const records = await openRecords(infra);
  await seedResellers(records, FIRST_ID, RESELLERS, 100_000, "MMK");
  const users: FakeUser[] = [];
  for (let i = 0; i < RESELLERS; i++)
    users.push(telegram.user({ id: FIRST_ID + i, first_name: `Reseller${FIRST_ID + i}`, language_code: "en" }));

  const env = botEnv(infra, telegram, {
    XINSTITUTE_BASE_URL: xinstitute.url,
    XINSTITUTE_API_KEY: xinstitute.apiKey,
    XINSTITUTE_WEBHOOK_SECRET: xinstitute.webhookSecret,
    ...(process.env.BENCH_LOG_LEVEL && { LOG_LEVEL: process.env.BENCH_LOG_LEVEL }),
  });
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let phase: "buying" | "webhooks" = "buying";
  const limited = { buying: 0, webhooks: 0 };
  telegram.onCall((call: ApiCall) => {
    if ((call.response as { error_code?: number } | undefined)?.error_code === 429) limited[phase]++;
    if (call.method !== "sendMessage" || !call.response?.ok) return;
    const trk = /Tracking: (?:<code>)?(TRK\d+)/.exec(String(call.payload.text))?.[1];
    const t0 = trk && sentAt.get(trk);
    if (t0) latencies.push(performance.now() - t0);
  });

  const bot = await startBotProcess({ mode: "app", env });
  let refused = 0;
  let buyingMs = 0;
  let flowsMs = 0;
  try {
    // The chat flow, as a reseller walks it: catalogue, product, e-mail, quantity, Confirm.
    const press = async (u: FakeUser, pattern: RegExp | string) => {
      const matches = (t: string) => (typeof pattern === "string" ? t === pattern : pattern.test(t));
      await until(() => u.buttons().some((b) => matches(b.text)), 30_000, `a button ${String(pattern)}`);
      await u.press(pattern);
    };
    const buy = async (u: FakeUser) => {
      await u.send("/products");
      await press(u, "Music");
      await press(u, /Spotify Premium 1 Month/);
      await press(u, /Buy/);
      await u.waitForMessage({ match: /e-mail/, timeoutMs: 30_000 });
      await u.send(`c${u.id}@example.com`);
      await u.waitForMessage({ match: /How many/, timeoutMs: 30_000 });
      await press(u, "1");
      await u.waitForMessage({ match: /Confirm your order/, timeoutMs: 30_000 });
      await press(u, /Confirm/);
    };
    const t0 = performance.now();
    for (let i = 0; i < RESELLERS; i += BUYING_AT_ONCE) await Promise.all(users.slice(i, i + BUYING_AT_ONCE).map(buy));
    flowsMs = performance.now() - t0;
    // Placed for real: every order reaches xinstitute within its budget and is processing here.
    await until(() => xinstitute.control.orders().length >= RESELLERS, 600_000, `${RESELLERS} orders at xinstitute`, 200).catch(
      async (err: unknown) => {
        const states = await Promise.all(users.map(async (u) => (await records.orders.byUser(u.id, { limit: 1 }))[0]?.state ?? "none"));
        console.error("orders at xinstitute:", xinstitute.control.orders().length, "our states:", JSON.stringify(states));
        throw err;
      },
    );
    await until(
      async () => {
        const open = await Promise.all(xinstitute.control.orders().map((o) => records.orders.byProviderOrderId("xinstitute", o.order_id)));
        return open.every((o) => o?.state === "processing");
      },
      60_000,
      "every order processing",
      200,
    );
    buyingMs = performance.now() - t0;
    if (process.env.BENCH_DEBUG) {
      const at = xinstitute.control.requests("order").map((r) => r.at);
      console.error("order arrivals (s after the first):", at.map((a) => ((a - at[0]!) / 1000).toFixed(1)).join(" "));
    }
    phase = "webhooks";

    const url = `http://127.0.0.1:${(await bot.stats()).port}/webhooks/xinstitute`;
    const orders = xinstitute.control.orders();
    const start = performance.now();
    const posts: Promise<void>[] = [];
    for (const [i, o] of orders.entries()) {
      // Open loop on a fixed schedule: a slow answer does not slow the sender down.
      const due = start + (i * 1000) / RATE;
      if (due > performance.now()) await sleep(due - performance.now());
      const body = JSON.stringify({
        event: "shipped",
        order_id: o.order_id,
        timestamp: new Date().toISOString(),
        data: { tracking_info: `TRK${i}`, shipping_status: "In Transit" },
      });
      sentAt.set(`TRK${i}`, performance.now());
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
    await until(() => latencies.length >= orders.length, 60_000, `${orders.length} tracking messages`, 50);
  } finally {
    await bot.stop();
    await records.close();
  }

  const sorted = [...latencies].sort((a, b) => a - b);
  const p99 = percentile(sorted, 99);
  saveResult("webhook-latency", [
    `webhook to chat after real orders: ${RESELLERS} resellers each bought one Spotify subscription through the chat flow (placed through the queue within xinstitute's 10-per-10 s, ${(buyingMs / 1000).toFixed(0)} s), then signed "shipped" webhooks for the ${RESELLERS} orders at ${RATE}/s; fake Bot API with Telegram's limits; from sending the webhook to the tracking message's sendMessage (${new Date().toISOString()})`,
    "",
    row(["figure", "value", "target", "result"]),
    row(["---", "---:", "---:", "---"]),
    row(["webhooks answered 200", RESELLERS - refused, RESELLERS, verdict(refused === 0)]),
    row(["tracking messages", latencies.length, RESELLERS, verdict(latencies.length === RESELLERS)]),
    row(["chat flows done / all orders processing", `${(flowsMs / 1000).toFixed(0)} s / ${(buyingMs / 1000).toFixed(0)} s`, "", ""]),
    row([
      "xinstitute requests: orders / products / account / answered 429",
      ["order", "products", "account"].map((e) => xinstitute.control.requests(e as "order").length).join(" / ") +
        ` / ${xinstitute.control.requests().filter((r) => r.status === 429).length}`,
      "",
      "",
    ]),
    row(["Bot API 429s while buying / during the webhooks", `${limited.buying} / ${limited.webhooks}`, "", ""]),
    row(["p50", `${percentile(sorted, 50).toFixed(1)} ms`, "", ""]),
    row(["p90", `${percentile(sorted, 90).toFixed(1)} ms`, "", ""]),
    row(["p99", `${p99.toFixed(1)} ms`, `< ${TARGET_P99_MS} ms`, verdict(p99 < TARGET_P99_MS)]),
    row(["max", `${sorted.at(-1)!.toFixed(1)} ms`, "", ""]),
  ]);
} finally {
  await Promise.all([telegram.close(), xinstitute.close()]);
  await infra.close();
}
