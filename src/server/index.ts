import { serve, type ServerType } from "@hono/node-server";
import { Hono, type Context as HonoContext } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AddressInfo } from "node:net";
import type { OrderService } from "../domain/orders.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { ProviderDirectory } from "../providers/types.js";
import type { Kv } from "../store/types.js";
import { mountApi, type ApiServerDeps } from "./api/index.js";
import { metricsGuard } from "./metrics-guard.js";
import { mountProviderWebhooks } from "./webhooks.js";
import type { Licences } from "../domain/licences.js";
import { mountXenWebhook } from "./xen-webhook.js";
import { mountXpayHints, type HintLimits } from "./xpay-webhook.js";
import type { DepositService } from "../domain/deposits.js";

export const MAX_BODY_BYTES = 64 * 1024;

export interface ServerDeps {
  providers: ProviderDirectory;
  orders: OrderService;
  licences: Licences;
  kv: Kv;
  logger: Logger;
  metrics: Metrics;
  /** Store reachable and bot initialised. */
  ready(): Promise<boolean>;
  /** Refreshes gauges (queue depths, ledger totals) just before a scrape. */
  collect?(): Promise<void>;
  /** METRICS_TOKEN: required as a Bearer token on /metrics; unset, /metrics answers loopback only. */
  metricsToken?: string;
  deposits?: DepositService;
  hintLimits?: HintLimits;
  /** The reseller API (SPEC §8); absent, /api/v1 is not served. */
  api?: ApiServerDeps;
}

export function createServer(deps: ServerDeps) {
  const app = new Hono();
  const webhookBodyLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ status: "error", message: "payload too large" }, 413),
  });
  // The reseller API has its own limit, answered as problem+json (server/api).
  app.use("*", (c, next) => (c.req.path.startsWith("/api/") ? next() : webhookBodyLimit(c, next)));
  app.get("/healthz", (c) => c.text("ok"));
  app.get("/readyz", async (c) => ((await deps.ready().catch(() => false)) ? c.text("ready") : c.text("not ready", 503)));
  app.get("/metrics", metricsGuard(deps.metricsToken), async (c) => {
    await deps.collect?.().catch((err: unknown) => deps.logger.warn({ err }, "metrics collection failed"));
    return c.text(await deps.metrics.registry.metrics(), 200, { "Content-Type": deps.metrics.registry.contentType });
  });
  mountXenWebhook(app, deps);
  mountXpayHints(app, deps); // before the generic signed route, which would answer it 404
  mountProviderWebhooks(app, deps);
  if (deps.api) mountApi(app, deps.api);

  let telegram: ((c: HonoContext) => Promise<Response>) | undefined;
  app.post("/telegram", async (c) => {
    if (!telegram) return c.text("not found", 404);
    // A body that is no update at all (empty, `null`, bytes) made grammY throw and answer 500,
    // which asks the sender to retry for ever. Hono caches the parse for grammY's own read.
    const body: unknown = await c.req.json().catch(() => undefined);
    if (typeof body !== "object" || body === null || Array.isArray(body)) return c.text("bad request", 400);
    return telegram(c);
  });

  let server: ServerType | undefined;
  return {
    app,
    /** Webhook mode: app.ts mounts grammY's callback here (the server does not know grammY). */
    setTelegramHandler(handler: (c: HonoContext) => Promise<Response>) {
      telegram = handler;
    },
    listen(host: string, port: number): Promise<AddressInfo> {
      // A port already taken must stop the start with its error, not leave it waiting for ever.
      return new Promise((resolve, reject) => {
        server = serve({ fetch: app.fetch, hostname: host, port }, (info) => resolve(info));
        server.once("error", reject);
      });
    },
    close(): Promise<void> {
      return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}

export type AppServer = ReturnType<typeof createServer>;
