import type { CallbackTimings } from "../jobs/callbacks.js";
import type { OpsTimings } from "../jobs/ops.js";
import type { PointsSweepTimings } from "../jobs/points.js";
import type { SweepTimings } from "../jobs/workers.js";
import type { ProvidersConfig } from "../providers/registry.js";
import type { HintLimits } from "../server/xpay-webhook.js";
import type { SupportLimits } from "../domain/support/index.js";

/**
 * Every clock and back-off the app runs by, in one place. Production takes the defaults (each
 * module's own); tests shorten them to run in seconds.
 */
export interface Timings {
  /** Status poll and reconciliation back-off. */
  pollDelaysMs?: readonly number[];
  reconcileDelaysMs?: readonly number[];
  /** How long a top-up may stay Pending before it is declared unknown (default 24 h). */
  pendingWindowMs?: number;
  providerTimeouts?: ProvidersConfig["timeouts"];
  flood?: { max: number; windowMs: number };
  sweep?: Partial<SweepTimings>;
  /** vifox awards: waits between attempts and the sweep's timings. */
  points?: { retryDelaysMs?: readonly number[]; sweep?: Partial<PointsSweepTimings> };
  /** xpay deposits: the open-deposit check's period, when a bill-less deposit counts as lost, hint limits. */
  deposits?: { sweepEveryMs?: number; lostAfterMs?: number; hintLimits?: HintLimits };
  /** Messages to the operator group are this far apart (default: TELEGRAM_LIMITS.perGroupIntervalMs). */
  groupIntervalMs?: number;
  /** Transfer deposits: unreviewed this long are raised again (default 24 h), checked every `checkEveryMs`. */
  transfers?: { raiseAfterMs?: number; checkEveryMs?: number };
  /** How often the daily volume-tier pass looks whether today's run is still to do (default hourly). */
  tierCheckEveryMs?: number;
  /** The daily report and balance checks: their clock and timer periods. */
  ops?: { now?: () => number; timings?: Partial<OpsTimings> };
  /** How often providers in automatic maintenance are read to see whether they answer again. */
  maintenanceHealthEveryMs?: number;
  /** Support tickets: the open limit and the follow-up rate per ticket. */
  support?: Partial<SupportLimits>;
  /** The reseller API's callbacks: back-off, give-up, timeout and sweep. */
  callbacks?: Partial<CallbackTimings>;
}

/** The maintenance health check's period in production. */
export const MAINTENANCE_HEALTH_EVERY_MS = 60_000;
