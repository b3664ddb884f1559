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

/** The last thing we saw from one provider, for the admin `/providers` view. */
export class ProviderHealth {
  private state: ProviderHealthSnapshot;

  constructor(readonly provider: ProviderId) {
    this.state = { provider, calls: 0, failures: 0 };
  }

  record(endpoint: string, outcome: CallOutcome, latencyMs: number, errorCode?: string): void {
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
