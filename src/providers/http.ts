/**
 * The one HTTP client every adapter uses: rate limits, timeout, retry policy, typed errors,
 * metrics and health. Adapters only describe a call (URL, headers, schema, error mapping).
 */
import { ofetch } from "ofetch";
import type { z } from "zod";
import { makeRedactor, type Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import { ProviderHealth, type CallOutcome } from "./health.js";
import { LimiterTimeout, type Limiter, type LimiterFactory, type Release } from "./rate-limiter.js";
import { ProviderError, type ProviderErrorKind, type ProviderId } from "./types.js";

export { ProviderHealth, upSignal, type CallOutcome, type ProviderHealthSnapshot, type UpSignal } from "./health.js";
export { RateLimiter, type RateLimiterOptions } from "./rate-limiter.js";
export { errorFromStatus, httpErrorMessage, providerMessage } from "./http-errors.js";

export interface ProviderRequest<T> {
  /** Metric label, e.g. "products". */
  endpoint: string;
  url: string;
  method: "GET" | "POST";
  /** A function is called per attempt, after the rate limiters let the call through (fresh timestamps). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Sent as JSON; a string is sent as it is (bytes that were signed). */
  body?: unknown;
  /** Schema of a 2xx body, and of the `answers` statuses' bodies. */
  schema: z.ZodType<T>;
  /** Non-2xx statuses that are answers, not errors (a "no data" 404): parsed with `schema`. */
  answers?: number[];
  /** Every limiter must grant a slot before the call goes out. */
  limiters?: Limiter[];
  /** "read": safe to repeat. "none": never repeated, except after a 429 or the like (it proves nothing happened). */
  retry: "read" | "none";
  /** A non-2xx answer to an error; `body` is the parsed JSON, or undefined when unreadable. */
  mapError(status: number, body: unknown): ProviderError;
  timeoutMs?: number;
}

export interface RetryPolicy {
  /** Extra attempts for reads. */
  readRetries: number;
  /** First back-off; doubled per attempt, with ±25 % jitter. */
  baseDelayMs: number;
  /** A call gives up rather than wait beyond this much total time. */
  budgetMs: number;
  /** The longest Retry-After a "none" call still waits for (once) after a 429. */
  maxWriteRetryAfterMs: number;
  /** The wait assumed after a 429 that names none. */
  defaultRetryAfterMs: number;
  /**
   * The longest a "none" call (an order) queues for a client-side rate-limit slot. A reseller
   * is waiting on it and the order's timeout follows, so the two together stay near the 8 s an
   * update may take; past it the order is refused unsent (a definite refusal: refunded).
   */
  maxWriteQueueMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  readRetries: 2,
  baseDelayMs: 300,
  budgetMs: 20_000,
  maxWriteRetryAfterMs: 5_000,
  defaultRetryAfterMs: 1_000,
  maxWriteQueueMs: 1_000,
};

/**
 * The longest one order call can take: its wait for a slot, the call, one Retry-After of a 429
 * and the call again. The jobs' shutdown grace is derived from it so a deploy never cuts an
 * order call short (a cut call leaves an order whose outcome nobody knows).
 */
export const longestWriteMs = (timeoutMs: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number =>
  policy.maxWriteQueueMs + 2 * timeoutMs + policy.maxWriteRetryAfterMs;

export interface ProviderHttpOptions {
  provider: ProviderId;
  timeoutMs: number;
  metrics?: Metrics;
  logger?: Logger;
  health?: ProviderHealth;
  /** Values to scrub from any error message (API keys); request auth headers are scrubbed anyway. */
  secrets?: string[];
  retry?: Partial<RetryPolicy>;
  /** How a request goes out; default ofetch (Node's fetch). */
  transport?: HttpTransport;
}

/** One request on the wire: resolves with any status that came back, rejects when none came. */
export type HttpTransport = (req: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
  signal: AbortSignal;
}) => Promise<{ status: number; headers: Headers; text: string | undefined }>;

const fetchTransport: HttpTransport = async (req) => {
  const res = await ofetch.raw<string, "text">(req.url, {
    method: req.method,
    headers: req.headers,
    body: req.body as Record<string, unknown> | undefined,
    responseType: "text",
    ignoreResponseError: true,
    retry: 0,
    signal: req.signal,
  });
  return { status: res.status, headers: res.headers, text: res._data };
};

export interface ProviderHttp {
  readonly provider: ProviderId;
  readonly health: ProviderHealth;
  request<T>(opts: ProviderRequest<T>): Promise<T>;
}

type Attempt<T> =
  | { ok: true; value: T }
  | { ok: false; error: ProviderError; transient: boolean; status?: number; limited?: boolean; waitMs?: number };

const SECRET_HEADERS = new Set(["authorization", "x-api-key"]);

export function createProviderHttp(opts: ProviderHttpOptions): ProviderHttp {
  const { provider, metrics, logger } = opts;
  const health = opts.health ?? new ProviderHealth(provider);
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...definedOnly(opts.retry ?? {}) };
  const transport = opts.transport ?? fetchTransport;

  function observe(endpoint: string, outcome: CallOutcome, ms: number, error?: ProviderError, status?: number, attempt?: number) {
    metrics?.providerCalls.inc({ provider, endpoint, outcome });
    metrics?.providerSeconds.observe({ provider, endpoint }, ms / 1000);
    health.record(endpoint, outcome, ms, error?.code, status);
    // Never headers or bodies: only what the error message (already redacted) says.
    const fields = { provider, endpoint, outcome, status, ms: Math.round(ms), attempt, code: error?.code, reason: error?.message };
    if (outcome === "ok") logger?.debug(fields, "provider call");
    else logger?.warn(fields, "provider call failed");
  }

  async function attempt<T>(req: ProviderRequest<T>, n: number, queueDeadline: number): Promise<Attempt<T>> {
    const releases: Release[] = [];
    try {
      for (const limiter of req.limiters ?? []) releases.push(await limiter.acquire(Math.max(0, queueDeadline - Date.now())));
    } catch (e) {
      // Not sent: the slots already granted by the other limiters are given back unused.
      for (const release of releases) release(false);
      if (e instanceof LimiterTimeout) return { ok: false, transient: false, error: queueFull(req.endpoint, e.waitedMs) };
      // The shared limiter's Redis failed: nothing went out, and the caller must know that much.
      logger?.warn({ provider, endpoint: req.endpoint, err: e instanceof Error ? e.message : String(e) }, "rate limiter unavailable");
      return { ok: false, transient: true, error: limiterDown(req.endpoint) };
    }
    const headers = typeof req.headers === "function" ? req.headers() : (req.headers ?? {});
    const redact = makeRedactor([...(opts.secrets ?? []), ...secretHeaderValues(headers)]);
    const fail = (kind: ProviderErrorKind, code: string, message: string, extra: { status?: number; retryAfterMs?: number } = {}) =>
      new ProviderError({
        provider,
        endpoint: req.endpoint,
        kind,
        code,
        message: redact(message),
        httpStatus: extra.status,
        retryAfterMs: extra.retryAfterMs,
      });
    const timeoutMs = req.timeoutMs ?? opts.timeoutMs;
    // Our own signal instead of ofetch's `timeout`: ofetch clears its timer once headers arrive,
    // so a body that stalls would hang; the signal also covers reading the body.
    const signal = AbortSignal.timeout(timeoutMs);
    const t0 = performance.now();
    let result: Attempt<T>;
    try {
      const res = await transport({
        url: req.url,
        method: req.method,
        headers: { accept: "application/json", ...headers },
        body: req.body,
        signal,
      });
      result = interpret(req, res.status, res.headers, res.text, fail);
    } catch (e) {
      const detail = networkDetail(e);
      result = signal.aborted
        ? { ok: false, transient: true, error: fail("timeout", "timeout", `${provider} ${req.endpoint}: no answer within ${timeoutMs} ms`) }
        : {
            ok: false,
            transient: true,
            error: fail(
              "unavailable",
              NOT_CONNECTED.has(detail) ? "unreachable" : "network",
              `${provider} ${req.endpoint}: network error: ${detail}`,
            ),
          };
    } finally {
      for (const release of releases) release();
    }
    const ms = performance.now() - t0;
    if (result.ok) observe(req.endpoint, "ok", ms, undefined, undefined, n);
    else {
      observe(req.endpoint, result.error.kind, ms, result.error, result.status, n);
      if (result.waitMs !== undefined) for (const limiter of req.limiters ?? []) limiter.pause(result.waitMs);
    }
    return result;
  }

  function interpret<T>(
    req: ProviderRequest<T>,
    status: number,
    headers: Headers,
    text: string | undefined,
    fail: (kind: ProviderErrorKind, code: string, message: string, extra?: { status?: number; retryAfterMs?: number }) => ProviderError,
  ): Attempt<T> {
    const json = parseJson(text);
    if ((status >= 200 && status < 300) || req.answers?.includes(status)) {
      if (!json.ok) {
        return {
          ok: false,
          transient: false,
          status,
          error: fail("bad_response", "not_json", `${provider} ${req.endpoint}: HTTP ${status}: body is not JSON`, { status }),
        };
      }
      const parsed = req.schema.safeParse(json.value);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue ? `${issue.path.join(".") || "body"}: ${issue.message}` : "invalid";
        return {
          ok: false,
          transient: false,
          status,
          error: fail("bad_response", "unexpected_body", `${provider} ${req.endpoint}: HTTP ${status}: unexpected body (${where})`, {
            status,
          }),
        };
      }
      return { ok: true, value: parsed.data };
    }
    const mapped = req.mapError(status, json.ok ? json.value : undefined);
    // Some providers say "slow down" with another status (vifox: 405): the mapping decides.
    const limited = status === 429 || mapped.kind === "rate_limited";
    let waitMs: number | undefined;
    if (limited) {
      const fromHeader = parseRetryAfter(headers.get("retry-after"));
      const candidates = [fromHeader, mapped.retryAfterMs].filter((v): v is number => v !== undefined);
      waitMs = candidates.length > 0 ? Math.max(...candidates) : policy.defaultRetryAfterMs;
    }
    const error = fail(mapped.kind, mapped.code, mapped.message, { status, retryAfterMs: waitMs ?? mapped.retryAfterMs });
    return { ok: false, transient: limited || status >= 500, status, limited, waitMs, error };
  }

  async function request<T>(req: ProviderRequest<T>): Promise<T> {
    const started = Date.now();
    for (let n = 1; ; n++) {
      // Queueing for a slot is normal; waiting out a provider's long Retry-After is not: a write
      // waits no longer than it would after its own 429, a read no longer than its budget.
      const paused = Math.max(0, ...(req.limiters ?? []).map((l) => l.pausedForMs));
      const patience = req.retry === "none" ? policy.maxWriteRetryAfterMs : policy.budgetMs - (Date.now() - started);
      if (paused > patience) throw heldBack(req.endpoint, paused);
      const queueDeadline = Date.now() + (req.retry === "none" ? policy.maxWriteQueueMs : Math.max(0, patience));
      const r = await attempt(req, n, queueDeadline);
      if (r.ok) return r.value;
      let delay: number | undefined;
      if (req.retry === "read" && r.transient && n <= policy.readRetries) {
        const backoff = policy.baseDelayMs * 2 ** (n - 1) * (0.75 + Math.random() * 0.5);
        delay = Math.max(backoff, r.waitMs ?? 0);
      } else if (req.retry === "none" && r.limited && n === 1 && (r.waitMs ?? 0) <= policy.maxWriteRetryAfterMs) {
        delay = r.waitMs ?? 0;
      }
      if (delay === undefined || Date.now() - started + delay > policy.budgetMs) throw r.error;
      await sleep(delay);
    }
  }

  function queueFull(endpoint: string, waitedMs: number): ProviderError {
    return new ProviderError({
      provider,
      endpoint,
      kind: "rate_limited",
      code: "client_queue_full",
      message: `${provider} ${endpoint}: not sent, no slot in the documented rate limit within ${waitedMs} ms`,
    });
  }

  function limiterDown(endpoint: string): ProviderError {
    return new ProviderError({
      provider,
      endpoint,
      kind: "rate_limited",
      code: "limiter_unavailable", // one of NOT_SENT_CODES
      message: `${provider} ${endpoint}: not sent, the shared rate limiter could not be reached`,
      retryAfterMs: policy.defaultRetryAfterMs,
    });
  }

  function heldBack(endpoint: string, waitMs: number): ProviderError {
    const error = new ProviderError({
      provider,
      endpoint,
      kind: "rate_limited",
      code: "rate_limited",
      message: `${provider} ${endpoint}: held back, the provider asked us to wait ${Math.ceil(waitMs / 1000)} s`,
      retryAfterMs: waitMs,
    });
    observe(endpoint, "rate_limited", 0, error);
    return error;
  }

  return { provider, health, request };
}

/** Retry-After as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.ceil(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

function secretHeaderValues(headers: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(name.toLowerCase())) continue;
    out.push(value);
    const bearer = /^Bearer\s+(.+)$/i.exec(value);
    if (bearer?.[1]) out.push(bearer[1]);
  }
  return out;
}

function parseJson(text: string | undefined): { ok: true; value: unknown } | { ok: false } {
  if (text === undefined || text.trim() === "") return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Failures before a connection stood: not a byte of the request reached the provider. */
const NOT_CONNECTED = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

function networkDetail(e: unknown): string {
  // ofetch wraps fetch's TypeError("fetch failed"), which wraps the socket error (ECONNREFUSED…).
  let cur: unknown = e;
  let detail = "request failed";
  for (let depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const err = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof err.code === "string") return err.code;
    if (typeof err.message === "string" && err.message) detail = err.message;
    cur = err.cause;
  }
  return detail.slice(0, 200);
}

/** A partial options object without its undefined entries, safe to spread over defaults. */
export function definedOnly<T extends object>(partial: T): Partial<T> {
  return Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** What every adapter factory takes besides its own configuration. */
/** The shared client for an adapter, from the registry's deps: its secrets are scrubbed from every error. */
export function adapterHttp(
  provider: ProviderId,
  deps: AdapterDeps,
  secrets: string[],
  extra: Pick<ProviderHttpOptions, "transport"> = {},
): ProviderHttp {
  return createProviderHttp({
    provider,
    timeoutMs: deps.timeouts.readMs,
    metrics: deps.metrics,
    logger: deps.logger,
    health: deps.health,
    secrets,
    retry: deps.retry,
    ...extra,
  });
}

export interface AdapterDeps {
  /** Where the documented rate limits are counted (default: this process). */
  limiters?: LimiterFactory;
  metrics?: Metrics;
  logger?: Logger;
  health?: ProviderHealth;
  timeouts: { orderMs: number; readMs: number };
  retry?: Partial<RetryPolicy>;
}
