import { AUTO_NOTE_KEY, type MaintenanceNotice } from "../../domain/maintenance.js";
import type { BotContext } from "../context.js";

/** The note as the reader is told it: an automatic entry's is a message key in their language. */
export function maintenanceNote(ctx: Pick<BotContext, "tr">, m: Pick<MaintenanceNotice, "note" | "auto">): string | undefined {
  return m.auto ? ctx.tr(AUTO_NOTE_KEY) : m.note;
}

/** "This is in maintenance" and its note, as a reseller is refused with it. */
export function maintenanceText(ctx: Pick<BotContext, "tr">, m: MaintenanceNotice): string {
  const lines = [ctx.tr(`maintenance-blocked-${m.scope}`)];
  // An automatic note is our own text: a line of its own, never escaped twice as an argument.
  if (m.auto) lines.push(ctx.tr(AUTO_NOTE_KEY));
  else if (m.note) lines.push(ctx.tr("maintenance-note", { note: m.note }));
  return lines.join("\n");
}

/** Any refusal before an order is taken: maintenance with its note, or the account's own reason. */
export function blockedText(ctx: Pick<BotContext, "tr">, out: { reason: string; maintenance?: MaintenanceNotice }): string {
  if (out.reason === "maintenance" && out.maintenance) return maintenanceText(ctx, out.maintenance);
  return ctx.tr(`blocked-${out.reason.replace("_", "-")}`);
}
