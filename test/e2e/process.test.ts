import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.js";
import { freePort, spawnBot, waitFor } from "../support/process.js";
import pg from "pg";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const TOKEN = "123456:PROCESS-token-abcdefghijklmnopqrstuv";

describe("the npm start entry point", () => {
  const fakes: FakeTelegram[] = [];
  afterAll(() => Promise.all(fakes.map((f) => f.close())));

  it("stops with one clear line naming the variable on a bad configuration", async () => {
    const bot = spawnBot({ BOT_TOKEN: "oops-this-is-secret-ish", PORT: "8080" });
    expect(await bot.exited).toBe(1);
    const lines = bot.output().trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/^Configuration error: BOT_TOKEN is invalid/)]);
    expect(bot.output()).not.toContain("oops-this-is-secret-ish");

    const missing = spawnBot({});
    expect(await missing.exited).toBe(1);
    expect(missing.output().trim()).toBe("Configuration error: BOT_TOKEN is required");

    const group = spawnBot({ BOT_TOKEN: TOKEN, ADMIN_CHAT_ID: "@operators", PORT: "8080" });
    expect(await group.exited).toBe(1);
    expect(group.output().trim()).toBe(
      'Configuration error: ADMIN_CHAT_ID is invalid: must be a Telegram chat id, a number such as -1001234567890 (got "@operators")',
    );
  });

  it("runs from the compiled build, as npm start and the Docker image do", async () => {
    const root = join(import.meta.dirname, "../..");
    mkdirSync(join(root, "dist"), { recursive: true });
    // Inside the project (dist/ is ignored by git) so the build resolves node_modules as in the image.
    const out = mkdtempSync(join(root, "dist", "test-"));
    try {
      execFileSync(
        process.execPath,
        [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json"), "--outDir", out],
        { cwd: root },
      );
      cpSync(join(root, "locales"), join(out, "locales"), { recursive: true });
      // As `npm run build` does: the SQL migrations travel with the compiled store.
      cpSync(join(root, "src/store/postgres/migrations"), join(out, "src/store/postgres/migrations"), { recursive: true });
      const telegram = await startFakeTelegram({ token: TOKEN });
      fakes.push(telegram);
      const user = telegram.user({ id: 4343, first_name: "Dist", language_code: "my" });
      const port = await freePort();
      const bot = spawnBot(
        {
          BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: telegram.apiRoot,
          SANDBOX: "true",
          HOST: "127.0.0.1",
          PORT: String(port),
          LOG_LEVEL: "warn",
          REGISTRATION: "open",
          ...(postgresAvailable && { DATABASE_URL: await freshDatabase() }),
        },
        [join(out, "src/main.js")],
      );
      try {
        await user.send("/start");
        const hello = await user.waitForMessage({ match: /Dist/, timeoutMs: 15_000 });
        expect(hello.text).toMatch(/[\u1000-\u109F]/); // Burmese: the locales were found next to the build
      } finally {
        bot.child.kill("SIGTERM");
        expect(await bot.exited, bot.output()).toBe(0);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  for (const store of ["memory", "postgres+redis"] as const) {
    it.skipIf(store !== "memory" && !(redisAvailable && postgresAvailable))(
      `runs as a sandbox with only a token (${store} store), answers health, readiness, metrics, and /start`,
      async () => {
        const telegram = await startFakeTelegram({ token: TOKEN });
        fakes.push(telegram);
        const user = telegram.user({ id: 4242, first_name: "Sari", language_code: "id" });
        telegram.user({ id: 1, first_name: "Admin" });
        const port = await freePort();
        const env: Record<string, string> = {
          BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: telegram.apiRoot,
          SANDBOX: "true",
          HOST: "127.0.0.1",
          PORT: String(port),
          ADMIN_IDS: "1",
          REGISTRATION: "open",
          LOG_LEVEL: "warn",
        };
        if (store !== "memory") {
          env.REDIS_URL = await freshRedisDb();
          env.DATABASE_URL = await freshDatabase();
        }
        const bot = spawnBot(env);
        try {
          const base = `http://127.0.0.1:${port}`;
          await waitFor(async () => ((await fetch(`${base}/readyz`)).status === 200 ? true : undefined), 20_000, "readyz");
          expect((await fetch(`${base}/healthz`)).status).toBe(200);
          await user.send("/start");
          const hello = await user.waitForMessage({ match: /Sari/, timeoutMs: 10_000 });
          expect(hello.text).toMatch(/SANDBOX/);
          await user.send("/topup");
          await user.waitForMessage({ match: /game/i, timeoutMs: 10_000 });
          const metrics = await (await fetch(`${base}/metrics`)).text();
          expect(metrics).toMatch(/bot_updates_total\{type="message",outcome="ok"\} [1-9]/);
          expect(metrics).toMatch(/queue_depth\{queue="notifications"\}/);
          expect(metrics).toMatch(/provider_calls_total\{provider="gametopup",endpoint="products",outcome="ok"\} 1/);
          if (store === "memory") expect(bot.output()).toMatch(/DATABASE_URL is not set/);
          else {
            // Migrated at start, and the reseller is a row in PostgreSQL.
            const db = new pg.Client(env.DATABASE_URL);
            await db.connect();
            const rows = await db.query("SELECT status FROM resellers WHERE id = 4242").finally(() => db.end());
            expect(rows.rows).toEqual([{ status: "active" }]);
          }
          expect(telegram.commandsFor({ type: "chat", chat_id: 1 }).map((c) => c.command)).toContain("refund");
        } finally {
          bot.child.kill("SIGTERM");
          expect(await bot.exited).toBe(0);
        }
        expect(bot.output()).not.toContain(TOKEN);
      },
    );
  }
});
