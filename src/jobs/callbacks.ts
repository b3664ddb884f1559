/**
 * The "api-callbacks" queue (SPEC §8): every status change of an API order becomes an event with
 * a stable id, stored first, then POSTed to the reseller's callback URL, signed, one order's
 * events strictly in order, retried with back-off for 24 h.
 */
import { createHmac, randomUUID } from "node:crypto";
import { apiOrderView } from "../domain/api-orders.js";
import { guardedPost, type PostResult } from "../lib/guarded-fetch.js";
import type { Logger } from "../observability/logger.js";
import type { ApiEvent, ApiRecords, Kv, OrderRecord } from "../store/types.js";
import { RetryLater, type Queues } from "./types.js";

export interface CallbackTimings {
  /** Waits after the 1st, 2nd… failed attempt; the last repeats until `giveUpAfterMs`. */
  retryDelaysMs: readonly number[];
  giveUpAfterMs: number;
  timeoutMs: number;
  /** How often a sweep re-queues orders with undelivered events (a job lost with a memory queue, a crash). */
  sweepEveryMs: number;
}

export const DEFAULT_CALLBACK_TIMINGS: CallbackTimings = {
  retryDelaysMs: [10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000],
  giveUpAfterMs: 24 * 3_600_000,
  timeoutMs: 10_000,
  sweepEveryMs: 60_000,
};

/** `sha256=<hex HMAC-SHA256 of the raw body with the callback secret>`. */
export const signBody = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;

interface CallbackJob {
  orderId: string;
}

const LOCK_MS = 60_000;

export function apiCallbacks(deps: {
  api: ApiRecords;
  queues: Queues;
  kv: Kv;
  logger: Logger;
  allowPrivate: boolean;
  timings?: Partial<CallbackTimings>;
}) {
  const { api, queues, kv, logger } = deps;
  const t = { ...DEFAULT_CALLBACK_TIMINGS, ...deps.timings };

  /**
   * An order's state changed: if it is an API order and its reseller has a callback URL, the
   * event is stored (its seq is the order's history length, so the same change is one event
   * however often it is reported) and a delivery queued.
   */
  async function orderChanged(order: OrderRecord): Promise<void> {
    const ref = await api.refByOrder(order.id);
    if (!ref) return;
    const settings = await api.settings(ref.resellerId);
    if (!settings.callbackUrl) return;
    const seq = order.history.length;
    const eventId = `evt_${order.id}_${seq}`;
    const body = JSON.stringify({
      event_id: eventId,
      type: "order.updated",
      created_at: new Date(order.updatedAt).toISOString(),
      order: apiOrderView(order, ref.refId),
    });
    await api.addEvent({ eventId, orderId: order.id, resellerId: ref.resellerId, seq, body, createdAt: Date.now(), attempts: 0 });
    await queues.add<CallbackJob>("api-callbacks", { orderId: order.id }, { jobId: `cb:${order.id}:${seq}` });
  }

  /** One POST of an event, signed with the reseller's live key's secret. */
  async function post(event: ApiEvent, url: string, secret: string): Promise<PostResult> {
    const timestamp = String(Math.floor(Date.now() / 1000));
    return guardedPost(
      url,
      event.body,
      { "X-Signature": signBody(secret, event.body), "X-Timestamp": timestamp, "X-Event-Id": event.eventId },
      { timeoutMs: t.timeoutMs, allowPrivate: deps.allowPrivate },
    );
  }

  const delayAfter = (attempts: number) =>
    t.retryDelaysMs[Math.min(attempts, t.retryDelaysMs.length) - 1] ?? t.retryDelaysMs.at(-1) ?? 60_000;

  /**
   * Delivers the order's open events in seq order; the first failure stops the line (later
   * events wait behind it) and the job waits its back-off. One deliverer per order at a time,
   * whatever the process (a lock in the store).
   */
  async function deliver(orderId: string): Promise<void> {
    const token = randomUUID();
    if (!(await kv.setIfAbsent(`lock:api-callback:${orderId}`, token, LOCK_MS))) throw new RetryLater(500, "job");
    try {
      for (const event of await api.openEvents(orderId)) {
        const settings = await api.settings(event.resellerId);
        const key = await api.liveKey(event.resellerId);
        // No URL or no key any more: nobody is listening, and there is no secret to sign with.
        if (!settings.callbackUrl || !key) {
          await api.markEvent(event.eventId, { givenUpAt: Date.now() });
          continue;
        }
        const result = await post(event, settings.callbackUrl, key.callbackSecret);
        const now = Date.now();
        await api.patchSettings(event.resellerId, {
          lastCallback: { at: now, eventId: event.eventId, ok: result.ok, status: result.status, error: result.error },
        });
        if (result.ok) {
          await api.markEvent(event.eventId, { deliveredAt: now });
          continue;
        }
        const givingUp = now - event.createdAt >= t.giveUpAfterMs;
        await api.markEvent(event.eventId, givingUp ? { givenUpAt: now } : {});
        if (givingUp) {
          logger.warn({ orderId, eventId: event.eventId, attempts: event.attempts + 1 }, "callback given up after 24 h");
          continue;
        }
        throw new RetryLater(delayAfter(event.attempts + 1), "job");
      }
    } finally {
      await kv.deleteIf(`lock:api-callback:${orderId}`, token);
    }
  }

  /** The worker and the sweep in this process; returns the sweep's stop. */
  function start(): () => void {
    queues.process<CallbackJob>("api-callbacks", (job) => deliver(job.orderId), { concurrency: 8, attempts: 5 });
    const sweep = async () => {
      if (!(await kv.setIfAbsent("lock:api-callback-sweep", "1", Math.max(1, t.sweepEveryMs - 500)))) return;
      const bucket = Math.floor(Date.now() / t.sweepEveryMs);
      for (const orderId of await api.ordersWithOpenEvents(500)) {
        await queues.add<CallbackJob>("api-callbacks", { orderId }, { jobId: `cb:${orderId}:sweep:${bucket}` });
      }
    };
    const timer = setInterval(
      () => void sweep().catch((err: unknown) => logger.warn({ err }, "sweep of API callbacks failed")),
      t.sweepEveryMs,
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  /** The test ping /api sends when a URL is set: signed like an event, not stored, not retried. */
  async function ping(resellerId: number, url: string): Promise<PostResult> {
    const key = await api.liveKey(resellerId);
    const body = JSON.stringify({ event_id: `evt_ping_${randomUUID()}`, type: "ping", created_at: new Date().toISOString() });
    const result = await guardedPost(
      url,
      body,
      { ...(key ? { "X-Signature": signBody(key.callbackSecret, body) } : {}), "X-Timestamp": String(Math.floor(Date.now() / 1000)) },
      { timeoutMs: t.timeoutMs, allowPrivate: deps.allowPrivate },
    );
    return result;
  }

  return { orderChanged, deliver, start, ping };
}

export type ApiCallbacks = ReturnType<typeof apiCallbacks>;
