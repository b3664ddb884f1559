/**
 * vifox's error answers (document 003, "Error Responses"). The message decides: the read
 * endpoints answer every auth failure with 405, the writes give each its own status (405 bad
 * signature, 406 partner, 407 expired, 408 missing headers, 409 no transaction id, 410
 * duplicate), and 405 also means "Reached the limit of request".
 */
import { errorFromStatus, httpErrorMessage, providerMessage } from "../http-errors.js";
import { ProviderError, type ProviderErrorKind } from "../types.js";
import { validationBody } from "./schemas.js";

type Rule = [pattern: RegExp, kind: ProviderErrorKind, code: string];

const BY_MESSAGE: Rule[] = [
  [/^invalid signature/i, "auth", "invalid_signature"],
  [/^invalid partner/i, "auth", "invalid_partner"],
  // Our clock or a request held too long: nothing happened, and a retry signs a fresh timestamp.
  [/^request expired/i, "rejected", "request_expired"],
  [/^missing authentication headers/i, "auth", "missing_headers"],
  [/^missing x-transaction-id/i, "rejected", "missing_transaction_id"],
  [/^duplicate transaction/i, "rejected", "duplicate_transaction"],
  [/^reached the limit of request/i, "rate_limited", "rate_limited"],
];

/** The write endpoints' statuses, for an answer whose message is missing or unknown. */
const BY_STATUS: Record<number, [ProviderErrorKind, string]> = {
  406: ["auth", "invalid_partner"],
  407: ["rejected", "request_expired"],
  408: ["auth", "missing_headers"],
  409: ["rejected", "missing_transaction_id"],
  410: ["rejected", "duplicate_transaction"],
};

export function mapVifoxError(endpoint: string) {
  return (status: number, body: unknown): ProviderError => {
    const message = providerMessage(body);
    const make = (kind: ProviderErrorKind, code: string, text = message) =>
      new ProviderError({
        provider: "vifox",
        endpoint,
        kind,
        code,
        message: httpErrorMessage("vifox", endpoint, status, text),
        httpStatus: status,
      });
    // After a 5xx nothing is certain, whatever the text says.
    if (status >= 500) return errorFromStatus("vifox", endpoint, status, message);
    if (status === 422) return make("rejected", "validation_failed", validationText(body) ?? message);
    const rule = message ? BY_MESSAGE.find(([pattern]) => pattern.test(message)) : undefined;
    if (rule && status >= 400) return make(rule[1], rule[2]);
    const byStatus = BY_STATUS[status];
    if (byStatus) return make(byStatus[0], byStatus[1]);
    return errorFromStatus("vifox", endpoint, status, message);
  };
}

/** "The selected email is invalid. (email: The selected email is invalid.)" */
function validationText(body: unknown): string | undefined {
  const parsed = validationBody.safeParse(body);
  if (!parsed.success) return undefined;
  const fields = Object.entries(parsed.data.errors ?? {})
    .map(([field, list]) => `${field}: ${list.join(" ")}`)
    .join("; ");
  const text = [parsed.data.message, fields && `(${fields})`].filter(Boolean).join(" ");
  return text ? text.slice(0, 300) : undefined;
}
