/** The audit entry: one admin action, with what it changed. */
export interface AuditEntry {
  at: number;
  actor: number;
  action: string;
  target?: string;
  before?: unknown;
  after?: unknown;
  note?: string;
}

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  recent(n: number): Promise<AuditEntry[]>;
}
