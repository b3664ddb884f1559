import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { parseMaintenance } from "./args.js";
import { adminCommand, adminId } from "./command.js";
import type { AdminKit } from "./kit.js";

/**
 * /maintenance on|off. The purchase path reads the flag on every order and refuses resellers
 * (admins still buy, to test); /maintenance alone shows the current state.
 */
export function maintenanceCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  adminCommand(c, "maintenance", parseMaintenance, async (ctx, on) => {
    const before = await kit.maintenance.isOn();
    if (on !== undefined && on !== before) {
      await kit.maintenance.set(on);
      await kit.audit.record(adminId(ctx), "maintenance", { before: { on: before }, after: { on } });
    }
    await ctx.reply(ctx.tr((on ?? before) ? "admin-maintenance-on" : "admin-maintenance-off"));
  });

  return c;
}
