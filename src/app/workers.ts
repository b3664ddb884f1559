import type { TeamAlerts } from "../jobs/team-alerts.js";
import type { ChatDelivery } from "../jobs/workers.js";
import { startBulkWorker } from "../jobs/bulk.js";
import { startDepositWorkers } from "../jobs/deposits.js";
import { startOpsTimers } from "../jobs/ops.js";
import { startPointsWorker } from "../jobs/points.js";
import { startTransferTimers } from "../jobs/transfers.js";
import { startTierPromotions } from "../jobs/tier-promotions.js";
import { startWorkers } from "../jobs/workers.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { Foundation } from "./foundation.js";
import type { Part } from "./lifecycle.js";
import type { Money } from "./money.js";
import type { Operations } from "./operations.js";
import type { Ordering } from "./orders.js";
import type { Team } from "./team.js";
import type { Timings } from "./timings.js";
import type { TransferArea } from "./transfers.js";

/**
 * This process's share of the jobs: placements, notifications, polls and reconciliation, awards,
 * deposits, bulk summaries, and the operators' timers. Each starter returns its stop; the
 * queues' own workers close with the queues (foundation), after these.
 */
export function workersPart(
  f: Foundation,
  a: { team: Team; money: Money; orders: Ordering; operations: Operations; transfers: TransferArea },
  deps: { delivery: ChatDelivery; teamAlerts?: TeamAlerts; logger: Logger; metrics: Metrics; timings: Timings },
): Part {
  const { queues } = f;
  const { kv } = a.money.store;
  const { logger, timings } = deps;
  let stops: (() => void)[] = [];
  return {
    name: "workers",
    start() {
      stops = [
        startWorkers({
          queues,
          delivery: deps.delivery,
          orders: a.orders.orders,
          scheduler: a.orders.scheduler,
          resellers: a.team.resellers,
          broadcasts: a.operations.broadcasts,
          kv,
          logger,
          metrics: deps.metrics,
          teamAlerts: deps.teamAlerts,
          sweep: timings.sweep,
        }),
        startPointsWorker({ queues, points: a.orders.points, kv, logger, sweep: timings.points?.sweep }),
        startDepositWorkers({ queues, deposits: a.money.deposits, kv, logger, everyMs: timings.deposits?.sweepEveryMs }),
        startBulkWorker({ queues, bulk: a.orders.bulk }),
        startTransferTimers({ transfers: a.transfers.transfers, kv, logger, everyMs: timings.transfers?.checkEveryMs }),
        startTierPromotions({ growth: a.orders.growth, kv, logger, everyMs: timings.tierCheckEveryMs }),
        startOpsTimers({ reports: a.operations.reports, balances: a.operations.balances, kv, logger, timings: timings.ops?.timings }),
      ];
    },
    stop() {
      for (const stop of stops) stop();
    },
  };
}
