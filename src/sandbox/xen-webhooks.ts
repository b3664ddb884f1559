/**
 * The fake xen's webhook sender: signed POSTs as the document describes (X-Webhook-Signature =
 * hex HMAC-SHA256 of the raw body with the webhook secret), computed here with node:crypto.
 * It can also forge a delivery (wrong secret, tampered body, no signature) and resend one.
 */
import { createHmac } from "node:crypto";

export type XenFakeEvent =
  | "license.activated"
  | "license.revoked"
  | "license.domain_changed"
  | "order.paid"
  | "order.refunded"
  | "subscription.created"
  | "subscription.canceled";

/** How to spoil a delivery: signed with another secret, body changed after signing, or unsigned. */
export type XenForgery = "wrong_secret" | "tampered_body" | "no_signature";

export interface XenWebhookAttempt {
  at: number;
  status?: number;
  error?: string;
}

export interface XenWebhookDelivery {
  index: number;
  event: XenFakeEvent;
  url?: string;
  /** The exact bytes sent. */
  body: string;
  headers: Record<string, string>;
  forged?: XenForgery;
  attempts: XenWebhookAttempt[];
  outcome: "delivered" | "failed" | "no_webhook_url";
}

export class XenWebhookSender {
  url: string | undefined;
  private log: XenWebhookDelivery[] = [];

  constructor(
    private readonly secret: string,
    /** Assumption: the document gives no delivery timeout; 10 s, and only a 2xx counts as delivered. */
    private readonly timeoutMs = 10_000,
  ) {}

  /**
   * Sends once. Assumption: the document describes no retries, so the fake makes none;
   * `redeliver` resends on demand (duplicate-delivery tests).
   */
  async send(event: XenFakeEvent, payload: unknown, forge?: XenForgery, url = this.url): Promise<XenWebhookDelivery> {
    const signed = JSON.stringify(payload);
    const headers: Record<string, string> = { "Content-Type": "application/json" };
    if (forge !== "no_signature") {
      headers["X-Webhook-Signature"] = hmacHex(forge === "wrong_secret" ? `${this.secret}-not` : this.secret, signed);
    }
    // Tampering after signing: the bytes differ from what the signature covers.
    const body = forge === "tampered_body" ? signed.replace(/\}$/, ',"tampered":true}') : signed;
    const delivery: XenWebhookDelivery = {
      index: this.log.length,
      event,
      url,
      body,
      headers,
      forged: forge,
      attempts: [],
      outcome: "no_webhook_url",
    };
    this.log.push(delivery);
    if (url) await this.post(delivery);
    return copy(delivery);
  }

  /** Sends the exact same bytes and headers again. */
  async redeliver(index: number): Promise<XenWebhookDelivery> {
    const delivery = this.log[index];
    if (!delivery) throw new RangeError(`xen fake: no webhook delivery #${index}`);
    await this.post(delivery);
    return copy(delivery);
  }

  list(): XenWebhookDelivery[] {
    return this.log.map(copy);
  }

  clear(): void {
    this.log = [];
  }

  private async post(d: XenWebhookDelivery): Promise<void> {
    const at = Date.now();
    const url = d.url ?? this.url;
    if (!url) return;
    try {
      const res = await fetch(url, { method: "POST", headers: d.headers, body: d.body, signal: AbortSignal.timeout(this.timeoutMs) });
      await res.arrayBuffer().catch(() => undefined);
      d.attempts.push({ at, status: res.status });
      d.outcome = res.status >= 200 && res.status < 300 ? "delivered" : "failed";
    } catch (e) {
      d.attempts.push({ at, error: e instanceof Error ? e.message : String(e) });
      d.outcome = "failed";
    }
  }
}

function hmacHex(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("hex");
}

function copy(d: XenWebhookDelivery): XenWebhookDelivery {
  return { ...d, headers: { ...d.headers }, attempts: d.attempts.map((a) => ({ ...a })) };
}
