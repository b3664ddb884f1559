import type { Logger } from "../../observability/logger.js";
import type { Metrics } from "../../observability/metrics.js";
import type { ProviderDirectory } from "../../providers/types.js";
import type { OrderRecord, Store } from "../../store/types.js";
import type { Drafts } from "../drafts.js";
import type { Growth } from "../growth.js";
import type { Notifier } from "../notifications.js";
import type { Resellers } from "../resellers.js";
import type { Maintenance } from "../maintenance.js";
import type { PriceBook } from "../price-book.js";

export interface Scheduler {
  /** Hands an accepted order to the placement job (once per order); says whether it waits in line. */
  placement(orderId: string, options?: { again?: boolean }): Promise<{ queued: boolean }>;
  /**
   * Status poll `attempt` (0-based) of a chain of polls for an order; idempotent per chain and
   * attempt. Attempt 0 without a chain starts a new chain (a fresh job id: an order handed back
   * to polling is polled again even though its first chain's jobs are still remembered).
   */
  statusPoll(orderId: string, attempt: number, chain?: string): Promise<void>;
  /** Reconciliation of an `unknown` order, chained like statusPoll. */
  reconcile(orderId: string, attempt: number, chain?: string): Promise<void>;
}

export interface OrderServiceDeps {
  store: Store;
  providers: ProviderDirectory;
  drafts: Drafts;
  priceBook: PriceBook;
  maintenance: Maintenance;
  resellers: Resellers;
  notifier: Notifier;
  scheduler: Scheduler;
  logger: Logger;
  metrics?: Metrics;
  sandbox?: boolean;
  /** How long a gametopup order may stay Pending before it is declared unknown. */
  pendingWindowMs: number;
  /** Told when an order reaches "completed" or "shipped" (loyalty points); must be idempotent. */
  onDelivered?: (order: OrderRecord) => Promise<void>;
  /** Referral commissions and volume tiers (SPEC §7), told at the completion point and on every fresh refund. */
  growth?: Pick<Growth, "orderDelivered" | "orderRefunded">;
}
