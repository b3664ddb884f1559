import type { Hono } from "hono";
import type { Licences } from "../domain/licences.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { ProviderDirectory } from "../providers/types.js";
import type { Kv } from "../store/types.js";

const DEDUPE_TTL_MS = 14 * 24 * 3600_000;

/**
 * POST /webhooks/xen — xen's events are about licences, not our orders, so they have their own
 * route beside webhooks.ts, with the same steps: raw bytes → signature (401, nothing changes) →
 * zod (400) → dedupe (200, nothing again) → domain (messages queued) → dedupe marker. Mounted
 * before the generic /webhooks/:provider, which would answer 404 for xen.
 */
export function mountXenWebhook(app: Hono, deps: { providers: ProviderDirectory; licences: Licences; kv: Kv; logger: Logger; metrics: Metrics }) {
  app.post("/webhooks/xen", async (c) => {
    const source = deps.providers.get("xen")?.licenceWebhooks;
    const count = (outcome: string) => deps.metrics.webhookDeliveries.inc({ provider: source ? "xen" : "unknown", outcome });
    if (!source) {
      count("no_such_provider");
      return c.json({ status: "error", message: "not found" }, 404);
    }
    const raw = new Uint8Array(await c.req.arrayBuffer());
    if (!source.verify(raw, c.req.raw.headers)) {
      count("bad_signature");
      deps.logger.warn({ provider: "xen" }, "webhook with a bad or missing signature refused");
      return c.json({ status: "error", message: "invalid signature" }, 401);
    }
    let event;
    try {
      event = source.parse(raw);
    } catch {
      count("malformed");
      return c.json({ status: "error", message: "malformed payload" }, 400);
    }
    const marker = `webhook:xen:${event.deliveryId}`;
    if ((await deps.kv.getJson(marker)) !== undefined) {
      count("duplicate");
      return c.json({ status: "success", duplicate: true });
    }
    try {
      // Written only once the messages are queued: a process that dies half-way leaves no marker,
      // and a redelivery finishes the work; the queue's job ids keep a racing duplicate to one message.
      const result = await deps.licences.applyWebhook(event);
      await deps.kv.setJson(marker, 1, DEDUPE_TTL_MS);
      count(result);
      return c.json({ status: "success" });
    } catch (err) {
      count("error");
      deps.logger.error({ err, provider: "xen", deliveryId: event.deliveryId }, "webhook processing failed");
      return c.json({ status: "error" }, 500);
    }
  });
}
