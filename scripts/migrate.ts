/**
 * `npm run migrate`: applies pending migrations to DATABASE_URL and exits, for operators who
 * migrate before rolling out (the bot also does it at start, one process at a time).
 */
import { createLogger } from "../src/observability/logger.js";
import { createPool, migrate } from "../src/store/postgres/index.js";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required");
  process.exit(1);
}
const pool = createPool(url, createLogger({ level: "silent" }), 1);
try {
  const applied = await migrate(pool);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
} catch (err) {
  console.error(`migration failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await pool.end();
}
