import type { MessageArgs, NotificationButton } from "../domain/notifications.js";
import type { OrderService, Scheduler } from "../domain/orders.js";
import type { Broadcasts } from "../domain/broadcasts.js";
import type { Resellers } from "../domain/resellers.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { Kv } from "../store/types.js";
import type { NotificationJob } from "./notifier.js";
import type { OrderJob } from "./scheduler.js";
import { RetryLater, type Queues } from "./types.js";

export type DeliveryResult =
  | { status: "sent" }
  /** 403: the user blocked the bot. Not retried. */
  | { status: "blocked" }
  /** 400 chat not found and the like: retrying cannot help. */
  | { status: "undeliverable"; reason: string }
  /** 429: Telegram asked us to wait. */
  | { status: "rate_limited"; retryAfterMs: number };

/** The narrow port main.ts wires to the Bot API: render in the user's language and send. */
export interface ChatDelivery {
  deliver(userId: number, key: string, args?: MessageArgs, buttons?: NotificationButton[][]): Promise<DeliveryResult>;
}

/** Telegram's documented pace: about 30 messages a second overall, about one a second per chat. */
export const TELEGRAM_LIMITS = { globalPerSecond: 25, perChatIntervalMs: 1000 };

export function startWorkers(deps: {
  queues: Queues;
  delivery: ChatDelivery;
  orders: OrderService;
  scheduler: Scheduler;
  resellers: Resellers;
  broadcasts: Broadcasts;
  kv: Kv;
  logger: Logger;
  metrics?: Metrics;
}) {
  const { queues, kv, logger, metrics } = deps;

  queues.process<NotificationJob>(
    "notifications",
    async (job, meta) => {
      // One message a second per chat across every process: a short-lived marker in the store.
      if (!(await kv.setIfAbsent(`tg:chat:${job.userId}`, "1", TELEGRAM_LIMITS.perChatIntervalMs))) {
        throw new RetryLater(TELEGRAM_LIMITS.perChatIntervalMs, "job");
      }
      const result = await deps.delivery.deliver(job.userId, job.key, job.args, job.buttons).catch(async (err: unknown) => {
        metrics?.notifications.inc({ outcome: meta.final ? "failed" : "retried" });
        if (meta.final && job.broadcastId) await deps.broadcasts.record(job.broadcastId, "failed");
        throw err;
      });
      if (result.status === "rate_limited") {
        metrics?.notifications.inc({ outcome: "rate_limited" });
        throw new RetryLater(result.retryAfterMs, "queue");
      }
      const outcome = result.status === "sent" ? "delivered" : result.status === "blocked" ? "blocked" : "failed";
      metrics?.notifications.inc({ outcome });
      if (result.status === "blocked") await deps.resellers.markBlocked(job.userId, true);
      if (result.status === "undeliverable") logger.warn({ userId: job.userId, reason: result.reason }, "notification undeliverable");
      if (job.broadcastId) await deps.broadcasts.record(job.broadcastId, outcome);
    },
    { concurrency: 8, attempts: 6, limiter: { max: TELEGRAM_LIMITS.globalPerSecond, durationMs: 1000 } },
  );

  queues.process<OrderJob>(
    "status-polls",
    async ({ orderId, attempt }) => {
      if ((await deps.orders.poll(orderId)) === "again") await deps.scheduler.statusPoll(orderId, attempt + 1);
    },
    { concurrency: 4, attempts: 3 },
  );

  queues.process<OrderJob>(
    "reconcile",
    async ({ orderId, attempt }) => {
      if ((await deps.orders.reconcile(orderId)) === "again" && attempt < 20) await deps.scheduler.reconcile(orderId, attempt + 1);
    },
    { concurrency: 2, attempts: 3 },
  );
}
