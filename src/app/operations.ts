import type { Config } from "../config.js";
import { pickLocale } from "../bot/i18n.js";
import { createBroadcasts } from "../domain/broadcasts.js";
import { createDailyReports } from "../domain/daily-report.js";
import { createBalanceAlerts } from "../domain/provider-alerts.js";
import type { Logger } from "../observability/logger.js";
import type { Store } from "../store/index.js";
import type { Foundation } from "./foundation.js";
import type { Timings } from "./timings.js";

/** Running the business: broadcasts, the admins' daily report and /stats, provider balance alerts. */
export function buildOperations(config: Config, f: Foundation, store: Store, deps: { logger: Logger; timings: Timings }) {
  const { notifier, providers, translator } = f;
  const { logger } = deps;
  const reports = createDailyReports({
    store,
    providers,
    notifier,
    logger,
    adminIds: config.adminIds,
    hour: config.report.hour,
    timeZone: config.report.timeZone,
    now: deps.timings.ops?.now ?? Date.now,
    routing: f.alertRouting,
    async translatorFor(userId) {
      const user = userId === undefined ? undefined : await store.users.get(userId);
      const locale = pickLocale(user?.locale, user?.telegramLanguage, config.defaultLocale);
      return (key, args) => translator.render(locale, key, args);
    },
  });
  return {
    broadcasts: createBroadcasts({ store, kv: store.kv, notifier, adminIds: config.adminIds }),
    reports,
    balances: createBalanceAlerts({ providers, kv: store.kv, notifier, logger, ...config.balanceAlerts }),
  };
}

export type Operations = ReturnType<typeof buildOperations>;
