import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { createPool, migrate, postgresRecords } from "../../src/store/postgres/index.js";
import { MIGRATIONS_DIR } from "../../src/store/postgres/migrate.js";
import { spawnBot } from "../support/process.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";

const ROOT = join(import.meta.dirname, "../..");
const logger = createLogger({ level: "silent" });
const pools: pg.Pool[] = [];
afterAll(() => Promise.all(pools.map((p) => p.end())));
const pool = (url: string) => {
  const p = createPool(url, logger);
  pools.push(p);
  return p;
};
const runScript = (script: string, url: string) =>
  spawnSync(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", DATABASE_URL: url },
    encoding: "utf8",
  });

describe.skipIf(!postgresAvailable)("the PostgreSQL schema", () => {
  it("is migrated once when five instances start together", async () => {
    const url = await freshDatabase();
    const results = await Promise.all(Array.from({ length: 5 }, () => migrate(pool(url))));
    const all = readdirSync(MIGRATIONS_DIR)
      .map((f) => f.replace(/\.sql$/, ""))
      .sort();
    expect(all[0]).toBe("0001_system-of-record");
    expect(results.filter((r) => r.length > 0)).toEqual([all]);
    const again = runScript("scripts/migrate.ts", url);
    expect(again.stdout.trim()).toBe("the database is up to date");
    expect(again.status).toBe(0);
  });

  it("stops the bot with one clear line when the database is newer than the build", async () => {
    const url = await freshDatabase();
    const db = pool(url);
    await migrate(db);
    await db.query("INSERT INTO schema_migrations (name, run_on) VALUES ('9999_from-the-future', now())");
    await expect(migrate(db)).rejects.toThrow(/schema is newer than this build.*9999_from-the-future/);
    const bot = spawnBot({ BOT_TOKEN: "123456:SCHEMA-token-abcdefghijklmnopqrstuv", DATABASE_URL: url, PORT: "0" });
    expect(await bot.exited).toBe(1);
    expect(bot.output().trim().split("\n")).toEqual([expect.stringMatching(/^Fatal: the database schema is newer than this build/)]);
  });

  it("refuses what the code must never do: overdraw, rewrite the ledger, charge an order twice", async () => {
    const url = await freshDatabase();
    const db = pool(url);
    await migrate(db);
    const records = postgresRecords(db);
    await records.ledger.apply({ userId: 7, currency: "IDR", amount: 500, type: "credit", reason: "t", actor: "t", key: "c1" });
    await expect(db.query("UPDATE wallets SET balance = -1 WHERE user_id = 7")).rejects.toThrow(/check constraint/);
    await expect(db.query("UPDATE ledger_entries SET amount = 1000")).rejects.toThrow(/append-only/);
    await expect(db.query("DELETE FROM ledger_entries")).rejects.toThrow(/append-only/);
    await expect(db.query("DELETE FROM audit_log")).resolves.toBeDefined(); // empty: nothing to refuse
    await records.audit.append({ at: Date.now(), actor: 1, action: "credit" });
    await expect(db.query("DELETE FROM audit_log")).rejects.toThrow(/append-only/);
    await db.query(
      "INSERT INTO ledger_entries (id, user_id, currency, amount, balance_after, type, reason, actor, order_id, idempotency_key) VALUES (gen_random_uuid(), 7, 'IDR', -100, 400, 'debit', 'x', 'x', 'O1', 'k1')",
    );
    await expect(
      db.query(
        "INSERT INTO ledger_entries (id, user_id, currency, amount, balance_after, type, reason, actor, order_id, idempotency_key) VALUES (gen_random_uuid(), 7, 'IDR', -100, 300, 'debit', 'x', 'x', 'O1', 'k2')",
      ),
    ).rejects.toThrow(/ledger_one_debit_per_order/);
    // The raw insert above skipped the wallet: the check finds exactly that difference.
    expect(await records.reports.ledgerCheck()).toEqual([
      { kind: "balance", userId: 7, currency: "IDR", orderId: null, expected: 400, actual: 500 },
    ]);
    const check = runScript("scripts/ledger-check.ts", url);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/balance\tuser 7\tIDR\t-\texpected 400\tactual 500/);
  });

  it("prints a clean ledger check for a consistent database", async () => {
    const url = await freshDatabase();
    await migrate(pool(url));
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/ledger-check.ts"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", DATABASE_URL: url },
      encoding: "utf8",
    });
    expect(out.trim()).toBe("ledger check: clean");
  });
});
