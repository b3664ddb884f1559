/**
 * What every fake provider shares: a request log, injected failures and latency per endpoint,
 * and a clean way to stop requests that were told to hang.
 */
import type { HttpBindings } from "@hono/node-server";
import type { Context, MiddlewareHandler } from "hono";

/**
 * An injected failure for the next request(s) to an endpoint:
 * - `{ status, body, headers? }`: answer that instead (nothing is processed);
 * - "timeout": never answer (until the fake closes or resets); "garbage": 200 with an HTML body;
 *   "reset": drop the connection;
 * - `{ afterProcessing: … }`: process the request for real, then fail the same way — the
 *   provider did the work but we never hear about it (order "unknown" and reconciliation).
 */
export type FailMode = "timeout" | "garbage" | "reset";
export type FailSpec =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | FailMode
  | { afterProcessing: FailMode }
  /** Process the request for real at once, but hold the (true) answer back this long: a slow answer racing the provider's own webhooks. */
  | { answerAfterMs: number };

export interface LoggedRequest {
  endpoint: string;
  method: string;
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON when the body is JSON, else the raw text (undefined when empty). */
  body: unknown;
  rawBody: string;
  at: number;
  /** The status answered; undefined while pending, or when the connection was dropped or held. */
  status?: number;
}

export type FakeEnv = { Bindings: HttpBindings };

export class FakeHarness<E extends string> {
  private log: LoggedRequest[] = [];
  private failures = new Map<E, Array<FailSpec>>();
  private latency = new Map<E, number>();
  private stop = new AbortController();

  failNext(endpoint: E, spec: FailSpec, times = 1): void {
    const queue = this.failures.get(endpoint) ?? [];
    for (let i = 0; i < times; i++) queue.push(spec);
    this.failures.set(endpoint, queue);
  }

  setLatency(endpoint: E, ms: number): void {
    if (ms > 0) this.latency.set(endpoint, ms);
    else this.latency.delete(endpoint);
  }

  requests(endpoint?: E): LoggedRequest[] {
    return this.log.filter((r) => endpoint === undefined || r.endpoint === endpoint).map((r) => ({ ...r, headers: { ...r.headers } }));
  }

  /** Clears the log, failures and latencies, and lets hanging requests go. */
  reset(): void {
    this.log = [];
    this.failures.clear();
    this.latency.clear();
    this.releaseHanging();
  }

  releaseHanging(): void {
    this.stop.abort();
    this.stop = new AbortController();
  }

  /** Sleeps, but wakes early when the fake closes or resets. */
  wait(ms: number): Promise<void> {
    const signal = this.stop.signal;
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done);
    });
  }

  /** Logs every request, then applies latency and any injected failure. */
  middleware(endpointOf: (path: string) => E | undefined): MiddlewareHandler<FakeEnv> {
    return async (c, next) => {
      const endpoint = endpointOf(c.req.path);
      const rawBody = c.req.method === "GET" || c.req.method === "HEAD" ? "" : await c.req.text();
      const entry: LoggedRequest = {
        endpoint: endpoint ?? "other",
        method: c.req.method,
        path: c.req.path,
        headers: Object.fromEntries([...c.req.raw.headers].map(([k, v]) => [k.toLowerCase(), v])),
        body: parseMaybeJson(rawBody),
        rawBody,
        at: Date.now(),
      };
      this.log.push(entry);
      let spec: FailSpec | undefined;
      if (endpoint !== undefined) {
        const delay = this.latency.get(endpoint);
        if (delay) await this.wait(delay);
        spec = this.failures.get(endpoint)?.shift();
      }
      if (spec === undefined) {
        await next();
        entry.status = c.res.status;
        return;
      }
      if (typeof spec === "string") return this.fail(c, spec, entry, false);
      if ("afterProcessing" in spec) {
        await next();
        return this.fail(c, spec.afterProcessing, entry, true);
      }
      if ("answerAfterMs" in spec) {
        await next();
        entry.status = c.res.status;
        await this.wait(spec.answerAfterMs);
        return;
      }
      entry.status = spec.status;
      return c.newResponse(JSON.stringify(spec.body), spec.status as 200, { "content-type": "application/json", ...spec.headers });
    };
  }

  private async fail(c: Context<FakeEnv>, mode: FailMode, entry: LoggedRequest, replace: boolean): Promise<Response | undefined> {
    let res: Response;
    if (mode === "timeout") {
      // Hold the answer back until the fake closes or resets; the client times out first.
      await this.wait(600_000);
      res = c.newResponse(null, 504);
    } else if (mode === "garbage") {
      entry.status = 200;
      res = c.newResponse("<html><body><h1>502 Bad Gateway</h1></body></html>", 200, { "content-type": "text/html" });
    } else {
      c.env.incoming.socket.destroy();
      res = c.newResponse(null, 500);
    }
    if (!replace) return res;
    // Drop the real answer first: assigning over it would copy its headers (content-length…).
    c.res = undefined;
    c.res = res;
  }
}

export function parseMaybeJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A sliding-window limit: at most `max` hits in any `windowMs`. */
export class SlidingWindow {
  private hits: number[] = [];
  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}

  /** Counts a hit when allowed; otherwise returns how long until one would be. */
  hit(now = Date.now()): { ok: true } | { ok: false; retryAfterMs: number } {
    for (let oldest = this.hits[0]; oldest !== undefined && oldest <= now - this.windowMs; oldest = this.hits[0]) this.hits.shift();
    const [oldest] = this.hits;
    if (oldest !== undefined && this.hits.length >= this.max) return { ok: false, retryAfterMs: oldest + this.windowMs - now };
    this.hits.push(now);
    return { ok: true };
  }

  reset(): void {
    this.hits = [];
  }
}
