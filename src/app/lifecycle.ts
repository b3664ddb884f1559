import type { Logger } from "../observability/logger.js";

/**
 * What an area runs. A part with a start is started with the app; one without (a store, a queue
 * connection) was opened when it was built. Either way its stop ends it.
 */
export interface Part {
  name: string;
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}

/**
 * One list of parts, started in order and stopped in reverse: what takes work in (updates,
 * HTTP) stops before what does the work (workers) and what that needs (queues, the store). A part
 * that fails to start stops everything before it; stopping an app that never started closes what
 * was opened while building it.
 */
export function lifecycle(parts: readonly Part[], logger: Logger) {
  let started = 0;
  let stopping: Promise<void> | undefined;

  async function stopParts(): Promise<void> {
    const live = parts.filter((p, i) => !p.start || i < started);
    for (const part of live.reverse()) {
      try {
        await part.stop?.();
      } catch (err) {
        logger.error({ err, part: part.name }, "part did not stop cleanly");
      }
    }
  }

  return {
    async start(): Promise<void> {
      for (const part of parts) {
        try {
          await part.start?.();
        } catch (err) {
          await this.stop();
          throw err;
        }
        started++;
      }
    },
    stop(): Promise<void> {
      stopping ??= stopParts();
      return stopping;
    },
  };
}
