import { z } from "zod";
import { type PROBLEM_TYPES, problemTypeUri } from "./problem.js";
import { ApiProduct, CallbackEvent, Me, Order, OrderPlaced, OrderRequest, Problem, ProductList } from "./schemas.js";

/**
 * OpenAPI 3.1 from the handlers' own zod schemas, through zod 4's built-in JSON Schema generator
 * (draft 2020-12, the dialect OpenAPI 3.1 uses). Requests are described as they are accepted
 * (io "input"), answers as they are sent.
 */
function components() {
  const input = z.toJSONSchema(z.object({ OrderRequest }), { target: "draft-2020-12", io: "input", unrepresentable: "any" });
  const output = z.toJSONSchema(z.object({ Order, OrderPlaced, Me, ApiProduct, ProductList, Problem, CallbackEvent }), {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
  });
  const schemas: Record<string, unknown> = {};
  for (const doc of [input, output]) {
    for (const [name, schema] of Object.entries(doc.$defs ?? {})) schemas[name] = schema;
  }
  // The generator refers to "#/$defs/X"; in OpenAPI they live under components.
  return JSON.parse(JSON.stringify(schemas).replaceAll('"#/$defs/', '"#/components/schemas/')) as Record<string, unknown>;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string) => ({ "application/json": { schema: ref(name) } });
const problemOf = (...types: (keyof typeof PROBLEM_TYPES)[]) => ({
  description: types.map((t) => `\`${problemTypeUri(t)}\``).join(", "),
  content: { "application/problem+json": { schema: ref("Problem") } },
});
const common = {
  "401": problemOf("unauthenticated"),
  "403": problemOf("forbidden", "ip-not-allowed"),
  "429": problemOf("rate-limited"),
};

export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Reseller API",
      version: "1.0.0",
      description:
        "Buy with the same wallet, prices and order pipeline as in chat. Keys come from /api in the bot. " +
        "Every answer carries RateLimit-* headers; errors are RFC 9457 problem details with a stable `type`.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "rk_live_… (rk_test_… in the sandbox)" } },
      schemas: components(),
    },
    paths: {
      "/api/v1/me": {
        get: { summary: "The reseller: id, tier, balances", responses: { "200": { description: "OK", content: json("Me") }, ...common } },
      },
      "/api/v1/products": {
        get: {
          summary: "The catalogue at the reseller's prices",
          responses: { "200": { description: "OK", content: json("ProductList") }, ...common },
        },
      },
      "/api/v1/orders": {
        post: {
          summary: "Place an order (idempotent on ref_id)",
          requestBody: { required: true, content: json("OrderRequest") },
          responses: {
            "201": { description: "Order made and charged", content: json("OrderPlaced") },
            "200": { description: "The same ref_id and body again: the same order, no new charge", content: json("OrderPlaced") },
            "400": problemOf("malformed-json"),
            "402": problemOf("insufficient-balance"),
            "409": problemOf("ref-id-conflict", "unavailable"),
            "413": problemOf("payload-too-large"),
            "415": problemOf("unsupported-media-type"),
            "422": problemOf("invalid-request"),
            ...common,
          },
        },
        get: {
          summary: "The order with this ref_id",
          parameters: [{ name: "ref_id", in: "query", required: true, schema: { type: "string", minLength: 1, maxLength: 64 } }],
          responses: { "200": { description: "OK", content: json("Order") }, "404": problemOf("not-found"), ...common },
        },
      },
      "/api/v1/orders/{id}": {
        get: {
          summary: "One order and its history",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "OK", content: json("Order") }, "404": problemOf("not-found"), ...common },
        },
      },
    },
    webhooks: {
      "order.updated": {
        post: {
          summary: "An API order's status changed",
          description:
            "Signed: X-Signature: sha256=<hex HMAC-SHA256 of the raw body with the key's callback secret>, with X-Timestamp. " +
            "Answer 2xx within 10 s; otherwise it is retried with back-off for 24 h. event_id is stable across retries.",
          requestBody: { content: json("CallbackEvent") },
          responses: { "200": { description: "Received" } },
        },
      },
    },
  };
}
