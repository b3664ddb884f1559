import { addDays, localDate, startOfLocalDay, zonedParts } from "../lib/time-zone.js";
import { salesHistory } from "./sales-history.js";
import { collectMoneyIn, collectStats, type MoneyIn, profit } from "./stats.js";
import type { Logger } from "../observability/logger.js";
import type { ProviderHealthSnapshot } from "../providers/health.js";
import { ProviderError, type Money, type ProviderAdapter, type ProviderDirectory, type ProviderId } from "../providers/types.js";
import type { MoneyTotal, SalesRow, Store } from "../store/types.js";
import { money, type MessageArgs, type Notifier } from "./notifications.js";
import type { AlertRouting } from "./team/alert-routing.js";
import { topicOf } from "./team/alert-topics.js";

/** Renders a message id in one reader's language (ctx.tr, or the translator for an admin). */
export type Translate = (key: string, args?: MessageArgs) => string;

/** A local calendar day as an interval of instants: [since, until). */
export interface ReportWindow {
  day: string;
  since: number;
  until: number;
}

/** Yesterday in the zone, as seen at `now`. */
export function yesterday(now: number, timeZone: string): ReportWindow {
  const today = localDate(now, timeZone);
  const day = addDays(today, -1);
  return { day, since: startOfLocalDay(day, timeZone), until: startOfLocalDay(today, timeZone) };
}

/** A provider as the report shows it: its last call, and what a live check read. */
export interface ProviderCheck {
  provider: ProviderId;
  health?: ProviderHealthSnapshot;
  balance?: Money;
  pool?: number;
  /** The live check failed: `kind:code`. */
  error?: string;
}

export interface DailyReport {
  day: string;
  timeZone: string;
  sales: SalesRow[];
  refunds: MoneyTotal[];
  deposits: MoneyTotal[];
  /** Money into wallets by source (xpay is `deposits` again): none of it is revenue. */
  moneyIn: MoneyIn;
  /** Orders whose outcome is unknown, open now (not only yesterday's). */
  unknownOpen: number;
  /** Promo discounts given (SPEC §7): already out of the sales' revenue and margin, shown beside them. */
  discounts: MoneyTotal[];
  providers: ProviderCheck[];
  /** Referral commissions kept (SPEC §7), per currency: taken off the profit. */
  commissions?: Record<string, number>;
}

export type ReportProviders = ProviderDirectory & { health(): Record<string, ProviderHealthSnapshot> };

/**
 * One cheap read per provider, so the report says how each one is now and not only how it was
 * on this process's last call: the operator's balance, the points pool, the licence account, or
 * the catalogue (gametopup has nothing lighter). Payments have no read without a bill: their
 * last call is all we show.
 */
async function check(a: ProviderAdapter, logger: Logger): Promise<Omit<ProviderCheck, "health">> {
  try {
    if (a.account) return { provider: a.id, balance: (await a.account.getAccount()).balance };
    if (a.points) return { provider: a.id, pool: (await a.points.liquidityPool()).points };
    if (a.licenceAccount) await a.licenceAccount.me();
    else if (a.catalog) await a.catalog.listProducts();
    return { provider: a.id };
  } catch (err) {
    logger.warn({ err, provider: a.id }, "report: provider check failed");
    return { provider: a.id, error: err instanceof ProviderError ? `${err.kind}:${err.code}` : "internal_error" };
  }
}

export async function collectDailyReport(
  deps: { store: Store; providers: ReportProviders; logger: Logger },
  w: ReportWindow,
  timeZone: string,
): Promise<DailyReport> {
  const { store, providers, logger } = deps;
  const checks = await Promise.all(providers.list().map((a) => check(a, logger)));
  // Read after the checks, which are calls too: a provider that answered them shows as healthy.
  const health = providers.health();
  const [sales, refunds, moneyIn, unknown, discounts, commissions] = await Promise.all([
    store.reports.sales(w.since, w.until),
    store.reports.refunds(w.since, w.until),
    collectMoneyIn(store, w.since, w.until),
    store.orders.idsInState("unknown"),
    store.promos.discounts(w.since, w.until),
    store.growth.commissionTotals(w.since, w.until),
  ]);
  const deposits = moneyIn.xpay;
  return {
    day: w.day,
    timeZone,
    sales,
    refunds,
    deposits,
    moneyIn,
    unknownOpen: unknown.length,
    discounts,
    providers: checks.map((c) => ({ ...c, health: health[c.provider] })),
    commissions,
  };
}

const minute = (iso: string | undefined) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "-");

function providerLine(c: ProviderCheck, tr: Translate): string {
  const h = c.health;
  const base = { provider: c.provider, endpoint: h?.lastEndpoint ?? "-", at: minute(h?.at) };
  const parts = [
    !h?.lastOutcome
      ? tr("ops-report-provider-idle", base)
      : h.lastOutcome === "ok"
        ? tr("ops-report-provider-ok", base)
        : tr("ops-report-provider-failing", { ...base, outcome: h.lastOutcome, code: h.lastErrorCode ?? "-" }),
  ];
  if (c.balance) parts.push(tr("ops-report-balance", { balance: money(c.balance.amount, c.balance.currency) }));
  if (c.pool !== undefined) parts.push(tr("ops-report-pool", { points: c.pool }));
  if (c.error) parts.push(tr("ops-report-check-failed", { error: c.error }));
  return parts.join(" · ");
}

/** Profit per currency (sales − provider cost − commissions): under the sales, in growth.ftl's words. */
const profitLines = (r: DailyReport, tr: Translate): string[] =>
  Object.entries(profit(r.sales, { discounts: {}, commissions: r.commissions ?? {} }))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([currency, amount]) =>
      tr("growth-report-profit", { profit: money(amount, currency), commissions: money(r.commissions?.[currency] ?? 0, currency) }),
    );

const totals = (rows: readonly MoneyTotal[], tr: Translate) =>
  rows.length === 0
    ? tr("ops-report-none")
    : rows.map((t) => tr("ops-report-total", { count: t.count, sum: money(t.sum, t.currency) })).join("; ");

/**
 * The arguments of `ops-report` in one reader's language. Its sections have as many lines as
 * there are providers and currencies, so they are rendered here (plain text, no markup: the
 * renderer escapes string arguments) and the message itself keeps the layout and emphasis.
 */
export function reportArgs(r: DailyReport, tr: Translate): MessageArgs {
  const sales = r.sales.map((s) =>
    tr("ops-report-sale", {
      provider: s.provider,
      orders: s.orders,
      revenue: money(s.revenue, s.currency),
      margin: money(s.margin, s.currency),
    }),
  );
  // Under the sales they came out of (promo.ftl), so the report's layout stays as it is.
  const discounts = r.discounts.length > 0 ? `\n${tr("promo-stats-discounts", { total: totals(r.discounts, tr) })}` : "";
  return {
    day: r.day,
    zone: r.timeZone,
    sales: (sales.length === 0 ? tr("ops-report-no-sales") : [...sales, ...profitLines(r, tr)].join("\n")) + discounts,
    refunds: totals(r.refunds, tr),
    // One line, each source apart (transfer.ftl), so no source reads as part of another.
    deposits: tr("transfer-report-sources", {
      xpay: totals(r.moneyIn.xpay, tr),
      transfer: totals(r.moneyIn.transfer, tr),
      admin: totals(r.moneyIn.admin, tr),
    }),
    unknown: r.unknownOpen,
    providers: r.providers.length === 0 ? tr("ops-report-none") : r.providers.map((c) => providerLine(c, tr)).join("\n"),
  };
}

export interface DailyReportsDeps {
  store: Store;
  providers: ReportProviders;
  notifier: Notifier;
  logger: Logger;
  adminIds: readonly number[];
  /** Local hour at which the report goes out; undefined: never on its own (`/report` still works). */
  hour: number | undefined;
  timeZone: string;
  /** Where the team's alerts go: the report goes to the operator group's Reports topic, or to its readers' DMs. */
  routing?: AlertRouting;
  /** A translate function in the admin's language (no id: the operator's default language, for the group). */
  translatorFor(userId: number | undefined): Promise<Translate>;
  now(): number;
}

/** How long a day's claim is kept: past the day it names, whatever the zone. */
const CLAIM_TTL_MS = 3 * 24 * 3600_000;

export function createDailyReports(deps: DailyReportsDeps) {
  const { store, logger } = deps;

  const collect = (w: ReportWindow) => collectDailyReport(deps, w, deps.timeZone);

  return {
    timeZone: deps.timeZone,
    now: deps.now,
    /** Yesterday's report as of now. */
    yesterday: () => collect(yesterday(deps.now(), deps.timeZone)),
    /** /stats: resellers by state, sales per window, open orders. */
    stats: () => collectStats(deps.store, deps.adminIds),
    /** The /stats chart's days: the last 30 local days, per currency. */
    salesHistory: () => salesHistory(deps.store, deps.now(), deps.timeZone),

    /**
     * Sends yesterday's report to every admin once per local day, at or after the configured
     * hour (a process that was down at the hour catches up when it returns). Every process
     * asks; the first to claim the day in the shared store sends it, the others find it claimed.
     */
    async sendIfDue(): Promise<"off" | "not_due" | "claimed" | "sent"> {
      if (deps.hour === undefined) return "off";
      const now = deps.now();
      if (zonedParts(now, deps.timeZone).hour < deps.hour) return "not_due";
      const w = yesterday(now, deps.timeZone);
      const claim = `ops:daily-report:${w.day}`;
      const owner = `${process.pid}:${now}:${Math.random().toString(36).slice(2, 8)}`;
      if (!(await store.kv.setIfAbsent(claim, owner, CLAIM_TTL_MS))) return "claimed";
      try {
        const report = await collect(w);
        if (deps.routing?.group) {
          // One message in the group's Reports topic, in the operator's language.
          const args = reportArgs(report, await deps.translatorFor(undefined));
          await deps.notifier.notifyAdmins("ops-report", args, `ops-report:${w.day}`);
          logger.info({ day: w.day, to: "operator group" }, "daily report sent");
          return "sent";
        }
        const readers = deps.routing ? await deps.routing.readers(topicOf("ops-report")) : deps.adminIds;
        for (const userId of readers) {
          const args = reportArgs(report, await deps.translatorFor(userId));
          await deps.notifier.notifyUser({ userId, key: "ops-report", args, dedupeKey: `ops-report:${w.day}:${userId}` });
        }
        logger.info({ day: w.day, admins: readers.length }, "daily report sent");
        return "sent";
      } catch (err) {
        // Give the day back so the next tick (here or in another process) tries again.
        await store.kv.deleteIf(claim, owner);
        throw err;
      }
    },
  };
}

export type DailyReports = ReturnType<typeof createDailyReports>;
