/**
 * xpay's error answers. The document gives one envelope, `{ error: { message, data?, tag }, uuid }`,
 * and no status codes: the message and tag go into the error (the tag is what xpay's support asks
 * for), the kind comes from the HTTP status and the endpoint.
 */
import { errorFromStatus, httpErrorMessage } from "../http-errors.js";
import { ProviderError, type ProviderErrorKind } from "../types.js";
import { errorEnvelope, type XpayErrorEnvelope } from "./schemas.js";

const P = "xpay";

export type XpayEndpoint = "authenticate" | "bill_create" | "bill_get" | "bill_cancel" | "bill_search";

/** "invalid credentials (tag 6181…)", from an error envelope; undefined when the body is not one. */
export function envelopeText(body: unknown): string | undefined {
  const parsed = errorEnvelope.safeParse(body);
  if (!parsed.success) return undefined;
  return describeEnvelope(parsed.data);
}

export function describeEnvelope(env: XpayErrorEnvelope): string {
  const message = env.error.message?.trim().slice(0, 300) || "error";
  const tag = env.error.tag ?? env.uuid;
  return tag ? `${message} (tag ${tag})` : message;
}

/** `redact` scrubs what this client knows to be secret, whichever request it came with. */
export function mapXpayError(endpoint: XpayEndpoint, redact: (t: string) => string = (t) => t) {
  return (status: number, body: unknown): ProviderError => {
    const raw = envelopeText(body);
    const text = raw === undefined ? undefined : redact(raw);
    const make = (kind: ProviderErrorKind, code: string) =>
      new ProviderError({ provider: P, endpoint, kind, code, message: httpErrorMessage(P, endpoint, status, text), httpStatus: status });
    if (status === 429) return make("rate_limited", "rate_limited");
    if (status >= 500) return errorFromStatus(P, endpoint, status, text);
    // Any refusal of the credentials is for the operator to fix, whatever status carries it.
    if (endpoint === "authenticate" && status >= 400) return make("auth", "auth_failed");
    // Assumption: bill calls use the documented envelope and plain HTTP meanings: 401 a token
    // refused, 403 no right, 404 no such bill, 409 a reused reference (create) or a bill no longer
    // unpaid (cancel).
    switch (status) {
      case 401:
        return make("auth", "unauthorized");
      case 403:
        return make("auth", "forbidden");
      case 404:
        return make("not_found", "bill_not_found");
      case 409:
        return make(
          "rejected",
          endpoint === "bill_create" ? "duplicate_reference" : endpoint === "bill_cancel" ? "bill_not_cancellable" : "conflict",
        );
      default:
        return errorFromStatus(P, endpoint, status, text);
    }
  };
}

/**
 * An error envelope inside a 2xx answer (the document's example checks `result.error` without
 * looking at the status): for authenticate a credentials problem.
 */
export function errorIn2xx(endpoint: XpayEndpoint, env: XpayErrorEnvelope, redact: (t: string) => string): ProviderError {
  // Assumption: on a bill call it is a refusal: xpay answered and did not act.
  const kind: ProviderErrorKind = endpoint === "authenticate" ? "auth" : "rejected";
  const code = endpoint === "authenticate" ? "auth_failed" : "provider_error";
  return new ProviderError({
    provider: P,
    endpoint,
    kind,
    code,
    message: redact(`${P} ${endpoint}: ${describeEnvelope(env)}`),
  });
}
