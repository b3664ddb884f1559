import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { createPool, migrate, postgresRecords } from "../../src/store/postgres/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";

const logger = createLogger({ level: "silent" });
const pools: ReturnType<typeof createPool>[] = [];
afterAll(async () => {
  for (const p of pools) await p.end();
});

async function at0012() {
  const pool = createPool(await freshDatabase(), logger);
  pools.push(pool);
  expect((await migrate(pool, undefined, { upTo: "0012_team" })).at(-1)).toBe("0012_team");
  return pool;
}

/** 0013 moves the whole-bot switch out of settings into the maintenance table. */
describe.skipIf(!postgresAvailable)("migration 0013_maintenance", () => {
  it("turns an old switch that was on into the whole-bot row, and drops the settings row", async () => {
    const pool = await at0012();
    await pool.query("INSERT INTO settings (key, value) VALUES ('maintenance', 'true'::jsonb), ('other', '1'::jsonb)");
    expect(await migrate(pool, undefined, { upTo: "0013_maintenance" })).toEqual(["0013_maintenance"]);
    const entries = await postgresRecords(pool).maintenance.list();
    expect(entries).toMatchObject([{ scope: "bot", target: "", auto: false }]);
    const left = await pool.query("SELECT key FROM settings ORDER BY key");
    expect(left.rows).toEqual([{ key: "other" }]);
  });

  it("an old switch that was off leaves nothing in maintenance", async () => {
    const pool = await at0012();
    await pool.query("INSERT INTO settings (key, value) VALUES ('maintenance', 'false'::jsonb)");
    await migrate(pool, undefined, { upTo: "0013_maintenance" });
    expect(await postgresRecords(pool).maintenance.list()).toEqual([]);
    expect((await pool.query("SELECT 1 FROM settings WHERE key = 'maintenance'")).rowCount).toBe(0);
  });

  it("refuses a migration name it does not know", async () => {
    const pool = await at0012();
    await expect(migrate(pool, undefined, { upTo: "0099_nothing" })).rejects.toThrow(/no migration named/);
  });
});
