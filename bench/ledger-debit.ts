/**
 * Why the ledger debits with one Lua script: under contention (one wallet, many concurrent
 * debits, as with double taps or a busy reseller) a WATCH/MULTI debit must retry every time
 * another client touched the key. Both run here, in the same process against the same Redis, and
 * the result is a ratio, never a time to compare across machines.
 *
 *   npm run bench            (REDIS_URL to use another Redis; only keys under bench: are touched)
 */
import { writeFileSync } from "node:fs";
import { Redis } from "ioredis";
import { luaApply } from "./redis-lua-ledger.js";

const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DEBITS = 400;
const CLIENTS = 8;

/** The baseline: optimistic WATCH/MULTI, retried on conflict, same checks as the script. */
async function watchDebit(redis: Redis, key: string, amount: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    await redis.watch(key);
    const balance = Number((await redis.hget(key, "IDR")) ?? 0);
    if (balance < amount) {
      await redis.unwatch();
      return attempt;
    }
    const res = await redis.multi().hincrby(key, "IDR", -amount).rpush(`${key}:entries`, JSON.stringify({ amount: -amount })).exec();
    if (res) return attempt;
  }
}

async function timeIt(fn: () => Promise<void>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

async function main() {
  const clients = Array.from({ length: CLIENTS }, () => new Redis(url));
  const admin = new Redis(url);
  const cleanup = async () => {
    const keys = await admin.keys("bench:*");
    if (keys.length) await admin.del(...keys);
  };
  await cleanup();
  const ratios: number[] = [];
  let retries = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Lua: one round trip, atomic, never retried.
    const luaUser = 1000 + round;
    await luaApply(admin, "bench:", luaUser, DEBITS);
    const lua = await timeIt(async () => {
      await Promise.all(
        Array.from({ length: DEBITS }, (_, i) => luaApply(clients[i % CLIENTS]!, "bench:", luaUser, -1)),
      );
    });
    // WATCH needs a connection per concurrent transaction: each client runs its share in turn.
    const key = `bench:watch:${round}`;
    await admin.hset(key, "IDR", DEBITS);
    const watch = await timeIt(async () => {
      await Promise.all(
        clients.map(async (c) => {
          for (let i = 0; i < DEBITS / CLIENTS; i++) retries += (await watchDebit(c, key, 1)) - 1;
        }),
      );
    });
    if (Number(await admin.hget(key, "IDR")) !== 0) throw new Error("baseline lost a debit");
    ratios.push(watch / lua);
    console.log(`round ${round + 1}: lua ${lua.toFixed(1)} ms, watch/multi ${watch.toFixed(1)} ms, ratio ${(watch / lua).toFixed(2)}`);
  }
  ratios.sort((a, b) => a - b);
  const median = ratios[Math.floor(ratios.length / 2)]!;
  const summary = `ledger debit, ${DEBITS} debits on one wallet from ${CLIENTS} connections: WATCH/MULTI takes ${median.toFixed(2)}× the time of the Lua script (median of ${ROUNDS}); WATCH retried ${retries} times.`;
  console.log(summary);
  writeFileSync(new URL("./results/ledger-debit.txt", import.meta.url), `${new Date().toISOString()}\n${summary}\n`);
  await cleanup();
  await Promise.all([...clients, admin].map((c) => c.quit()));
}

await main();
