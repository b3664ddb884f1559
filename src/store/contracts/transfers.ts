/** Deposits by transfer (SPEC §6): the operator's payees and the slips resellers send. */
import type { LedgerEntry, LedgerInput } from "./ledger.js";
import type { MoneyTotal } from "./reports.js";

/** One of the operator's accounts a reseller may pay into. */
export interface Payee {
  id: number;
  currency: string;
  label: string;
  details: string;
  createdBy: number;
  createdAt: number;
}

export type TransferState = "submitted" | "approved" | "rejected" | "expired";

/** The picture of the slip as Telegram knows it. */
export interface Slip {
  fileId: string;
  /** The same picture sent again has the same unique id (the duplicate check). */
  fileUniqueId: string;
  kind: "photo" | "document";
}

export interface TransferDeposit {
  /** Ours, and the reference code the reseller writes on the transfer; also the ledger key. */
  id: string;
  userId: number;
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  state: TransferState;
  slip: Slip;
  duplicateOf?: string;
  /** What the reseller claimed, when a reviewer changed the amount. */
  claimedAmount?: number;
  reviewedBy?: number;
  reviewedAt?: number;
  /** Why it was rejected (a preset reason's key or the reviewer's words). */
  reason?: string;
  createdAt: number;
  updatedAt: number;
  raisedAt?: number;
}

/** A review card posted to the team. */
export interface ReviewCard {
  chatId: number;
  messageId: number;
}

/** The credit an approval writes: the deposit gives the user, currency and amount; always a "credit". */
export type TransferCredit = Pick<LedgerInput, "reason" | "actor" | "key" | "note">;

export type ApproveResult =
  | { kind: "approved"; deposit: TransferDeposit; entry: LedgerEntry }
  /** Someone decided first (or it is unknown): nothing changed. */
  | { kind: "decided"; deposit: TransferDeposit | undefined };

export interface Transfers {
  addPayee(p: Omit<Payee, "id" | "createdAt">): Promise<Payee>;
  /** Active payees (of one currency), oldest first. */
  payees(currency?: string): Promise<Payee[]>;
  /** Removes an active payee; false when there was none with that id. */
  removePayee(id: number): Promise<boolean>;

  /** Creates the deposit unless its id exists; false when it did. */
  create(d: TransferDeposit): Promise<boolean>;
  get(id: string): Promise<TransferDeposit | undefined>;
  /** The reseller's deposits still waiting for review. */
  openCount(userId: number): Promise<number>;
  /** The oldest other deposit with this slip, if any. */
  firstWithSlip(fileUniqueId: string, exceptId: string): Promise<TransferDeposit | undefined>;
  /** A new amount while still submitted (the claimed one kept); undefined once decided. */
  changeAmount(id: string, amount: number): Promise<TransferDeposit | undefined>;
  /**
   * submitted → approved and the ledger credit, in one transaction: only one caller ever moves
   * it, and the credit's idempotency key (`credit.key`) is written once.
   */
  approve(id: string, by: number, credit: TransferCredit): Promise<ApproveResult>;
  /** submitted → rejected with a reason; undefined when it was already decided. */
  reject(id: string, by: number, reason: string): Promise<TransferDeposit | undefined>;
  addCard(depositId: string, card: ReviewCard): Promise<void>;
  cards(depositId: string): Promise<ReviewCard[]>;
  /** Submitted deposits last raised (or created) before `before`, oldest first. */
  unreviewedSince(before: number): Promise<TransferDeposit[]>;
  /** Claims a re-raise: true for one caller while `raisedAt` is still what it read. */
  markRaised(id: string, seen: number | undefined, at: number): Promise<boolean>;
  /** Transfer deposits approved in [since, until), per currency (reports). */
  approvedTotals(since: number, until: number): Promise<MoneyTotal[]>;
}
