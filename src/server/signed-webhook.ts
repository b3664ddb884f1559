import type { Context } from "hono";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { Kv } from "../store/types.js";

const DEDUPE_TTL_MS = 14 * 24 * 3600_000;

/** A provider's signed webhook: its check, its parser, and what the domain does with an event. */
export interface SignedWebhook<E extends { deliveryId: string }> {
  provider: string;
  verify(rawBody: Uint8Array, headers: Headers): boolean;
  parse(rawBody: Uint8Array): E;
  apply(event: E): Promise<string>;
}

/**
 * The one way a signed provider webhook is handled: raw bytes → signature (401, nothing changes)
 * → zod (400) → dedupe (200, nothing again) → domain → dedupe marker. The marker is written only
 * once the event is applied: a process that dies half-way leaves none, and the provider's retry
 * finishes the work (every apply is idempotent, so a duplicate racing the first changes nothing).
 * The chat messages it causes go out through the queue, so the provider is answered in milliseconds.
 */
export async function handleSignedWebhook<E extends { deliveryId: string }>(
  c: Context,
  hook: SignedWebhook<E> | undefined,
  deps: { kv: Kv; logger: Logger; metrics: Metrics },
): Promise<Response> {
  const count = (outcome: string) => deps.metrics.webhookDeliveries.inc({ provider: hook?.provider ?? "unknown", outcome });
  if (!hook) {
    count("no_such_provider");
    return c.json({ status: "error", message: "not found" }, 404);
  }
  const raw = new Uint8Array(await c.req.arrayBuffer());
  if (!hook.verify(raw, c.req.raw.headers)) {
    count("bad_signature");
    deps.logger.warn({ provider: hook.provider }, "webhook with a bad or missing signature refused");
    return c.json({ status: "error", message: "invalid signature" }, 401);
  }
  let event: E;
  try {
    event = hook.parse(raw);
  } catch {
    count("malformed");
    return c.json({ status: "error", message: "malformed payload" }, 400);
  }
  const marker = `webhook:${hook.provider}:${event.deliveryId}`;
  if ((await deps.kv.getJson(marker)) !== undefined) {
    count("duplicate");
    return c.json({ status: "success", duplicate: true });
  }
  try {
    const result = await hook.apply(event);
    await deps.kv.setJson(marker, 1, DEDUPE_TTL_MS);
    count(result);
    return c.json({ status: "success" });
  } catch (err) {
    count("error");
    deps.logger.error({ err, provider: hook.provider, deliveryId: event.deliveryId }, "webhook processing failed");
    return c.json({ status: "error" }, 500);
  }
}
