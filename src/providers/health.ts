import type { ProviderErrorKind, ProviderId } from "./types.js";

/** The outcome label of one provider call (metrics and health). */
export type CallOutcome = "ok" | ProviderErrorKind;

export interface ProviderHealthSnapshot {
  provider: ProviderId;
  lastOutcome?: CallOutcome;
  lastEndpoint?: string;
  lastLatencyMs?: number;
  /** ProviderError code of the last failed call, cleared by a success. */
  lastErrorCode?: string;
  /** ISO time of the last call. */
  at?: string;
  calls: number;
  failures: number;
}

/**
 * What one call attempt says about whether the provider is up (automatic maintenance, SPEC §5):
 * no answer (unreachable, timeout) or a 5xx is a "failure"; any answer, 4xx included, is an
 * "answer"; a call that never went out (our own rate limiter held it) is "neither".
 */
export type UpSignal = "failure" | "answer" | "neither";

export function upSignal(outcome: CallOutcome, status?: number): UpSignal {
  if (outcome === "ok") return "answer";
  if (status !== undefined) return status >= 500 ? "failure" : "answer";
  return outcome === "timeout" || outcome === "unavailable" ? "failure" : "neither";
}

/** The last thing we saw from one provider, for the admin `/providers` view. */
export class ProviderHealth {
  private state: ProviderHealthSnapshot;
  private readonly listeners: ((signal: UpSignal) => void)[] = [];

  constructor(readonly provider: ProviderId) {
    this.state = { provider, calls: 0, failures: 0 };
  }

  /** Told of every attempt's UpSignal (the failure streak counts them); must not throw. */
  listen(fn: (signal: UpSignal) => void): void {
    this.listeners.push(fn);
  }

  record(endpoint: string, outcome: CallOutcome, latencyMs: number, errorCode?: string, status?: number): void {
    const signal = upSignal(outcome, status);
    for (const fn of this.listeners) fn(signal);
    this.state = {
      provider: this.provider,
      lastOutcome: outcome,
      lastEndpoint: endpoint,
      lastLatencyMs: Math.round(latencyMs),
      lastErrorCode: outcome === "ok" ? undefined : errorCode,
      at: new Date().toISOString(),
      calls: this.state.calls + 1,
      failures: this.state.failures + (outcome === "ok" ? 0 : 1),
    };
  }

  snapshot(): ProviderHealthSnapshot {
    return { ...this.state };
  }
}
