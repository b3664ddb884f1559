/** The order record: one purchase a reseller placed with a provider, and its history. */
import type { Money, ProviderId } from "../../providers/contracts/money.js";

export type OrderState =
  | "pending"
  | "processing"
  | "completed"
  | "failed"
  | "refunded"
  | "unknown"
  | "shipped"
  | "cancelled"
  | "delivery_failed";

export interface OrderEvent {
  at: number;
  state: OrderState;
  note?: string;
}

export interface OrderRecord {
  id: string;
  userId: number;
  provider: ProviderId;
  sku: string;
  productName: string;
  quantity: number;
  email?: string;
  playerId?: string;
  zone?: string;
  /** What the reseller pays in total. */
  price: Money;
  /** What the provider charges the operator in total. */
  cost: Money;
  unitCost: Money;
  state: OrderState;
  providerOrderId?: string;
  /** Machine code of the last failure (provider error code or our own). */
  failure?: string;
  nickname?: string;
  note?: string;
  trackingInfo?: string;
  shippingStatus?: string;
  refundedAt?: number;
  /** When the order was handed to its provider (claimed once, just before the call). */
  sentAt?: number;
  sandbox?: boolean;
  createdAt: number;
  updatedAt: number;
  history: OrderEvent[];
}

export interface Orders {
  /** Creates the order unless its id exists; returns false when it did. */
  create(order: OrderRecord): Promise<boolean>;
  get(id: string): Promise<OrderRecord | undefined>;
  byProviderOrderId(provider: ProviderId, providerOrderId: string): Promise<OrderRecord | undefined>;
  /**
   * Compare-and-set: moves the order to `to` only when its state is one of `from`, merging
   * `patch`, appending history. Returns the new record, or undefined when the state did not match.
   */
  transition(
    id: string,
    from: readonly OrderState[],
    to: OrderState,
    patch?: Partial<Omit<OrderRecord, "id" | "state" | "history">>,
    note?: string,
  ): Promise<OrderRecord | undefined>;
  /**
   * Claims a pending order for sending to its provider: sets sentAt and appends `note` as an event,
   * only while it is pending and was never claimed. Returns the order, or undefined when another
   * sender (or a state change) got there first.
   */
  claimSending(id: string, note: string): Promise<OrderRecord | undefined>;
  /**
   * Fails a pending order that was never charged, under the same row lock as Ledger.debitOrder:
   * undefined when the order is not pending or a debit for it exists.
   */
  failUncharged(id: string, patch: Partial<Omit<OrderRecord, "id" | "state" | "history">>, note: string): Promise<OrderRecord | undefined>;
  /** Gives a claim back when nothing reached the provider (no rate-limit slot, a 429), so it can be sent later. */
  releaseSending(id: string, note: string): Promise<OrderRecord | undefined>;
  /** Patch without changing the state (e.g. refundedAt, nickname). */
  patch(id: string, patch: Partial<Omit<OrderRecord, "id" | "state" | "history">>): Promise<OrderRecord | undefined>;
  /** Newest first. */
  byUser(userId: number, opts?: { offset?: number; limit?: number }): Promise<OrderRecord[]>;
  countByUser(userId: number): Promise<number>;
  /** Ids of orders currently in a state, oldest first (meant for the open states). */
  idsInState(state: OrderState): Promise<string[]>;
}
