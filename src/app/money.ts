import type { Config } from "../config.js";
import { createDepositService } from "../domain/deposits.js";
import { watchLedger, watchTransfers } from "../domain/ledger-watch.js";
import { createLowBalance } from "../domain/low-balance.js";
import { createSavedCustomers } from "../domain/saved-customers.js";
import { createWallets } from "../domain/wallets.js";
import { queueDepositJobs } from "../jobs/deposits.js";
import type { Logger } from "../observability/logger.js";
import type { Store } from "../store/index.js";
import type { Foundation } from "./foundation.js";
import type { Team } from "./team.js";
import type { Timings } from "./timings.js";

/**
 * Wallets and the ledger: every entry applied, by any path, is watched (the reseller's
 * low-balance alert; an order's customer saved when it is charged), and everything after this
 * area uses the watched store. Deposits (xpay bills) credit through the same ledger.
 */
export function buildMoney(config: Config, f: Foundation, team: Team, deps: { logger: Logger; timings: Timings }) {
  const { logger } = deps;
  const customers = createSavedCustomers({ customers: f.store.customers, orders: f.store.orders, logger });
  const lowBalance = createLowBalance({ thresholds: f.store.lowBalance, notifier: f.notifier });
  const listeners = [lowBalance.onEntry, customers.onEntry];
  const store: Store = {
    ...f.store,
    ledger: watchLedger(f.store.ledger, listeners, logger),
    transfers: watchTransfers(f.store.transfers, listeners, logger),
  };
  const deposits = createDepositService({
    store,
    providers: f.providers,
    notifier: f.notifier,
    jobs: queueDepositJobs(f.queues, store.kv),
    logger,
    config: config.deposits,
    lostAfterMs: deps.timings.deposits?.lostAfterMs,
  });
  return {
    store,
    customers,
    lowBalance,
    wallets: createWallets({ ledger: store.ledger, notifier: f.notifier, audit: team.audit }),
    deposits,
  };
}

export type Money = ReturnType<typeof buildMoney>;
