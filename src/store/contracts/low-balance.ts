/** The low-balance threshold: the wallet level below which a reseller is alerted. */

/** Resellers' low-balance alert levels, per wallet currency, in minor units. */
export interface LowBalanceThresholds {
  set(userId: number, currency: string, threshold: number): Promise<void>;
  /** Removes one currency's level, or every level of the user; returns how many were removed. */
  clear(userId: number, currency?: string): Promise<number>;
  get(userId: number, currency: string): Promise<number | undefined>;
  byUser(userId: number): Promise<Record<string, number>>;
}
