/** The payments capability (xpay): deposit bills, and the unsigned notifications that a bill changed. */
import type { Money } from "./money.js";

/** Where a deposit bill stands. Only "paid" may ever credit a wallet. */
export type BillStatus = "unpaid" | "paid" | "expired" | "cancelled";

export interface CreateBillRequest {
  /** Integer, minor units of `currency` (lib/money.ts); must be positive. */
  amount: number;
  currency: string;
  /** Our deposit id: unique per deposit, stable across retries; searchBills finds a bill by it. */
  reference: string;
  description?: string;
}

export interface Bill {
  /** The payment provider's bill id. */
  id: string;
  reference: string;
  amount: Money;
  status: BillStatus;
  /** Where the payer pays, when the provider gives a link. */
  payUrl?: string;
  /** Free-text payment instructions, when the provider gives them. */
  instructions?: string;
  /** Epoch milliseconds. */
  expiresAt?: number;
  paidAt?: number;
  createdAt?: number;
}

export interface BillQuery {
  reference?: string;
  status?: BillStatus;
}

/**
 * A payment-provider notification, never trusted for amounts or status: it only says which bill
 * to re-read from the API before anything is credited.
 */
export interface PaymentHint {
  billId?: string;
  reference?: string;
}

export interface PaymentsSource {
  createBill(req: CreateBillRequest): Promise<Bill>;
  getBill(id: string): Promise<Bill>;
  /** Answers the bill as it stands after the cancel. */
  cancelBill(id: string): Promise<Bill>;
  searchBills(query: BillQuery): Promise<Bill[]>;
  /** Reads an unsigned notification body; throws ProviderError(kind "bad_response") when it names no bill. */
  parseHint(rawBody: Uint8Array | string): PaymentHint;
}
