/** The deposit record: money a reseller pays into their wallet through a payment provider's bill. */
import type { Money } from "../../providers/contracts/money.js";

export type DepositState = "open" | "paid" | "expired" | "cancelled";

/** A wallet deposit paid through a payment provider's bill. */
export interface DepositRecord {
  /** Ours: the bill's reference at the provider. */
  id: string;
  userId: number;
  amount: Money;
  billId?: string;
  state: DepositState;
  payUrl?: string;
  instructions?: string;
  expiresAt?: number;
  createdAt: number;
  updatedAt: number;
  settledAt?: number;
}

export interface Deposits {
  /** Creates the deposit unless its id exists; returns false when it did. */
  create(deposit: DepositRecord): Promise<boolean>;
  get(id: string): Promise<DepositRecord | undefined>;
  byBillId(billId: string): Promise<DepositRecord | undefined>;
  /** Records the provider's bill for an open deposit. */
  attachBill(
    id: string,
    bill: { billId: string; payUrl?: string; instructions?: string; expiresAt?: number },
  ): Promise<DepositRecord | undefined>;
  /** Compare-and-set out of "open"; undefined when it was no longer open. */
  settle(id: string, to: Exclude<DepositState, "open">): Promise<DepositRecord | undefined>;
  /** Open deposits, oldest first (the fallback check). */
  open(): Promise<DepositRecord[]>;
  /** Newest first. */
  byUser(userId: number, opts?: { offset?: number; limit?: number }): Promise<DepositRecord[]>;
}
