import type { App } from "./app.js";

/**
 * SIGTERM/SIGINT stop the app (updates in flight and running jobs finish, stores close), then
 * exit; past `forceAfterMs` the process exits by force. The container's stop timeout must be
 * longer (README: Deployment), or its SIGKILL cuts a provider call in flight.
 */
export function exitOnSignals(app: App, forceAfterMs: number): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.services.logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), forceAfterMs).unref();
    await app.stop();
    clearTimeout(force);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
