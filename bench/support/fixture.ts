/** What every benchmark shares: the bot's environment, the fake Bot API, seeding the records. */
import { randomUUID } from "node:crypto";
import { startFakeTelegram, type FakeTelegram, type FakeTelegramOptions } from "../../test/fakes/telegram/index.js";
import { createLogger } from "../../src/observability/logger.js";
import { createPool, migrate, postgresRecords } from "../../src/store/postgres/index.js";
import type { Records, UserRecord } from "../../src/store/types.js";
import type { Infra } from "./infra.js";

export const TOKEN = "123456:BENCH-token-abcdefghijklmnopqrstuvwxyz";
export const ADMIN_ID = 1;

export const startTelegram = (opts: FakeTelegramOptions = {}): Promise<FakeTelegram> =>
  startFakeTelegram({ token: TOKEN, rateLimits: false, ...opts });

/** The environment `npm start` would get in production, pointed at the run's servers and fakes. */
export function botEnv(infra: Infra, telegram: FakeTelegram, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: telegram.apiRoot,
    HOST: "127.0.0.1",
    PORT: "0",
    ADMIN_IDS: String(ADMIN_ID),
    REGISTRATION: "open",
    REPORT_HOUR: "off",
    REDIS_URL: infra.redisUrl,
    DATABASE_URL: infra.databaseUrl,
    ...extra,
  };
}

/** The run's database, migrated, for seeding and checking from the load generator's side. */
export async function openRecords(infra: Infra): Promise<Records> {
  const pool = createPool(infra.databaseUrl, createLogger({ level: "silent" }), 8);
  await migrate(pool);
  return postgresRecords(pool);
}

/** Active resellers with ids from..from+count-1, each credited `credit` of `currency` (if > 0), 50 at a time. */
export async function seedResellers(records: Records, from: number, count: number, credit = 0, currency = "IDR"): Promise<void> {
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, async (_, j) => {
        const id = from + i + j;
        const user: UserRecord = {
          id,
          firstName: `Reseller${id}`,
          telegramLanguage: "en",
          status: "active",
          tier: "member",
          createdAt: Date.now(),
        };
        await records.users.save(user);
        if (credit > 0)
          await records.ledger.apply({
            userId: id,
            currency,
            amount: credit,
            type: "credit",
            reason: "bench",
            actor: "bench",
            key: randomUUID(),
          });
      }),
    );
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` until it is true; throws after `timeoutMs` (every loop of a benchmark ends by itself). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string, everyMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}
