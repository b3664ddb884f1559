import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBotProcess } from "../support/bot-process.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freePort, spawnBot, waitFor, type BotProcess } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const PRICE = 21_780;
const WEBHOOK = { BOT_MODE: "webhook", PUBLIC_URL: "http://127.0.0.1:9", TELEGRAM_WEBHOOK_SECRET: "api-idempotency-secret-0123" };

/**
 * Two real bot processes (child processes of this test, as two-instances.test.ts runs them) on
 * one PostgreSQL and one Redis: 50 concurrent POST /api/v1/orders with one ref_id, spread over
 * both, make one order and one debit, and every answer carries that order's id.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("API idempotency across two bot processes", () => {
  let p: Awaited<ReturnType<typeof startBotProcess>>;
  let second: BotProcess;
  let secondUrl: string;
  beforeAll(async () => {
    p = await startBotProcess({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      token: "424242:API-idempotency-token-0123456789",
      env: { ...WEBHOOK, LOG_LEVEL: "warn", API_RATE_PER_SECOND: "1000" },
    });
    await p.start();
    const port = await freePort();
    secondUrl = `http://127.0.0.1:${port}`;
    second = spawnBot({ ...p.env, PORT: String(port) }, ["--import", "tsx", "test/support/bot-entry.ts"]);
    await waitFor(async () => ((await fetch(`${secondUrl}/readyz`)).status === 200 ? true : undefined), 30_000, "the second bot");
  }, 90_000);
  afterAll(async () => {
    if (second && second.child.exitCode === null) {
      second.child.kill("SIGTERM");
      await second.exited;
    }
    await p?.close();
  });

  it("50 concurrent requests with one ref_id: one order, one debit, one provider call, the same id in every answer", async () => {
    const u = await p.reseller(8100);
    await p.credit(u.id, 100_000, "IDR", "api-idem-credit");
    const { key } = await p.inspector.api.keys.issue(u.id);
    const body = JSON.stringify({ ref_id: "race-1", product_id: "gametopup:1", player_id: "12345678", zone: "2001" });
    const answers = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const res = await fetch(`${i % 2 ? secondUrl : p.url}/api/v1/orders`, {
          method: "POST",
          headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
          body,
        });
        return { status: res.status, body: (await res.json()) as { id?: string; type?: string } };
      }),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(
      statuses.every((s) => s === 201 || s === 200),
      JSON.stringify(answers.filter((a) => a.status >= 300)),
    ).toBe(true);
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    expect(await p.balance(u.id, "IDR")).toBe(100_000 - PRICE);
    await expect.poll(() => p.gametopup.control.requests("order").length, { timeout: 10_000 }).toBe(1);

    // A different body with the used ref_id: 409, nothing charged.
    const conflict = await fetch(`${secondUrl}/api/v1/orders`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ ref_id: "race-1", product_id: "gametopup:2", player_id: "12345678" }),
    });
    expect(conflict.status).toBe(409);
    expect(await p.balance(u.id, "IDR")).toBe(100_000 - PRICE);
  }, 60_000);
});
