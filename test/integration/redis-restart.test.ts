import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../support/harness.js";
import { freePort, waitFor } from "../support/process.js";

const haveRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

/** A Redis of this test's own, so it can be stopped and started without touching the others. */
function startRedis(port: number, dir: string): ChildProcess {
  return spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "yes", "--dir", dir], {
    stdio: "ignore",
  });
}
const stopped = (p: ChildProcess) => new Promise((r) => (p.exitCode !== null ? r(null) : p.once("exit", r)));

describe.skipIf(!haveRedisServer)("a Redis restart", () => {
  let h: Harness;
  let redis: ChildProcess;
  let port: number;
  const dir = mkdtempSync(join(tmpdir(), "rb-redis-"));
  const ready = async () => (await fetch(`${h.url}/readyz`)).status;

  beforeAll(async () => {
    port = await freePort();
    redis = startRedis(port, dir);
    await waitFor(
      async () =>
        spawnSync("redis-cli", ["-p", String(port), "ping"])
          .stdout?.toString()
          .includes("PONG")
          ? true
          : undefined,
      10_000,
      "redis",
    );
    h = await startHarness({ redisUrl: `redis://127.0.0.1:${port}` });
  });
  afterAll(async () => {
    await h?.close();
    redis?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("is reported by /readyz, loses no money, and the bot answers again once Redis is back", async () => {
    const u = await h.reseller(8001);
    await h.credit(u.id, 12_345, "IDR");
    expect(await ready()).toBe(200);

    redis.kill("SIGTERM");
    await stopped(redis);
    await waitFor(async () => ((await ready()) === 503 ? true : undefined), 10_000, "readyz to report the outage");

    // A reseller asks during the outage; the answer comes once Redis is back.
    const seen = u.messages().length;
    await u.send("/balance");
    await new Promise((r) => setTimeout(r, 300));
    redis = startRedis(port, dir);
    await waitFor(async () => ((await ready()) === 200 ? true : undefined), 15_000, "readyz after the restart");
    const reply = await u.waitForMessage({ match: /12,345/, after: seen, timeoutMs: 15_000 });
    expect(reply.text).toMatch(/wallet/i);
    expect(await h.balance(u.id, "IDR")).toBe(12_345);
  });
});
