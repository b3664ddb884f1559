import type { BotContext } from "../context.js";

/** Checked on every call against ADMIN_IDS (ctx.isAdmin is computed from config per update). */
export const isAdmin = (ctx: BotContext): boolean => ctx.isAdmin;
