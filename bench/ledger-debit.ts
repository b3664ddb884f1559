/**
 * The ledger debit under contention (one wallet, many concurrent debits, as with double taps or a
 * busy reseller), each design against its baseline in the same run, reported as ratios:
 *
 * - PostgreSQL (the system of record): the store's one-statement debit vs SELECT … FOR UPDATE.
 * - Redis (kept for comparison: how money was kept before): one Lua script vs WATCH/MULTI.
 *
 *   npm run bench   (BENCH_DATABASE_URL / REDIS_URL to use other servers; it creates and drops
 *                    its own database and touches only keys under bench:)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Redis } from "ioredis";
import { benchPostgres, timeIt } from "./postgres-debit.js";
import { luaApply } from "./redis-lua-ledger.js";

const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const pgUrl = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const DEBITS = 400;
const CLIENTS = 8;

/** The Redis baseline: optimistic WATCH/MULTI, retried on conflict, same checks as the script. */
async function watchDebit(redis: Redis, key: string, amount: number): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    await redis.watch(key);
    const balance = Number((await redis.hget(key, "IDR")) ?? 0);
    if (balance < amount) {
      await redis.unwatch();
      return attempt;
    }
    const res = await redis
      .multi()
      .hincrby(key, "IDR", -amount)
      .rpush(`${key}:entries`, JSON.stringify({ amount: -amount }))
      .exec();
    if (res) return attempt;
  }
}

async function benchRedis() {
  const clients = Array.from({ length: CLIENTS }, () => new Redis(redisUrl));
  const admin = new Redis(redisUrl);
  const cleanup = async () => {
    const keys = await admin.keys("bench:*");
    if (keys.length) await admin.del(...keys);
  };
  await cleanup();
  const results: { lua: number; watch: number }[] = [];
  let retries = 0;
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const luaUser = 1000 + round;
      await luaApply(admin, "bench:", luaUser, DEBITS);
      const lua = await timeIt(() =>
        Promise.all(Array.from({ length: DEBITS }, (_, i) => luaApply(clients[i % CLIENTS]!, "bench:", luaUser, -1))),
      );
      // WATCH needs a connection per concurrent transaction: each client runs its share in turn.
      const key = `bench:watch:${round}`;
      await admin.hset(key, "IDR", DEBITS);
      const watch = await timeIt(() =>
        Promise.all(
          clients.map(async (c) => {
            for (let i = 0; i < DEBITS / CLIENTS; i++) retries += (await watchDebit(c, key, 1)) - 1;
          }),
        ),
      );
      if (Number(await admin.hget(key, "IDR")) !== 0) throw new Error("baseline lost a debit");
      results.push({ lua, watch });
    }
  } finally {
    await cleanup();
    await Promise.all([...clients, admin].map((c) => c.quit()));
  }
  return { results, retries };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

async function main() {
  const pg = await benchPostgres(pgUrl, { rounds: ROUNDS, debits: DEBITS, clients: CLIENTS });
  const redis = await benchRedis();
  const lines = [
    `ledger debit: ${DEBITS} debits of 1 on one wallet from ${CLIENTS} connections, median of ${ROUNDS} rounds (${new Date().toISOString()})`,
    "",
    row(["store", "design", "median ms", "baseline", "baseline median ms", "baseline / design"]),
    row(["---", "---", "---:", "---", "---:", "---:"]),
    row([
      "PostgreSQL",
      "one statement (UPDATE … WHERE balance >= x, INSERT entry)",
      median(pg.map((r) => r.statement)).toFixed(1),
      "SELECT … FOR UPDATE transaction",
      median(pg.map((r) => r.baseline)).toFixed(1),
      median(pg.map((r) => r.baseline / r.statement)).toFixed(2),
    ]),
    row([
      "Redis (before)",
      "one Lua script",
      median(redis.results.map((r) => r.lua)).toFixed(1),
      `WATCH/MULTI (${redis.retries} retries)`,
      median(redis.results.map((r) => r.watch)).toFixed(1),
      median(redis.results.map((r) => r.watch / r.lua)).toFixed(2),
    ]),
  ];
  const text = lines.join("\n");
  console.log(text);
  mkdirSync(new URL("./results/", import.meta.url), { recursive: true });
  writeFileSync(new URL("./results/ledger-debit.md", import.meta.url), `${text}\n`);
}

await main();
