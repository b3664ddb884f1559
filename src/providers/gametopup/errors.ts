/**
 * gametopup's documented error messages (document 002, the three "Error Responses" tables).
 *
 * The document gives codes and messages but no error-body shape: we assume the envelope of its
 * success bodies, `{ status: "error", message, code }`, and fall back to the HTTP status when
 * the body is unreadable or the message unknown.
 */
import { errorFromStatus, httpErrorMessage, providerMessage } from "../http-errors.js";
import { ProviderError, type ProviderErrorKind } from "../types.js";

type Rule = [pattern: RegExp, kind: ProviderErrorKind, code: string];

/** Most specific first: "Unauthorized: Missing required headers" before "Unauthorized". */
const RULES: Rule[] = [
  [/^request expired/i, "rejected", "request_expired"],
  [/^invalid x-request-time format/i, "rejected", "invalid_request_time"],
  [/^product is not available/i, "rejected", "product_unavailable"],
  [/^saldo tidak cukup/i, "rejected", "insufficient_balance"],
  [/^transaction id is required/i, "rejected", "transaction_id_required"],
  [/^unauthorized: missing required headers/i, "auth", "missing_headers"],
  [/^unauthorized/i, "auth", "unauthorized"],
  [/^invalid api key/i, "auth", "invalid_key"],
  [/^invalid hash combination/i, "auth", "invalid_hash"],
  [/^ip belum di whitelist/i, "auth", "ip_not_whitelisted"],
  [/^ip address not authorized/i, "auth", "ip_not_whitelisted"],
  [/^product not found/i, "not_found", "product_not_found"],
  [/^transaction not found/i, "not_found", "transaction_not_found"],
  [/^user not found/i, "not_found", "user_not_found"],
  [/^too many requests/i, "rate_limited", "rate_limited"],
  [/^internal server error/i, "unavailable", "server_error"],
];

export function mapGametopupError(endpoint: string) {
  return (status: number, body: unknown): ProviderError => {
    const message = providerMessage(body);
    // A documented message counts only with a 4xx status: after a 5xx we cannot know whether an
    // order went through, whatever the text says. An unknown 4xx message is still a refusal.
    if (message && status >= 400 && status < 500) {
      const rule = RULES.find(([pattern]) => pattern.test(message));
      if (rule) {
        const [, kind, code] = rule;
        return new ProviderError({
          provider: "gametopup",
          endpoint,
          kind,
          code,
          message: httpErrorMessage("gametopup", endpoint, status, message),
          httpStatus: status,
        });
      }
    }
    return errorFromStatus("gametopup", endpoint, status, message);
  };
}
