/** Referrals and volume tiers (SPEC §7): bindings, commissions, and the admins' settings. */
import type { Tier } from "../../domain/tiers.js";

export interface GrowthSettings {
  /** The commission in basis points of an order's margin (250 = 2.5 %); 0 = off. */
  referralBasisPoints: number;
  /** Months after binding during which a referred reseller's orders earn a commission. */
  referralMonths: number;
  /** Per currency: the 30-day completed sales (minor units) that promote to each tier. */
  thresholds: Record<string, Partial<Record<Tier, number>>>;
}

export interface ReferralBinding {
  userId: number;
  referrerId: number;
  boundAt: number;
}

export interface CommissionRecord {
  orderId: string;
  referrerId: number;
  userId: number;
  currency: string;
  amount: number;
  at: number;
  /** Taken back from the referrer by an admin refund. */
  reversed: number;
  /** What the refund could not take back (the referrer's balance was lower). */
  shortfall: number;
}

export interface GrowthRecords {
  settings(): Promise<GrowthSettings>;
  setReferral(patch: { basisPoints?: number; months?: number }): Promise<void>;
  /** Replaces one currency's thresholds (an empty set removes them). */
  setThresholds(currency: string, thresholds: Partial<Record<Tier, number>>): Promise<void>;
  /** Binds a user to a referrer unless already bound (or the same user); true when this call bound them. */
  bind(userId: number, referrerId: number, at: number): Promise<boolean>;
  referrerOf(userId: number): Promise<ReferralBinding | undefined>;
  /** How many users are bound to this referrer. */
  joined(referrerId: number): Promise<number>;
  /** Records an order's commission once; a second record of the same order changes nothing. */
  recordCommission(c: Omit<CommissionRecord, "reversed" | "shortfall">): Promise<void>;
  commission(orderId: string): Promise<CommissionRecord | undefined>;
  /** Records what a refund took back and could not; only the first reversal of an order counts. */
  recordReversal(orderId: string, reversed: number, shortfall: number, at: number): Promise<void>;
  /** Commissions kept (amount minus reversed) per currency, of commissions since `since` (all when absent). */
  earned(referrerId: number, since?: number): Promise<Record<string, number>>;
  /** What refunds could not take back from this referrer, per currency. */
  shortfalls(referrerId: number): Promise<Record<string, number>>;
  /** Commissions kept per currency of commissions in [since, until): a deduction from profit. */
  commissionTotals(since: number, until: number): Promise<Record<string, number>>;
  /** A reseller's completed (or shipped) sales per currency of orders created since `since`. */
  completedSales(userId: number, since: number): Promise<Record<string, number>>;
  /** Users with completed sales since `since` (the daily promotion pass). */
  sellersSince(since: number): Promise<number[]>;
}
