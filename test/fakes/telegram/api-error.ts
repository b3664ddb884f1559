import type { ResponseParameters } from "grammy/types";

/** An error answer of the Bot API: `{ ok: false, error_code, description, parameters? }`. */
export interface ApiFailure {
  error_code: number;
  description: string;
  parameters?: ResponseParameters;
}

/** Thrown by method handlers; the server turns it into the matching HTTP status and JSON body. */
export class ApiError extends Error implements ApiFailure {
  constructor(
    readonly error_code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
  }

  toJSON(): ApiFailure {
    return {
      error_code: this.error_code,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (what: string) => new ApiError(400, `Bad Request: ${what}`);

export const chatNotFound = () => badRequest("chat not found");

export const blockedByUser = () => new ApiError(403, "Forbidden: bot was blocked by the user");

export const tooManyRequests = (retryAfter: number) =>
  new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter });

export const conflict = (what: string) => new ApiError(409, `Conflict: ${what}`);
