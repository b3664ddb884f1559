import type { Hono } from "hono";
import type { OrderService } from "../domain/orders.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { ProviderDirectory, ProviderId } from "../providers/types.js";
import type { Kv } from "../store/types.js";

const DEDUPE_TTL_MS = 14 * 24 * 3600_000;

/**
 * POST /webhooks/:provider — raw bytes → signature (401, nothing changes) → zod (400) →
 * dedupe (200, nothing again) → domain → dedupe marker. The chat messages it causes go out
 * through the queue, so the provider gets its answer in milliseconds.
 */
export function mountProviderWebhooks(app: Hono, deps: { providers: ProviderDirectory; orders: OrderService; kv: Kv; logger: Logger; metrics: Metrics }) {
  app.post("/webhooks/:provider", async (c) => {
    const id = c.req.param("provider") as ProviderId;
    const source = deps.providers.get(id)?.webhooks;
    const count = (outcome: string) => deps.metrics.webhookDeliveries.inc({ provider: source ? id : "unknown", outcome });
    if (!source) {
      count("no_such_provider");
      return c.json({ status: "error", message: "not found" }, 404);
    }
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!source.verify(raw, c.req.raw.headers)) {
      count("bad_signature");
      deps.logger.warn({ provider: id }, "webhook with a bad or missing signature refused");
      return c.json({ status: "error", message: "invalid signature" }, 401);
    }
    let event;
    try {
      event = source.parse(raw);
    } catch {
      count("malformed");
      return c.json({ status: "error", message: "malformed payload" }, 400);
    }
    const marker = `webhook:${id}:${event.deliveryId}`;
    if ((await deps.kv.getJson(marker)) !== undefined) {
      count("duplicate");
      return c.json({ status: "success", duplicate: true });
    }
    try {
      // The marker is written only once the event is applied: a process that dies half-way
      // leaves none, and the provider's retry finishes the work. applyWebhook is idempotent, so
      // a duplicate racing the first delivery changes nothing and sends no second message.
      const result = await deps.orders.applyWebhook(event);
      await deps.kv.setJson(marker, 1, DEDUPE_TTL_MS);
      count(result);
      return c.json({ status: "success" });
    } catch (err) {
      count("error");
      deps.logger.error({ err, provider: id, deliveryId: event.deliveryId }, "webhook processing failed");
      return c.json({ status: "error" }, 500);
    }
  });
}
