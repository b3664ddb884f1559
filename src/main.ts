import { createApp } from "./app.js";
import { type Config, ConfigError, loadConfig, SECRET_VARS } from "./config.js";
import { makeRedactor } from "./observability/logger.js";
import { placementGraceMs } from "./providers/registry.js";
import { exitOnSignals } from "./shutdown.js";

/** Entry point of `npm start`: configuration errors end the process with one clear line. */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`Configuration error: ${err.message}`);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp(config);
  // Past the jobs' grace (a placement in flight), with time to close the stores.
  exitOnSignals(app, placementGraceMs() + 15_000);
  await app.start();
}

main().catch((err: unknown) => {
  // The message only, with secret values blanked: it could carry a URL with credentials.
  const redact = makeRedactor(SECRET_VARS.map((v) => process.env[v] ?? ""));
  console.error(`Fatal: ${redact(err instanceof Error ? err.message : String(err))}`);
  process.exit(1);
});
