/** Promo codes (SPEC §7) and the uses orders took of them. */
import type { MoneyTotal } from "./reports.js";

export type PromoDiscount =
  | { kind: "percent" /** basis points: 10% = 1000 */; bp: number }
  | { kind: "amount"; amount: number; currency: string };

export interface PromoRecord {
  /** Upper case, as typed codes are compared. */
  code: string;
  discount: PromoDiscount;
  /** Uses in all; absent: no limit. */
  maxUses?: number;
  /** Uses per reseller; absent: no limit. */
  perReseller?: number;
  /** The code works before this instant (end of the `until=` day, UTC). */
  until?: number;
  /** The order total must reach this (minor units of `currency`). */
  min?: { amount: number; currency: string };
  /** "sku" or "provider:sku": the only product the code is for. */
  product?: string;
  active: boolean;
  /** Uses taken and not given back. */
  used: number;
  createdBy: number;
  createdAt: number;
}

export type NewPromo = Omit<PromoRecord, "active" | "used" | "createdAt">;

/** What an order's debit takes with it: the use of `code`, worth `discount` (minor units of `currency`). */
export interface PromoClaim {
  code: string;
  discount: number;
  currency: string;
}

/** Why a use could not be taken at the debit (the card's checks of minimum and product came earlier). */
export type PromoTakeRefusal = "unknown" | "off" | "expired" | "used_up" | "per_reseller";

export interface PromoUse {
  orderId: string;
  code: string;
  userId: number;
  discount: number;
  currency: string;
  at: number;
  releasedAt?: number;
}

export interface Promos {
  /** False when the code exists already. */
  add(promo: NewPromo): Promise<boolean>;
  get(code: string): Promise<PromoRecord | undefined>;
  /** Newest first. */
  list(): Promise<PromoRecord[]>;
  /** Switches a code off; undefined when there is no such code. */
  turnOff(code: string): Promise<PromoRecord | undefined>;
  /** Uses of `code` this reseller holds (not given back). */
  usesBy(code: string, userId: number): Promise<number>;
  /** Discount given with `code` per currency, over uses not given back. */
  given(code: string): Promise<MoneyTotal[]>;
  useOf(orderId: string): Promise<PromoUse | undefined>;
  /** Gives an order's use back (a refund): true the one time it did. */
  release(orderId: string): Promise<boolean>;
  /** Discount given in [since, until) per currency (uses not given back), for profit. */
  discounts(since: number, until: number): Promise<MoneyTotal[]>;
}
