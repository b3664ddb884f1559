/**
 * The servers a benchmark run owns: a private redis-server on a free loopback port (nothing else
 * lives there, nothing is saved) and a PostgreSQL database created for the run and dropped after.
 * Only 127.0.0.1 is ever contacted.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { freePort } from "../../test/support/process.js";

const PG_ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface Infra {
  redisUrl: string;
  databaseUrl: string;
  /** The redis-server's pid, for its RSS in reports. */
  redisPid: number;
  close(): Promise<void>;
}

async function startRedis(): Promise<{ url: string; pid: number; stop(): void }> {
  if (spawnSync("redis-server", ["--version"]).status !== 0) throw new Error("benchmarks need redis-server on the PATH");
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "rb-bench-redis-"));
  const server = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir], {
    stdio: "ignore",
  });
  const deadline = Date.now() + 10_000;
  while (
    spawnSync("redis-cli", ["-p", String(port), "ping"])
      .stdout?.toString()
      .trim() !== "PONG"
  ) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the benchmark's redis-server did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    pid: server.pid!,
    stop() {
      server.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client(PG_ADMIN_URL);
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Starts the run's Redis and creates its database; close() removes both (also on Ctrl-C). */
export async function startInfra(tag: string): Promise<Infra> {
  const name = `rb_bench_${tag.replace(/\W/g, "_")}_${process.pid}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const redis = await startRedis().catch(async (err: unknown) => {
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    throw err;
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    redis.stop();
    await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  };
  process.once("SIGINT", () => void close().finally(() => process.exit(130)));
  return { redisUrl: redis.url, databaseUrl: url.toString(), redisPid: redis.pid, close };
}
