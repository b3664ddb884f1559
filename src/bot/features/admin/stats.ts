import { Composer } from "grammy";
import { collectStats } from "../../../domain/stats.js";
import type { BotContext } from "../../context.js";
import { parseNone } from "./args.js";
import { adminCommand, replyLines } from "./command.js";
import type { AdminKit } from "./kit.js";

const MAX_LISTED_UNKNOWN = 20;

/** /stats: resellers by state, sales and margin per provider for today / 7 / 30 days, open orders. */
export function statsCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  adminCommand(c, "stats", parseNone, async (ctx) => {
    const s = await collectStats(kit.store, kit.adminIds);
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
    }
    lines.push("", ctx.tr("admin-stats-open", { pending: s.open.pending, unknown: s.open.unknown }));
    if (s.open.unknownIds.length > 0) {
      lines.push(ctx.tr("admin-stats-unknown-ids", { ids: s.open.unknownIds.slice(0, MAX_LISTED_UNKNOWN).join(", ") }));
    }
    await replyLines(ctx, lines);
  });

  return c;
}
