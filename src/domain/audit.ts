import type { AuditEntry, AuditLog } from "../store/types.js";

export interface AuditChange {
  /** What was acted on: a user id, an order id, a product key, a tier. */
  target?: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

/**
 * The one way admin actions reach the append-only audit log, so every entry has the same
 * shape (who, what, when, before/after) whichever command or domain module wrote it.
 */
export function createAuditTrail(log: AuditLog) {
  return {
    record(actor: number, action: string, change: AuditChange = {}): Promise<void> {
      return log.append({ at: Date.now(), actor, action, ...change });
    },
    /** Newest first; n is clamped to at least 1 (a Redis LRANGE of -0 would return everything). */
    recent(n: number): Promise<AuditEntry[]> {
      return log.recent(Math.max(1, Math.floor(n)));
    },
  };
}

export type AuditTrail = ReturnType<typeof createAuditTrail>;
