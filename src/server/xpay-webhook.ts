import type { Hono } from "hono";
import type { DepositService } from "../domain/deposits.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { PaymentHint, ProviderDirectory } from "../providers/types.js";
import type { Kv } from "../store/types.js";

export interface HintLimit {
  max: number;
  windowMs: number;
}

/**
 * Hints anyone could send (xpay's webhook has no signature), counted in the shared store so the
 * limits hold across every bot process. Beyond them: 429, and xpay is not asked.
 */
export interface HintLimits {
  overall: HintLimit;
  perBill: HintLimit;
}

export const DEFAULT_HINT_LIMITS: HintLimits = {
  overall: { max: 20, windowMs: 1_000 },
  perBill: { max: 5, windowMs: 10_000 },
};

async function within(kv: Kv, name: string, limit: HintLimit): Promise<boolean> {
  const window = Math.floor(Date.now() / limit.windowMs);
  return (await kv.incr(`ratelimit:xpay-hint:${name}:${window}`, "n", 1, limit.windowMs * 2)) <= limit.max;
}

/**
 * POST /webhooks/xpay — a hint only: rate limit (429) → parse (400) → rate limit per bill (429) →
 * a re-read of our own open deposit is queued (202). Nothing in the body is believed: the job
 * reads the bill from xpay's API before anything is credited. Mounted before the signed routes.
 */
export function mountXpayHints(
  app: Hono,
  deps: { providers: ProviderDirectory; deposits?: DepositService; kv: Kv; logger: Logger; metrics: Metrics; hintLimits?: HintLimits },
) {
  const limits = deps.hintLimits ?? DEFAULT_HINT_LIMITS;
  app.post("/webhooks/xpay", async (c) => {
    const payments = deps.providers.get("xpay")?.payments;
    const count = (outcome: string) => deps.metrics.webhookDeliveries.inc({ provider: "xpay", outcome });
    if (!payments || !deps.deposits) {
      count("no_such_provider");
      return c.json({ status: "error", message: "not found" }, 404);
    }
    const tooMany = () => {
      count("rate_limited");
      return c.json({ status: "error", message: "too many requests" }, 429, {
        "Retry-After": String(Math.ceil(limits.overall.windowMs / 1000)),
      });
    };
    if (!(await within(deps.kv, "all", limits.overall))) return tooMany();
    let hint: PaymentHint;
    try {
      hint = payments.parseHint(new Uint8Array(await c.req.arrayBuffer()));
    } catch {
      count("malformed");
      return c.json({ status: "error", message: "malformed payload" }, 400);
    }
    if (!(await within(deps.kv, hint.billId !== undefined ? `bill:${hint.billId}` : `ref:${hint.reference}`, limits.perBill)))
      return tooMany();
    try {
      const outcome = await deps.deposits.hint(hint);
      count(outcome);
      return outcome === "queued" ? c.json({ status: "accepted" }, 202) : c.json({ status: "ignored" });
    } catch (err) {
      count("error");
      deps.logger.error({ err }, "xpay hint processing failed");
      return c.json({ status: "error" }, 500);
    }
  });
}
