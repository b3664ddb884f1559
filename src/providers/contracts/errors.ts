/** How a provider call fails, whatever the capability: ProviderError, and what its kind and code say. */
import type { ProviderId } from "./money.js";

/**
 * Why a provider call failed.
 * - rejected: the provider answered and refused (the action definitely did not happen).
 * - auth: bad key, plan, IP not whitelisted (definitely did not happen; operator must act).
 * - not_found: unknown product / transaction.
 * - rate_limited: 429 after the client's own waiting; retryAfterMs when given.
 * - timeout / unavailable / bad_response: we cannot tell whether the action happened.
 */
export type ProviderErrorKind = "rejected" | "auth" | "not_found" | "rate_limited" | "timeout" | "unavailable" | "bad_response";

export class ProviderError extends Error {
  readonly provider: ProviderId;
  readonly endpoint: string;
  readonly kind: ProviderErrorKind;
  /** Machine code for the reason, e.g. "insufficient_balance", "product_unavailable". */
  readonly code: string;
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  constructor(init: {
    provider: ProviderId;
    endpoint: string;
    kind: ProviderErrorKind;
    code: string;
    message: string;
    httpStatus?: number;
    retryAfterMs?: number;
  }) {
    super(init.message);
    this.name = "ProviderError";
    this.provider = init.provider;
    this.endpoint = init.endpoint;
    this.kind = init.kind;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** True when the provider certainly did not carry the action out (safe to refund). */
  get definite(): boolean {
    // "unreachable": no connection was made, so the provider never saw the request.
    return (
      this.kind === "rejected" ||
      this.kind === "auth" ||
      this.kind === "not_found" ||
      this.kind === "rate_limited" ||
      this.code === "unreachable"
    );
  }
}

/** Codes of errors raised before any request went out (no rate-limit slot, the shared limiter down): certainly not sent. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set(["client_queue_full", "limiter_unavailable"]);
