import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { z } from "zod";
import type { ApiKeys } from "../../domain/api-keys.js";
import type { ApiOrders, ApiPlaceOutcome } from "../../domain/api-orders.js";
import { apiOrderView } from "../../domain/api-orders.js";
import type { IpRanges } from "../../lib/ip.js";
import type { Logger } from "../../observability/logger.js";
import type { Kv } from "../../store/types.js";
import { apiAuth, type ApiVariables } from "./auth.js";
import { openApiDocument } from "./openapi.js";
import { problem, type FieldProblem } from "./problem.js";
import { apiRateLimit } from "./rate-limit.js";
import { OrderRequest, RefQuery } from "./schemas.js";

/** An order body is a few hundred bytes; anything near this is not one. */
export const API_MAX_BODY_BYTES = 16 * 1024;

export interface ApiServerDeps {
  keys: ApiKeys;
  orders: ApiOrders;
  wallets: { balances(userId: number): Promise<Record<string, number>> };
  kv: Kv;
  ratePerSecond: number;
  trustedProxies: IpRanges;
  logger: Logger;
}

const CODES: Record<string, string> = {
  invalid_type: "invalid_type",
  too_small: "out_of_range",
  too_big: "out_of_range",
  invalid_format: "invalid",
  invalid_union: "invalid",
  invalid_value: "invalid",
  unrecognized_keys: "unknown_field",
};

/** zod's issues as the problem's `errors[]`: one entry per field, an unknown key named as the field it is. */
export function fieldProblems(error: z.ZodError): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const issue of error.issues) {
    const code = CODES[issue.code] ?? "invalid";
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) out.push({ field: [...issue.path, key].join("."), code, message: "not a field of this request" });
    } else out.push({ field: issue.path.length ? issue.path.join(".") : "body", code, message: issue.message });
  }
  return out;
}

/** The reseller API under /api/v1 (SPEC §8). The chat's order pipeline does the work (domain/api-orders.ts). */
export function mountApi(app: Hono, deps: ApiServerDeps) {
  const api = new Hono<{ Variables: ApiVariables }>();
  const document = JSON.stringify(openApiDocument());

  api.onError((err, c) => {
    deps.logger.error({ err, path: c.req.path }, "reseller API request failed");
    return problem(c, "internal");
  });
  api.get("/openapi.json", (c) => c.body(document, 200, { "Content-Type": "application/json" }));
  api.use("*", apiAuth({ keys: deps.keys, rateLimit: apiRateLimit(deps.kv, deps.ratePerSecond), trustedProxies: deps.trustedProxies }));

  api.get("/me", async (c) => {
    const user = c.get("reseller");
    return c.json({ reseller_id: user.id, tier: user.tier, balances: await deps.wallets.balances(user.id) });
  });

  api.get("/products", async (c) => c.json({ products: await deps.orders.products(c.get("reseller").tier) }));

  api.post(
    "/orders",
    bodyLimit({
      maxSize: API_MAX_BODY_BYTES,
      // Answered before the body is read: the connection ends with the answer, so no client reuses
      // a socket with the rest of the body still in it.
      onError: (c) => problem(c, "payload-too-large", { detail: `At most ${API_MAX_BODY_BYTES} bytes.`, headers: { Connection: "close" } }),
    }),
    async (c) => {
      const type = c.req.header("Content-Type") ?? "";
      if (!/^application\/(.+\+)?json\b/i.test(type)) return problem(c, "unsupported-media-type");
      let raw: unknown;
      try {
        raw = JSON.parse(await c.req.text());
      } catch {
        return problem(c, "malformed-json");
      }
      const parsed = OrderRequest.safeParse(raw);
      if (!parsed.success) return problem(c, "invalid-request", { errors: fieldProblems(parsed.error) });
      return answer(c, await deps.orders.place(c.get("reseller").id, parsed.data));
    },
  );

  api.get("/orders", async (c) => {
    const parsed = RefQuery.safeParse(c.req.query());
    if (!parsed.success) return problem(c, "invalid-request", { errors: fieldProblems(parsed.error) });
    const order = await deps.orders.byRef(c.get("reseller").id, parsed.data.ref_id);
    return order ? c.json(order) : problem(c, "not-found");
  });

  api.get("/orders/:id", async (c) => {
    const order = await deps.orders.get(c.get("reseller").id, c.req.param("id"));
    // Another reseller's order is not found, not forbidden: its existence is not theirs to learn.
    return order ? c.json(order) : problem(c, "not-found");
  });

  api.all("*", (c) => problem(c, "not-found"));
  // Routed after the routes exist: route() copies them, with this sub-app's error handler.
  app.route("/api/v1", api);
}

function answer(c: Context, outcome: ApiPlaceOutcome): Response {
  switch (outcome.kind) {
    case "created":
    case "replayed":
      return c.json(
        { ...apiOrderView(outcome.order, outcome.refId), balance_after: outcome.balance },
        outcome.kind === "created" ? 201 : 200,
      );
    case "invalid":
      return problem(c, "invalid-request", {
        errors: outcome.errors.map((e) => ({ field: e.field, code: e.code, ...(e.reason !== undefined && { reason: e.reason }) })),
      });
    case "conflict":
      return problem(c, "ref-id-conflict", { detail: `ref_id already names order ${outcome.orderId} with another body.` });
    case "insufficient":
      return problem(c, "insufficient-balance", {
        balance: outcome.balance,
        price: outcome.order.price.amount,
        currency: outcome.order.price.currency,
        order_id: outcome.order.id,
      });
    case "unavailable":
      return problem(c, "unavailable", { reason: outcome.reason });
    case "forbidden":
      return problem(c, "forbidden", { detail: "The reseller account is not active." });
  }
}
