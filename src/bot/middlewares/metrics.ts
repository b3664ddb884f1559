import type { MiddlewareFn, Context } from "grammy";
import type { Metrics } from "../../observability/metrics.js";

export function updateMetrics(metrics: Metrics): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const type = Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
    const end = metrics.handlerSeconds.startTimer();
    try {
      await next();
      metrics.updates.inc({ type, outcome: "ok" });
    } catch (err) {
      metrics.updates.inc({ type, outcome: "error" });
      throw err;
    } finally {
      end();
    }
  };
}
