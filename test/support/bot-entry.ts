/**
 * The real app in a process of its own, as src/main.ts runs it, with AppOptions from
 * TEST_APP_OPTIONS (JSON): fault tests shorten the sweep and back-off timings of a process they
 * kill. Not used in production; main.ts stays the only entry point there.
 */
import { createApp, type AppOptions } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";

const options = JSON.parse(process.env.TEST_APP_OPTIONS ?? "{}") as AppOptions;
const app = await createApp(loadConfig(), options);
process.on("SIGTERM", () => void app.stop().then(() => process.exit(0)));
await app.start();
