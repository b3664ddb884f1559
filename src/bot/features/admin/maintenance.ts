import { Composer } from "grammy";
import type { ProviderId } from "../../../providers/types.js";
import type { MaintenanceEntry } from "../../../store/types.js";
import type { BotContext } from "../../context.js";
import { maintenanceNote } from "../maintenance-notice.js";
import { formatDate } from "../order-card.js";
import { parseMaintenance } from "./args.js";
import { adminCommand, adminId, replyLines } from "./command.js";
import type { AdminKit } from "./kit.js";

/** What an entry holds, as the team reads it: the whole bot, a provider, a product. */
function what(ctx: BotContext, scope: MaintenanceEntry["scope"], target: string): string {
  return scope === "bot" ? ctx.tr("maintenance-what-bot") : ctx.tr(`maintenance-what-${scope}`, { target });
}

/**
 * /maintenance (SPEC §5): the whole bot, a provider or a product on or off, with a note;
 * alone, the list of what is in maintenance (note, who, since, automatic or by hand). Every
 * change is audited; the state is in PostgreSQL, so every process enforces it at once.
 */
export function maintenanceCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  adminCommand(c, "maintenance", parseMaintenance, async (ctx, args) => {
    if (args.kind === "list") {
      const { entries } = await kit.maintenance.view();
      if (entries.length === 0) return void (await ctx.reply(ctx.tr("maintenance-list-none")));
      const lines = [ctx.tr("maintenance-list-title")];
      for (const e of entries) {
        lines.push(
          ctx.tr(e.auto ? "maintenance-list-auto" : "maintenance-list-manual", {
            what: what(ctx, e.scope, e.target),
            since: formatDate(e.setAt, ctx.locale),
            by: String(e.setBy ?? ""),
          }),
        );
        const note = maintenanceNote(ctx, e);
        if (note) lines.push(ctx.tr("maintenance-list-note", { note }));
      }
      return replyLines(ctx, lines);
    }
    const { scope, target, on, note } = args;
    // Putting something unknown in maintenance is a typo; lifting one always works (it may be gone).
    if (on && scope !== "bot") {
      const provider = scope === "provider" ? target : target.slice(0, target.indexOf(":"));
      const known = kit.providers.list().map((p) => p.id as string);
      if (!known.includes(provider)) {
        return void (await ctx.reply(ctx.tr("maintenance-unknown-provider", { provider, known: known.join(", ") })));
      }
      if (scope === "product" && !(await kit.catalog.product(provider as ProviderId, target.slice(provider.length + 1)))) {
        return void (await ctx.reply(ctx.tr("maintenance-unknown-product", { product: target })));
      }
    }
    const changed = await kit.maintenance.change(adminId(ctx), { scope, target, on, note });
    const name = what(ctx, scope, target);
    const key = on ? "maintenance-now-on" : changed ? "maintenance-now-off" : "maintenance-was-off";
    await ctx.reply(ctx.tr(key, { what: name }));
  });

  return c;
}
