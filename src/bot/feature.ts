import type { Composer } from "grammy";
import type { BotContext } from "./context.js";
import type { FlowRegistration } from "./flow.js";

/**
 * Where a feature sits in the middleware (bot/index.ts installs them in this order):
 * - "first": before any conversation resumes (/cancel must reach an active flow's user);
 * - "open": everyone, whatever their status (/start, /help, /language);
 * - "admin": the admin console, which has its own gate and lets everyone else fall through;
 * - "reseller": behind the one status gate (filters/reseller.ts);
 * - "last": whatever nothing else took.
 */
export type Stage = "first" | "open" | "admin" | "reseller" | "last";

export interface Feature {
  stage: Stage;
  handlers: Composer<BotContext>;
  /** The feature's conversations: registered ahead of every feature, so an active one takes its user's updates first. */
  flows?: readonly FlowRegistration[];
}

export const STAGES: readonly Stage[] = ["first", "open", "admin", "reseller", "last"];
