import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, waitFor } from "./process.js";

export const haveRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

/**
 * A redis-server of one test's own on a free port, so the test can stop, restart or empty it
 * without touching anyone else's. `appendonly` keeps its data across a restart.
 */
export async function startOwnRedis(opts: { appendonly: boolean }) {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "rb-own-redis-"));
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", opts.appendonly ? "yes" : "no", "--dir", dir],
      { stdio: "ignore" },
    );
    const pong = () =>
      spawnSync("redis-cli", ["-p", String(port), "ping"])
        .stdout?.toString()
        .includes("PONG");
    await waitFor(async () => (pong() ? true : undefined), 10_000, "the test's redis-server");
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    /** A clean stop (SIGTERM), waiting for the process to end. */
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const ended = new Promise((r) => c.once("exit", r));
      c.kill("SIGTERM");
      await ended;
    },
    start,
    close() {
      child?.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
