import { Composer, InputFile } from "grammy";
import { MONEY_IN_SOURCES, profit } from "../../../domain/stats.js";
import { renderSalesChart } from "../../../lib/chart/sales-chart.js";
import type { BotContext } from "../../context.js";
import { parseNone } from "./args.js";
import { adminCommand, replyLines } from "./command.js";
import type { AdminKit } from "./kit.js";

const MAX_LISTED_UNKNOWN = 20;

/** The last 30 days as a picture, one per currency that sold (the words are in the caption). */
async function sendCharts(ctx: BotContext, kit: AdminKit, profit30d: Record<string, number>): Promise<void> {
  const { timeZone } = kit.reports;
  for (const h of await kit.reports.salesHistory()) {
    const [first, last] = [h.days.at(0), h.days.at(-1)];
    if (!first || !last) continue;
    const png = renderSalesChart(h.days);
    const lines = [ctx.tr("admin-stats-chart", { currency: h.currency, from: first.day, to: last.day, zone: timeZone })];
    // The same profit as /stats' 30 days (sales − provider cost − commissions), with the picture of the sales.
    const p = profit30d[h.currency];
    if (p !== undefined) lines.push(ctx.tr("growth-chart-profit", { profit: { money: [p, h.currency] } }));
    const caption = lines.join("\n");
    await ctx.replyWithPhoto(new InputFile(png, `sales-${h.currency}.png`), { caption });
  }
}

/** /stats: resellers by state, sales and margin per provider for today / 7 / 30 days, open orders, and the chart. */
export function statsCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  adminCommand(c, "stats", parseNone, async (ctx) => {
    const s = await kit.reports.stats();
    const lines = [ctx.tr("admin-stats-title"), ctx.tr("admin-stats-resellers", s.resellers)];
    for (const w of s.windows) {
      lines.push("", ctx.tr(`admin-stats-window-${w.window}`));
      if (w.rows.length === 0) lines.push(ctx.tr("admin-stats-no-sales"));
      for (const r of w.rows) {
        lines.push(
          ctx.tr("admin-stats-row", {
            provider: r.provider,
            orders: r.orders,
            revenue: { money: [r.revenue, r.currency] },
            margin: { money: [r.margin, r.currency] },
          }),
        );
      }
      for (const [currency, amount] of Object.entries(profit(w.rows, { discounts: {}, commissions: w.commissions })))
        lines.push(ctx.tr("transfer-stats-profit", { profit: { money: [amount, currency] } }));
      if (w.discounts.length > 0) {
        const given = w.discounts
          .map((t) => ctx.tr("ops-report-total", { count: t.count, sum: { money: [t.sum, t.currency] } }))
          .join("; ");
        lines.push(ctx.tr("promo-stats-discounts", { total: given }));
      }
      // Money in by source, apart from the sales above: none of it is revenue.
      lines.push(ctx.tr("transfer-stats-sources"));
      for (const source of MONEY_IN_SOURCES) {
        const rows = w.moneyIn[source];
        const total =
          rows.length === 0
            ? ctx.tr("ops-report-none")
            : rows.map((t) => ctx.tr("ops-report-total", { count: t.count, sum: { money: [t.sum, t.currency] } })).join("; ");
        lines.push(ctx.tr("transfer-stats-source", { source: { t: `transfer-source-${source}` }, total }));
      }
    }
    lines.push("", ctx.tr("admin-stats-open", { pending: s.open.pending, unknown: s.open.unknown }));
    if (s.open.unknownIds.length > 0) {
      lines.push(ctx.tr("admin-stats-unknown-ids", { ids: s.open.unknownIds.slice(0, MAX_LISTED_UNKNOWN).join(", ") }));
    }
    await replyLines(ctx, lines);
    const month = s.windows.find((w) => w.window === "30d");
    await sendCharts(ctx, kit, month ? profit(month.rows, { discounts: {}, commissions: month.commissions }) : {});
  });

  return c;
}
