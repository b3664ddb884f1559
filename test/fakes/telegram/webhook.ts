import { setTimeout as sleep } from "node:timers/promises";
import type { Update, WebhookInfo } from "grammy/types";
import { unixTime } from "./state.js";
import type { UpdateQueue } from "./updates.js";

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
}

export interface WebhookRetry {
  /** Deliveries tried per update before it is dropped. Default 5. */
  attempts: number;
  /** Pause between tries. Default 200 ms. */
  delayMs: number;
}

const DELIVERY_TIMEOUT_MS = 30_000;

/** The chat an update belongs to: Telegram delivers one update at a time per chat. */
function chatKey(update: Update): string {
  const body = Object.values(update).find((value) => typeof value === "object") as
    | { chat?: { id: number }; message?: { chat: { id: number } }; from?: { id: number } }
    | undefined;
  return String(body?.chat?.id ?? body?.message?.chat.id ?? body?.from?.id ?? "");
}

/**
 * Pushes queued updates to the webhook like Telegram: a POST with the update as JSON and
 * the secret header, waiting for each answer; in order within a chat, chats in parallel;
 * a failed delivery is retried, then dropped.
 */
export class Webhook {
  config: WebhookConfig | undefined;
  private lastError: { date: number; message: string } | undefined;
  private readonly busyChats = new Set<string>();
  private readonly inFlight = new Set<Update>();
  private readonly closing = new AbortController();

  constructor(
    private readonly queue: UpdateQueue,
    private readonly retry: WebhookRetry,
  ) {
    queue.onPush(() => this.pump());
  }

  set(config: WebhookConfig): void {
    this.config = config;
    this.lastError = undefined;
    this.pump();
  }

  delete(): void {
    this.config = undefined;
  }

  close(): void {
    this.config = undefined;
    this.closing.abort();
  }

  info(): WebhookInfo {
    const allowed = this.queue.allowedUpdates;
    return {
      url: this.config?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.queue.size,
      ...(this.config ? { max_connections: this.config.maxConnections, ip_address: "127.0.0.1" } : {}),
      ...(this.config && allowed ? { allowed_updates: allowed as WebhookInfo["allowed_updates"] } : {}),
      ...(this.lastError ? { last_error_date: this.lastError.date, last_error_message: this.lastError.message } : {}),
    };
  }

  private pump(): void {
    if (!this.config) return;
    for (const update of this.queue.deliverable()) {
      const chat = chatKey(update);
      if (this.inFlight.has(update) || this.busyChats.has(chat)) continue;
      this.inFlight.add(update);
      this.busyChats.add(chat);
      void this.deliver(update).finally(() => {
        this.inFlight.delete(update);
        this.busyChats.delete(chat);
        this.pump();
      });
    }
  }

  private async deliver(update: Update): Promise<void> {
    for (let attempt = 1; attempt <= this.retry.attempts; attempt++) {
      // Webhook removed meanwhile: the update stays queued for whoever comes next.
      if (!this.config) return;
      const failure = await this.post(this.config, update);
      if (failure === undefined) break;
      this.lastError = { date: unixTime(), message: failure };
      if (attempt < this.retry.attempts) {
        const stopped = await sleep(this.retry.delayMs, false, { signal: this.closing.signal }).catch(() => true);
        if (stopped) return;
      }
    }
    this.queue.confirm(update);
  }

  /** One delivery; resolves with an error text, or undefined on a 2xx. */
  private async post(config: WebhookConfig, update: Update): Promise<string | undefined> {
    try {
      const response = await fetch(config.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(config.secretToken ? { "X-Telegram-Bot-Api-Secret-Token": config.secretToken } : {}),
        },
        body: JSON.stringify(update),
        signal: AbortSignal.any([AbortSignal.timeout(DELIVERY_TIMEOUT_MS), this.closing.signal]),
      });
      await response.arrayBuffer();
      return response.ok ? undefined : `Wrong response from the webhook: ${response.status} ${response.statusText}`;
    } catch (error) {
      return error instanceof Error ? `Connection failed: ${error.message}` : "Connection failed";
    }
  }
}
