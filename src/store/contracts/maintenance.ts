/** Maintenance records (SPEC §5): what is taken out of sale, by whom, since when and why. */

export type MaintenanceScope = "bot" | "provider" | "product";

export interface MaintenanceEntry {
  scope: MaintenanceScope;
  /** "" for the whole bot, a provider id, or a product key `${provider}:${sku}`. */
  target: string;
  /** What resellers are told; for an automatic entry a message key. */
  note?: string;
  /** The team member who set it; absent when set automatically. */
  setBy?: number;
  /** Epoch ms. */
  setAt: number;
  /** Set by a provider's failure streak; only these are lifted by the health check. */
  auto: boolean;
}

export interface MaintenanceRecords {
  /** Everything in maintenance, oldest first. */
  list(): Promise<MaintenanceEntry[]>;
  /**
   * Puts a target in maintenance. `ifAbsent`: only when it is not in maintenance already (an
   * automatic entry never overrides a manual one). Returns true when this call stored it.
   */
  set(entry: MaintenanceEntry, opts?: { ifAbsent?: boolean }): Promise<boolean>;
  /** Lifts it; `autoOnly`: only an automatic entry (a manual one stays). True when one was removed. */
  clear(scope: MaintenanceScope, target: string, opts?: { autoOnly?: boolean }): Promise<boolean>;
}
