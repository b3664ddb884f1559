import type { Hono } from "hono";
import type { OrderService } from "../domain/orders.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { ProviderDirectory, ProviderId } from "../providers/types.js";
import type { Kv } from "../store/types.js";
import { handleSignedWebhook } from "./signed-webhook.js";

/** POST /webhooks/:provider — signed order webhooks (xinstitute's shipments), applied by the order domain. */
export function mountProviderWebhooks(
  app: Hono,
  deps: { providers: ProviderDirectory; orders: OrderService; kv: Kv; logger: Logger; metrics: Metrics },
) {
  app.post("/webhooks/:provider", (c) => {
    const id = c.req.param("provider") as ProviderId;
    const source = deps.providers.get(id)?.webhooks;
    const hook = source && {
      provider: id,
      verify: source.verify.bind(source),
      parse: source.parse.bind(source),
      apply: deps.orders.applyWebhook,
    };
    return handleSignedWebhook(c, hook, deps);
  });
}
