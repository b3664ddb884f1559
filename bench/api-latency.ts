/**
 * The reseller API under load, on this machine with the bot (compiled, production flags),
 * PostgreSQL, Redis and the provider fake: `GET /api/v1/products` at 200/s for 15 s, then
 * `POST /api/v1/orders` at 50/s for 30 s (one in ten a replay of an earlier ref_id, which must
 * answer 200 and charge nothing). 50 resellers, each with a key and a callback URL on a local
 * receiver. Measured: each request's time to its answer (open loop: a slow answer
 * does not slow the sender), the CPU each request cost the bot, PostgreSQL and Redis; then every
 * debit is checked against the orders (no double debit), and every callback event the orders
 * produced must reach the receiver (none lost).
 *
 *   npm run bench:api
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, loadavg } from "node:os";
import { hashApiKey, keyHint, newApiKey, newCallbackSecret } from "../src/domain/api-keys.js";
import { startGametopupFake } from "../src/sandbox/index.js";
import { startBotProcess } from "./support/bot-client.js";
import { cpuDelta, cpuSample } from "./support/cpu.js";
import { botEnv, openRecords, seedResellers, sleep, startTelegram, until } from "./support/fixture.js";
import { startInfra } from "./support/infra.js";
import { percentile, row, saveResult, verdict } from "./support/report.js";

const RESELLERS = 50;
const FIRST_ID = 500_000;
const ORDER_RATE = 50;
const ORDER_SECONDS = Number(process.env.BENCH_API_SECONDS ?? 30);
const PRODUCTS_RATE = 200;
const PRODUCTS_SECONDS = Number(process.env.BENCH_API_PRODUCTS_SECONDS ?? 15);
const CREDIT = 5_000_000;
const TARGET_ORDERS_P99_MS = 100;
const TARGET_PRODUCTS_P99_MS = 30;

const infra = await startInfra("api");
const telegram = await startTelegram();
const gametopup = await startGametopupFake({ rateLimits: false, autoComplete: { afterMs: 1_000 } });
// The shops' callback receiver: every event id it was sent, and how often.
const received = new Map<string, number>();
const receiver = createServer((req, res) => {
  let body = "";
  req.on("data", (d) => (body += String(d)));
  req.on("end", () => {
    try {
      const id = (JSON.parse(body) as { event_id: string }).event_id;
      received.set(id, (received.get(id) ?? 0) + 1);
    } catch {}
    res.writeHead(200).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", () => resolve()));
const callbackUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;

/** Fires `count` requests on a fixed schedule at `rate`/s; returns each one's latency and status. */
async function openLoop(rate: number, count: number, send: (i: number) => Promise<number>) {
  const results: { ms: number; status: number }[] = [];
  const start = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rate;
    if (due > performance.now()) await sleep(due - performance.now());
    const t0 = performance.now();
    inflight.push(
      send(i).then(
        (status) => void results.push({ ms: performance.now() - t0, status }),
        () => void results.push({ ms: performance.now() - t0, status: 0 }),
      ),
    );
  }
  await Promise.all(inflight);
  return { results, seconds: (performance.now() - start) / 1000 };
}

try {
  const records = await openRecords(infra);
  await seedResellers(records, FIRST_ID, RESELLERS, CREDIT, "IDR");
  const keys: string[] = [];
  for (let i = 0; i < RESELLERS; i++) {
    const key = newApiKey(false);
    keys.push(key);
    await records.api.replaceKey({
      id: `bench-${i}`,
      resellerId: FIRST_ID + i,
      keyHash: hashApiKey(key),
      keyHint: keyHint(key),
      callbackSecret: newCallbackSecret(),
      createdAt: Date.now(),
    });
    await records.api.patchSettings(FIRST_ID + i, { callbackUrl });
  }

  const env = botEnv(infra, telegram, {
    GAMETOPUP_PRODUCTS_URL: gametopup.productsUrl,
    GAMETOPUP_ORDER_URL: gametopup.orderUrl,
    GAMETOPUP_STATUS_URL: gametopup.statusUrl,
    GAMETOPUP_API_KEY: gametopup.apiKey,
    API_CALLBACK_ALLOW_PRIVATE: "true",
  });
  const bot = await startBotProcess({ mode: "app", env });
  const base = `http://127.0.0.1:${(await bot.stats()).port}/api/v1`;
  const auth = (i: number) => ({ Authorization: `Bearer ${keys[i % RESELLERS]}` });
  try {
    // Warm: the catalogue cached, connections open, the code paths compiled.
    for (let i = 0; i < RESELLERS; i++) await (await fetch(`${base}/products`, { headers: auth(i) })).arrayBuffer();

    // Products first: after the orders, their placement backlog (gametopup takes 30 a minute) keeps
    // the placement workers and their sweeps busy, and that is not the API's cost.
    let cpuBefore = cpuSample(bot.pid, infra.redisPid);
    const products = await openLoop(PRODUCTS_RATE, PRODUCTS_RATE * PRODUCTS_SECONDS, async (i) => {
      const res = await fetch(`${base}/products`, { headers: auth(i) });
      await res.arrayBuffer();
      return res.status;
    });
    const productCpu = cpuDelta(cpuBefore, cpuSample(bot.pid, infra.redisPid));

    const orderCount = ORDER_RATE * ORDER_SECONDS;
    const body = (n: number) => JSON.stringify({ ref_id: `bench-${n}`, product_id: "gametopup:1", player_id: "12345678", zone: "2001" });
    const replays: number[] = [];
    cpuBefore = cpuSample(bot.pid, infra.redisPid);
    const orders = await openLoop(ORDER_RATE, orderCount, async (i) => {
      // One in ten replays an order sent about a second earlier (a shop retrying after a timeout);
      // i - 49 is never itself a replay (its last digit is 0).
      const replay = i % 10 === 9 && i >= ORDER_RATE;
      const n = replay ? i - (ORDER_RATE - 1) : i;
      if (replay) replays.push(n);
      const res = await fetch(`${base}/orders`, {
        method: "POST",
        headers: { ...auth(n), "Content-Type": "application/json" },
        body: body(n),
      });
      await res.arrayBuffer();
      return res.status;
    });
    const orderCpu = cpuDelta(cpuBefore, cpuSample(bot.pid, infra.redisPid));

    // Money: each order charged once (one debit entry per order, the balances down by exactly the
    // orders' prices, refunds put back), and nothing charged for a replay.
    const userIds = Array.from({ length: RESELLERS }, (_, i) => FIRST_ID + i);
    const made = (await Promise.all(userIds.map((id) => records.orders.byUser(id, { limit: 1_000 })))).flat();
    let debits = 0;
    for (const o of made) if (await records.ledger.entryByKey(`order:${o.id}:debit`)) debits++;
    let charged = 0;
    for (const id of userIds) charged += CREDIT - ((await records.ledger.balances(id)).IDR ?? 0);
    const expectedCharge = made.filter((o) => o.refundedAt === undefined).reduce((s, o) => s + o.price.amount, 0);
    const doubleDebits = Math.max(0, debits - made.length) + (charged === expectedCharge ? 0 : 1);

    // Callbacks: wait until every event the orders made so far is delivered.
    await until(async () => (await records.api.ordersWithOpenEvents(1)).length === 0, 120_000, "every callback delivered", 500).catch(
      () => undefined,
    );
    const open = await records.api.ordersWithOpenEvents(10_000);
    const events = (await Promise.all(made.map((o) => records.api.openEvents(o.id)))).flat().length;
    const lost = open.length + events;

    const loadAtEnd = loadavg()[0]!;
    const sortedOrders = orders.results.map((r) => r.ms).sort((a, b) => a - b);
    const sortedProducts = products.results.map((r) => r.ms).sort((a, b) => a - b);
    const count = (rs: { status: number }[], s: number) => rs.filter((r) => r.status === s).length;
    const o99 = percentile(sortedOrders, 99);
    const p99 = percentile(sortedProducts, 99);
    const us = (ms: number, n: number) => ((ms * 1000) / n).toFixed(0);
    const fresh = orderCount - replays.length;
    saveResult("api-latency", [
      `reseller API on this machine (${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the start and ${loadAtEnd.toFixed(1)} at the end: other work shares it) with the bot (compiled, production flags), PostgreSQL, Redis and the gametopup fake: ${orderCount} POST /api/v1/orders at ${ORDER_RATE}/s (${replays.length} replays of a ref_id), after ${products.results.length} GET /api/v1/products at ${PRODUCTS_RATE}/s; ${RESELLERS} keys, each with a callback URL on a local receiver; open loop (${new Date().toISOString()})`,
      "",
      row(["figure", "value", "target", "result"]),
      row(["---", "---:", "---:", "---"]),
      row([
        "orders: 201 / 200 (replays) / other",
        `${count(orders.results, 201)} / ${count(orders.results, 200)} / ${orders.results.length - count(orders.results, 201) - count(orders.results, 200)}`,
        `${fresh} / ${replays.length} / 0`,
        verdict(count(orders.results, 201) === fresh && count(orders.results, 200) === replays.length),
      ]),
      row(["orders p50 / p90", `${percentile(sortedOrders, 50).toFixed(1)} / ${percentile(sortedOrders, 90).toFixed(1)} ms`, "", ""]),
      row(["orders p99 (to the 201)", `${o99.toFixed(1)} ms`, `< ${TARGET_ORDERS_P99_MS} ms`, verdict(o99 < TARGET_ORDERS_P99_MS)]),
      row(["orders max", `${sortedOrders.at(-1)!.toFixed(1)} ms`, "", ""]),
      row([
        "CPU per order µs: bot / PostgreSQL / Redis / load+fakes",
        `${us(orderCpu.bot, orderCount)} / ${us(orderCpu.postgres, orderCount)} / ${us(orderCpu.redis, orderCount)} / ${us(orderCpu.load, orderCount)}`,
        "",
        "",
      ]),
      row([
        "products: 200 / other",
        `${count(products.results, 200)} / ${products.results.length - count(products.results, 200)}`,
        `${products.results.length} / 0`,
        verdict(count(products.results, 200) === products.results.length),
      ]),
      row(["products p50 / p90", `${percentile(sortedProducts, 50).toFixed(1)} / ${percentile(sortedProducts, 90).toFixed(1)} ms`, "", ""]),
      row(["products p99", `${p99.toFixed(1)} ms`, `< ${TARGET_PRODUCTS_P99_MS} ms`, verdict(p99 < TARGET_PRODUCTS_P99_MS)]),
      row([
        "CPU per products request µs: bot / PostgreSQL / Redis / load+fakes",
        `${us(productCpu.bot, products.results.length)} / ${us(productCpu.postgres, products.results.length)} / ${us(productCpu.redis, products.results.length)} / ${us(productCpu.load, products.results.length)}`,
        "",
        "",
      ]),
      row([
        "orders made / debits",
        `${made.length} / ${debits}`,
        `${fresh} / ${fresh}`,
        verdict(made.length === fresh && debits === fresh),
      ]),
      row(["double debits", doubleDebits, 0, verdict(doubleDebits === 0)]),
      row(["callback events delivered (distinct) / lost", `${received.size} / ${lost}`, "all / 0", verdict(lost === 0)]),
      row(["orders placed at gametopup meanwhile (its budget: 30 a minute)", gametopup.control.requests("order").length, "", ""]),
    ]);
  } finally {
    await bot.stop();
    await records.close();
  }
} finally {
  await Promise.all([telegram.close(), gametopup.close(), new Promise((r) => receiver.close(r))]);
  await infra.close();
}
