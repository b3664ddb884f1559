/** Small pieces every adapter's error mapping uses. */
import { boundText } from "./text.js";
import { ProviderError, type ProviderErrorKind, type ProviderId } from "./types.js";

/** The provider's own `message` from an error body, when it has one. */
export function providerMessage(body: unknown): string | undefined {
  if (body && typeof body === "object" && "message" in body) {
    const m = (body as { message: unknown }).message;
    if (typeof m === "string") return boundText(m, 300);
  }
  return undefined;
}

/** "xinstitute order: HTTP 400: Insufficient balance…" */
export function httpErrorMessage(provider: ProviderId, endpoint: string, status: number, message?: string): string {
  return `${provider} ${endpoint}: HTTP ${status}${message ? `: ${message}` : ""}`;
}

/** The meaning of a bare HTTP status, for answers an adapter has no specific rule for. */
export function errorFromStatus(provider: ProviderId, endpoint: string, status: number, message?: string): ProviderError {
  const [kind, code]: [ProviderErrorKind, string] =
    status === 400
      ? ["rejected", "invalid_request"]
      : status === 401
        ? ["auth", "unauthorized"]
        : status === 403
          ? ["auth", "forbidden"]
          : status === 404
            ? ["not_found", "not_found"]
            : status === 429
              ? ["rate_limited", "rate_limited"]
              : status >= 500
                ? ["unavailable", "server_error"]
                : status >= 400
                  ? ["rejected", `http_${status}`]
                  : ["bad_response", `unexpected_status_${status}`];
  return new ProviderError({
    provider,
    endpoint,
    kind,
    code,
    message: httpErrorMessage(provider, endpoint, status, message),
    httpStatus: status,
  });
}
