import type { Context } from "hono";

/**
 * Errors of the reseller API as RFC 9457 problem details (application/problem+json). `type` is
 * stable: shops branch on it, never on `title` or `detail`.
 */
export const PROBLEM_TYPES = {
  unauthenticated: { status: 401, title: "Missing or invalid API key" },
  forbidden: { status: 403, title: "This key may not do that" },
  "ip-not-allowed": { status: 403, title: "This address is not in the key's allowed IPs" },
  "not-found": { status: 404, title: "Not found" },
  "malformed-json": { status: 400, title: "The body is not valid JSON" },
  "unsupported-media-type": { status: 415, title: "The body must be application/json" },
  "payload-too-large": { status: 413, title: "The body is too large" },
  "invalid-request": { status: 422, title: "Some fields are invalid" },
  "insufficient-balance": { status: 402, title: "The wallet balance is too low for this order" },
  "ref-id-conflict": { status: 409, title: "This ref_id was used with a different body" },
  unavailable: { status: 409, title: "The product cannot be ordered now" },
  "rate-limited": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Something went wrong on our side" },
} as const;

export type ProblemType = keyof typeof PROBLEM_TYPES;

export const problemTypeUri = (type: ProblemType) => `urn:reseller-api:problem:${type}`;

export interface FieldProblem {
  field: string;
  code: string;
  message?: string;
}

export function problem(
  c: Context,
  type: ProblemType,
  extra: { detail?: string; errors?: FieldProblem[]; headers?: Record<string, string>; [k: string]: unknown } = {},
): Response {
  const { status, title } = PROBLEM_TYPES[type];
  const { headers, ...fields } = extra;
  const body = { type: problemTypeUri(type), title, status, ...fields, instance: c.req.path };
  for (const [k, v] of Object.entries(headers ?? {})) c.header(k, v);
  c.header("Content-Type", "application/problem+json");
  return c.body(JSON.stringify(body), status);
}
