import type { Hono } from "hono";
import type { Licences } from "../domain/licences.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { ProviderDirectory } from "../providers/types.js";
import type { Kv } from "../store/types.js";
import { handleSignedWebhook } from "./signed-webhook.js";

/**
 * POST /webhooks/xen — xen's events are about licences, not our orders: the same signed-webhook
 * steps, applied by the licence domain. Mounted before the generic /webhooks/:provider.
 */
export function mountXenWebhook(
  app: Hono,
  deps: { providers: ProviderDirectory; licences: Licences; kv: Kv; logger: Logger; metrics: Metrics },
) {
  app.post("/webhooks/xen", (c) => {
    const source = deps.providers.get("xen")?.licenceWebhooks;
    const hook = source && {
      provider: "xen",
      verify: source.verify.bind(source),
      parse: source.parse.bind(source),
      apply: deps.licences.applyWebhook,
    };
    return handleSignedWebhook(c, hook, deps);
  });
}
