import type { MessageArgs } from "../domain/notifications.js";
import { ProviderBusy, type OrderService, type Scheduler } from "../domain/orders.js";
import type { Broadcasts } from "../domain/broadcasts.js";
import type { Resellers } from "../domain/resellers.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { Kv } from "../store/types.js";
import { chatPacer } from "./chat-pacer.js";
import { isTeamAlert, type NotificationsJob, type QueuedButton } from "./notifier.js";
import type { TeamAlerts } from "./team-alerts.js";
import { PLACEMENT_CONCURRENCY, type OrderJob, type PlacementJob } from "./scheduler.js";
import { RetryLater, type Queues } from "./types.js";

export type DeliveryResult =
  /** The sent message's id (a caller that maps replies to it keeps it). */
  | { status: "sent"; messageId: number }
  /** 403: the user blocked the bot. Not retried. */
  | { status: "blocked" }
  /** 400 chat not found and the like: retrying cannot help. */
  | { status: "undeliverable"; reason: string }
  /** 429: Telegram asked us to wait. */
  | { status: "rate_limited"; retryAfterMs: number };

/** The narrow port app.ts wires to the Bot API: render in the user's language and send. */
export interface ChatDelivery {
  deliver(userId: number, key: string, args?: MessageArgs, buttons?: QueuedButton[][]): Promise<DeliveryResult>;
}

/**
 * Telegram's documented pace: about 30 messages a second overall, about one a second per chat.
 * The global figure is used whole: the limiter below is what bounds the rate (each chat gets at
 * most one slot a second, and a broadcast's chats are all different), and at 25 a broadcast ran at
 * 0.82 of what Telegram allows. At 30, counted as 6 per 200 ms, any interval of T seconds carries at
 * most 30·T + 12 messages, within a bucket of 30 refilled at 30/s; a 429 still pauses the queue.
 * A group takes about 20 messages a minute, not one a second: the operator group gets one per 3 s.
 */
export const TELEGRAM_LIMITS = { globalPerSecond: 30, perChatIntervalMs: 1000, perGroupIntervalMs: 3000 };

/** How many chats answering 429 within a second mean Telegram's overall limit, not one chat's. */
const OVERALL_FLOOD_CHATS = 3;

/** Remembers the chats that got a 429 in the last second (this process). */
function floodWatcher(windowMs = 1000) {
  const recent = new Map<number, number>();
  return {
    overall(chatId: number): boolean {
      const now = Date.now();
      recent.set(chatId, now);
      for (const [chat, at] of recent) if (now - at > windowMs) recent.delete(chat);
      return recent.size >= OVERALL_FLOOD_CHATS;
    },
  };
}

/** A placement takes at most the provider's order timeout (7 s) plus a queue wait; 2 min is ample. */
const INTERRUPTED_AFTER_MS = 120_000;
export interface SweepTimings {
  everyMs: number;
  /** An order still in our own "pending" this long after creation was interrupted. */
  interruptedAfterMs: number;
  /** An order changed this recently may still be about to queue its own job. */
  orphanQuietMs: number;
}
const SWEEP: SweepTimings = { everyMs: 60_000, interruptedAfterMs: INTERRUPTED_AFTER_MS, orphanQuietMs: 30_000 };

/** Starts every worker in this process; returns a function that stops the periodic sweep. */
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
  /** The operator group's alerts (jobs/team-alerts.ts); absent: no ADMIN_CHAT_ID. */
  teamAlerts?: TeamAlerts;
  /** Sweep timings; tests shorten them. */
  sweep?: Partial<SweepTimings>;
}) {
  const { queues, kv, logger, metrics } = deps;
  const interval = TELEGRAM_LIMITS.perChatIntervalMs;
  const pacer = chatPacer(kv, interval);
  const floodWatch = floodWatcher();

  const team = deps.teamAlerts;

  queues.process<NotificationsJob>(
    "notifications",
    async (job, meta) => {
      if (isTeamAlert(job)) {
        if (team) return team.handle(job, meta);
        // The app always passes the sender (it falls back to the owners itself); a bare worker has none.
        return void logger.warn({ key: job.key }, "operator group alert dropped: no team alert sender in this process");
      }
      // The slot claimed on an earlier run is ours until it ends; a missed one (a paused queue, a
      // busy limiter, a retry after an error) is claimed anew.
      const slot = job.slot !== undefined && Date.now() < (job.slot + 1) * interval ? job.slot : await pacer.claim(job.userId);
      const wait = slot * interval - Date.now();
      if (wait > 0) throw new RetryLater(wait, "job", { slot });
      const result = await deps.delivery.deliver(job.userId, job.key, job.args, job.buttons).catch(async (err: unknown) => {
        metrics?.notifications.inc({ outcome: meta.final ? "failed" : "retried" });
        if (meta.final && job.broadcastId) await deps.broadcasts.record(job.broadcastId, "failed");
        throw err;
      });
      if (result.status === "rate_limited") {
        metrics?.notifications.inc({ outcome: "rate_limited" });
        // Our own limiter keeps the queue within the overall rate, so a lone 429 is this chat's
        // (the chat flow's own replies share its 1/s): only this chat waits, or every other
        // reseller's push would wait behind it. 429s for several chats at once mean the overall
        // limit: then the whole queue waits.
        const until = Date.now() + result.retryAfterMs;
        await pacer.holdUntil(job.userId, until);
        if (floodWatch.overall(job.userId)) throw new RetryLater(result.retryAfterMs, "queue");
        throw new RetryLater(result.retryAfterMs, "job", { slot: undefined });
      }
      const outcome = result.status === "sent" ? "delivered" : result.status === "blocked" ? "blocked" : "failed";
      metrics?.notifications.inc({ outcome });
      if (result.status === "blocked") await deps.resellers.markBlocked(job.userId, true);
      if (result.status === "undeliverable") logger.warn({ userId: job.userId, reason: result.reason }, "notification undeliverable");
      if (job.broadcastId) await deps.broadcasts.record(job.broadcastId, outcome);
    },
    // BullMQ's limiter counts in fixed windows: one window's worth at the end of a second and the
    // next at the start of the following one is twice the rate for a moment (60 in a few ms, over
    // Telegram's ~30/s, answered with 429s that pause everything). Fifths of a second cap that at 12.
    { concurrency: 8, attempts: 6, limiter: { max: TELEGRAM_LIMITS.globalPerSecond / 5, durationMs: 200 } },
  );

  // The provider call of a Confirm. Waiting for the provider's budget is a RetryLater (nothing was
  // sent); a process that dies mid-call does not re-run it (the provider might get it twice): the
  // order stays pending and the sweep declares it unknown for reconciliation.
  queues.process<PlacementJob>(
    "placements",
    async ({ orderId }) => {
      try {
        await deps.orders.announce(await deps.orders.send(orderId, "wait"));
      } catch (err) {
        if (err instanceof ProviderBusy) throw new RetryLater(err.retryAfterMs, "job");
        throw err;
      }
    },
    { concurrency: PLACEMENT_CONCURRENCY, attempts: 1, noRerunAfterCrash: true },
  );

  queues.process<OrderJob>(
    "status-polls",
    async ({ orderId, attempt, chain }) => {
      if ((await deps.orders.poll(orderId)) === "again") await deps.scheduler.statusPoll(orderId, attempt + 1, chain);
    },
    { concurrency: 4, attempts: 3 },
  );

  // Every process sweeps interrupted orders (the transition is a compare-and-set, so only one wins
  // per order); open orders without a job are revived by one process at a time (a lock in the
  // store), since two would start two chains of polls for one order.
  const orderJobs = async (queue: "placements" | "status-polls" | "reconcile") =>
    new Set((await queues.queuedData<OrderJob>(queue)).map((j) => j.orderId));
  const runSweep = async () => {
    await deps.orders.sweepInterrupted(timings.interruptedAfterMs, await orderJobs("placements"));
    if (!(await kv.setIfAbsent("lock:order-sweep", "1", Math.max(1, timings.everyMs - 500)))) return;
    await deps.orders.reviveOrphans(
      { polls: await orderJobs("status-polls"), reconciles: await orderJobs("reconcile") },
      timings.orphanQuietMs,
    );
  };
  const timings = { ...SWEEP, ...deps.sweep };
  const sweep = setInterval(
    () => void runSweep().catch((err: unknown) => logger.warn({ err }, "sweep of open orders failed")),
    timings.everyMs,
  );
  sweep.unref();

  queues.process<OrderJob>(
    "reconcile",
    async ({ orderId, attempt, chain }) => {
      if ((await deps.orders.reconcile(orderId, attempt)) === "again") await deps.scheduler.reconcile(orderId, attempt + 1, chain);
    },
    { concurrency: 2, attempts: 3 },
  );

  return () => clearInterval(sweep);
}
