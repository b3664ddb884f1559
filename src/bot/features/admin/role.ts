import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { parseRoleArgs } from "./args.js";
import { adminCommand, findUser, who } from "./command.js";
import type { AdminKit } from "./kit.js";

/** /role: the team (alone), or a role given or taken (owners only, by the permission table). */
export function roleCommands(kit: AdminKit, onChange: (ctx: BotContext, userId: number) => Promise<void>) {
  const c = new Composer<BotContext>();
  adminCommand(c, "role", parseRoleArgs, async (ctx, args) => {
    if (args.list) {
      const members = await kit.team.members();
      const lines = members.map((m) =>
        ctx.tr("team-member", { name: m.user?.firstName ?? "-", userId: String(m.id), role: { t: `team-role-${m.role}` } }),
      );
      return void (await ctx.reply([ctx.tr("team-title"), ...lines].join("\n")));
    }
    const user = await findUser(kit, ctx, args.ref);
    if (!user) return;
    const out = await kit.team.setRole(ctx.from.id, user, args.role);
    if (!out.ok) return void (await ctx.reply(ctx.tr("team-owner-fixed", who(user))));
    await onChange(ctx, user.id);
    await ctx.reply(ctx.tr("team-role-set", { ...who(user), role: { t: `team-role-${args.role}` } }));
  });
  return c;
}
