import { Composer } from "grammy";
import type { AuditEntry } from "../../../store/types.js";
import type { BotContext } from "../../context.js";
import { formatDate } from "../order-card.js";
import { parseAuditCount } from "./args.js";
import { adminCommand, replyLines } from "./command.js";
import type { AdminKit } from "./kit.js";

const MAX_VALUE = 120;

/** A before/after value, compact and bounded so one entry stays one short line. */
function show(value: unknown): string {
  if (value === undefined) return "-";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function entryLines(ctx: BotContext, e: AuditEntry): string[] {
  const lines = [
    ctx.tr("admin-audit-line", { date: formatDate(e.at, ctx.locale), actor: String(e.actor), action: e.action, target: e.target ?? "-" }),
  ];
  if (e.before !== undefined || e.after !== undefined)
    lines.push(ctx.tr("admin-audit-change", { before: show(e.before), after: show(e.after) }));
  if (e.note) lines.push(ctx.tr("admin-audit-note", { note: show(e.note) }));
  return lines;
}

/** /audit [n]: the newest n admin actions (who, what, when, before → after). */
export function auditCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  adminCommand(c, "audit", parseAuditCount, async (ctx, n) => {
    const entries = await kit.audit.recent(n);
    if (entries.length === 0) return ctx.reply(ctx.tr("admin-audit-empty"));
    await replyLines(ctx, [ctx.tr("admin-audit-title", { count: entries.length }), ...entries.flatMap((e) => entryLines(ctx, e))]);
  });

  return c;
}
