/**
 * The real app in a process of its own, as src/main.ts runs it, with Timings from
 * TEST_APP_TIMINGS (JSON): fault tests shorten the sweep and back-off timings of a process they
 * kill. Stops on signals as main.ts does. Not used in production; main.ts stays the only entry point there.
 */
import { createApp, type Timings } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { placementGraceMs } from "../../src/providers/registry.js";
import { exitOnSignals } from "../../src/shutdown.js";

const timings = JSON.parse(process.env.TEST_APP_TIMINGS ?? "{}") as Timings;
const app = await createApp(loadConfig(), { timings });
exitOnSignals(app, placementGraceMs(timings.providerTimeouts) + 15_000);
await app.start();
