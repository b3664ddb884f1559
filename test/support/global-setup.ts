/**
 * Once per `npm test`: a redis-server of the test run's own on a free port (or TEST_REDIS_URL),
 * so tests never read or flush a Redis database they did not create. PostgreSQL is the
 * machine's (TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres); each test
 * file creates its own databases there and drops them (test/support/postgres.ts).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { freePort } from "./process.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Empty when no Redis could be had (outside CI the Redis-backed tests are then skipped). */
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (process.env.TEST_REDIS_URL) {
    project.provide("redisUrl", process.env.TEST_REDIS_URL);
    return;
  }
  if (spawnSync("redis-server", ["--version"]).status !== 0) {
    if (process.env.CI) throw new Error("redis-server is required under CI (TEST_REDIS_URL unset)");
    project.provide("redisUrl", "");
    return;
  }
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "rb-test-redis-"));
  const server: ChildProcess = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--databases", "256"],
    { stdio: "ignore" },
  );
  const deadline = Date.now() + 10_000;
  while (
    spawnSync("redis-cli", ["-p", String(port), "ping"])
      .stdout?.toString()
      .trim() !== "PONG"
  ) {
    if (Date.now() > deadline || server.exitCode !== null) throw new Error("the test run's redis-server did not start");
    await new Promise((r) => setTimeout(r, 50));
  }
  project.provide("redisUrl", `redis://127.0.0.1:${port}`);
  return () => {
    server.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  };
}
