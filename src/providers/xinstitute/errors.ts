/** xinstitute's error answers (document 000, "Error Responses" and "HTTP Status Codes"). */
import { errorFromStatus, httpErrorMessage, providerMessage } from "../http-errors.js";
import { ProviderError, type ProviderErrorKind } from "../types.js";
import { errorBody, insufficientBalanceData } from "./schemas.js";

const P = "xinstitute";

/** "Rate limit exceeded. Try again in 45 seconds." → 45000. */
export function parseTryAgainMs(message: string | undefined): number | undefined {
  const m = message ? /try again in (\d+(?:\.\d+)?)\s*(second|sec|s\b|minute|min)/i.exec(message) : null;
  const [, amount, unit] = m ?? [];
  if (amount === undefined || unit === undefined) return undefined;
  const n = Number(amount);
  return Math.ceil((unit.toLowerCase().startsWith("m") ? n * 60 : n) * 1000);
}

export function mapXinstituteError(endpoint: string) {
  return (status: number, body: unknown): ProviderError => {
    const parsed = errorBody.safeParse(body);
    const message = providerMessage(body);
    const make = (kind: ProviderErrorKind, code: string, text = httpErrorMessage(P, endpoint, status, message), retryAfterMs?: number) =>
      new ProviderError({ provider: P, endpoint, kind, code, message: text, httpStatus: status, retryAfterMs });

    switch (status) {
      case 400: {
        if (message && /insufficient balance/i.test(message)) {
          // Keep the amounts: the message carries them formatted, `data` as numbers.
          const amounts = insufficientBalanceData.safeParse(parsed.success ? parsed.data.data : undefined);
          const extra = amounts.success
            ? ` (required_amount=${amounts.data.required_amount}, current_balance=${amounts.data.current_balance})`
            : "";
          return make("rejected", "insufficient_balance", httpErrorMessage(P, endpoint, status, message) + extra);
        }
        return make("rejected", "invalid_request");
      }
      case 401:
        return make("auth", "invalid_key");
      case 403:
        return make("auth", "forbidden_plan");
      case 404:
        // The document's 404 is "Endpoint or product not found": only the order names a product.
        return make("not_found", endpoint === "order" ? "product_not_found" : "endpoint_not_found");
      case 405:
        return make("rejected", "method_not_allowed");
      case 429:
        return make("rate_limited", "rate_limited", undefined, parseTryAgainMs(message));
      default:
        return errorFromStatus(P, endpoint, status, message);
    }
  };
}
