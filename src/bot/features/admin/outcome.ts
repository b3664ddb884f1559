import type { AccountOutcome } from "../../../domain/accounts.js";
import type { BotContext } from "../../context.js";

/**
 * The answer for account outcomes that are not a change: shared by /approve, /ban, /unban,
 * /tier and the registration buttons. `ref` is what the admin typed or the button carried.
 */
export function accountProblem(ctx: BotContext, out: Exclude<AccountOutcome, { kind: "changed" | "unchanged" }>, ref: string): string {
  switch (out.kind) {
    case "admin":
      return ctx.tr("admin-ban-admin");
    case "not_found":
      return ctx.tr("admin-user-not-found", { ref });
    case "busy":
      return ctx.tr("admin-busy");
  }
}
