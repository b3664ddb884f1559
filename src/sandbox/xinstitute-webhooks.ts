/**
 * The fake xinstitute's webhook sender, as its document describes: signed POSTs, attempt 1 at
 * once, attempt 2 after 60 s, attempt 3 after 120 s more, then marked failed.
 */
import { createHmac } from "node:crypto";

export type XinstituteEvent = "shipped" | "cancelled" | "failed_delivery";

export interface WebhookAttempt {
  at: number;
  status?: number;
  error?: string;
}

export interface WebhookDelivery {
  index: number;
  event: XinstituteEvent;
  orderId: string;
  url?: string;
  /** The exact bytes sent (and signed). */
  body: string;
  headers: Record<string, string>;
  attempts: WebhookAttempt[];
  outcome: "pending" | "delivered" | "failed" | "no_webhook_url";
}

export const DOCUMENTED_RETRY_DELAYS_MS = [60_000, 120_000];

export class WebhookSender {
  url: string | undefined;
  private log: WebhookDelivery[] = [];
  private timers = new Set<{ timer: ReturnType<typeof setTimeout>; finish: () => void }>();

  constructor(
    private readonly secret: string,
    private readonly retryDelaysMs: number[] = DOCUMENTED_RETRY_DELAYS_MS,
    /** The document gives no timeout for a delivery; we assume 10 s, and only 2xx counts as delivered. */
    private readonly timeoutMs = 10_000,
  ) {}

  /** Sends with the retry schedule; resolves once delivered, failed, or the fake stops. */
  send(event: XinstituteEvent, orderId: string, payload: unknown): Promise<WebhookDelivery> {
    const body = JSON.stringify(payload);
    const delivery: WebhookDelivery = {
      index: this.log.length,
      event,
      orderId,
      url: this.url,
      body,
      headers: {
        "Content-Type": "application/json",
        "X-Webhook-Signature": createHmac("sha256", this.secret).update(body).digest("hex"),
        "X-Webhook-Event": event,
        "User-Agent": "X-Institute-Webhook/1.0",
      },
      attempts: [],
      outcome: this.url ? "pending" : "no_webhook_url",
    };
    this.log.push(delivery);
    if (!this.url) return Promise.resolve(copy(delivery));
    return new Promise((resolve) => {
      const run = async (n: number): Promise<void> => {
        const attempt = await this.post(delivery);
        delivery.attempts.push(attempt);
        if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) {
          delivery.outcome = "delivered";
          return resolve(copy(delivery));
        }
        const delay = this.retryDelaysMs[n];
        if (delay === undefined) {
          delivery.outcome = "failed";
          return resolve(copy(delivery));
        }
        const entry = {
          timer: setTimeout(() => {
            this.timers.delete(entry);
            void run(n + 1);
          }, delay),
          finish: () => resolve(copy(delivery)),
        };
        this.timers.add(entry);
      };
      void run(0);
    });
  }

  /** Sends the exact same bytes and headers again, once (duplicate-delivery tests). */
  async redeliver(index: number): Promise<WebhookAttempt> {
    const delivery = this.log[index];
    if (!delivery) throw new RangeError(`no webhook delivery #${index}`);
    const attempt = await this.post(delivery);
    delivery.attempts.push(attempt);
    if (attempt.status !== undefined && attempt.status >= 200 && attempt.status < 300) delivery.outcome = "delivered";
    return { ...attempt };
  }

  list(): WebhookDelivery[] {
    return this.log.map(copy);
  }

  /** Cancels scheduled retries; their senders resolve with the state so far. */
  stop(): void {
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.finish();
    }
    this.timers.clear();
  }

  clear(): void {
    this.stop();
    this.log = [];
  }

  private async post(d: WebhookDelivery): Promise<WebhookAttempt> {
    const at = Date.now();
    const url = d.url ?? this.url;
    if (!url) return { at, error: "no webhook url" };
    try {
      const res = await fetch(url, { method: "POST", headers: d.headers, body: d.body, signal: AbortSignal.timeout(this.timeoutMs) });
      await res.arrayBuffer().catch(() => undefined);
      return { at, status: res.status };
    } catch (e) {
      return { at, error: e instanceof Error ? e.message : String(e) };
    }
  }
}

function copy(d: WebhookDelivery): WebhookDelivery {
  return { ...d, headers: { ...d.headers }, attempts: d.attempts.map((a) => ({ ...a })) };
}
