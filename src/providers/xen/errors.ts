/** xen's error answers (document 001, "Error handling"): `{ "error": { "code", "message" } }`. */
import { errorFromStatus, httpErrorMessage, providerMessage } from "../http-errors.js";
import { ProviderError, type ProviderErrorKind } from "../types.js";
import { errorBody } from "./schemas.js";

/** The document's "common codes" and what each means for us. */
const KINDS: Record<string, ProviderErrorKind> = {
  missing_authorization: "auth",
  invalid_token: "auth",
  insufficient_scope: "auth",
  rate_limited: "rate_limited",
  license_not_found: "not_found",
  domain_mismatch: "rejected",
};

export function mapXenError(endpoint: string) {
  return (status: number, body: unknown): ProviderError => {
    const parsed = errorBody.safeParse(body);
    const code = parsed.success ? parsed.data.error.code : undefined;
    const message = parsed.success ? providerMessage(parsed.data.error) : undefined;
    // A code counts only with a 4xx: after a 5xx we cannot know what happened, whatever it says.
    if (code && status >= 400 && status < 500) {
      const kind = KINDS[code];
      const known = kind ?? errorFromStatus("xen", endpoint, status).kind;
      // An undocumented code is kept when it looks like one (the operator sees it in /providers).
      const kept = kind || /^[a-z][a-z0-9_]{0,63}$/.test(code) ? code : errorFromStatus("xen", endpoint, status).code;
      return new ProviderError({
        provider: "xen",
        endpoint,
        kind: known,
        code: kept,
        message: httpErrorMessage("xen", endpoint, status, message),
        httpStatus: status,
      });
    }
    return errorFromStatus("xen", endpoint, status, message);
  };
}
