import { Composer, type Middleware } from "grammy";
import type { UserStatus } from "../../domain/reseller-status.js";
import type { UserRecord } from "../../store/types.js";
import { apiButton } from "../callback-data/api.js";
import { buyButton, categoriesButton, categoryButton, productButton } from "../callback-data/catalog.js";
import type { Codec } from "../callback-data/codec.js";
import { forgetCustomerButton } from "../callback-data/customers.js";
import { depositAmountButton, depositCancelButton, depositTypedButton } from "../callback-data/deposit.js";
import { transferStartButton } from "../callback-data/transfer.js";
import { lowBalanceClearButton, lowBalanceShowButton } from "../callback-data/low-balance.js";
import {
  buyAgainButton,
  orderViewButton,
  ordersBackButton,
  ordersPageButton,
  receiptButton,
  statementCsvButton,
} from "../callback-data/orders.js";
import { pointsEmailButton } from "../callback-data/points.js";
import { pricelistCsvButton, pricelistPageButton } from "../callback-data/pricelist.js";
import {
  confirmBatchButton,
  confirmDraftButton,
  dropBatchButton,
  dropDraftButton,
  promoBatchButton,
  promoDraftButton,
} from "../callback-data/purchase.js";
import { RESELLER_COMMANDS } from "../commands-menu.js";
import type { BotContext, FlowContext, Services } from "../context.js";
import type { Flow } from "../conversations/ask.js";

/**
 * The reseller status gate: the one place that says who may use the reseller features (active
 * resellers, and admins) and what everyone else is told (their status line from /start).
 */

export type Refusal = Exclude<UserStatus, "active">;

/** Why this sender may not use the reseller features, or undefined when they may. */
export function resellerRefusal(user: UserRecord | undefined, isAdmin: boolean): Refusal | undefined {
  if (isAdmin) return undefined;
  if (!user) return "pending";
  return user.status === "active" ? undefined : user.status;
}

/** The reply a refused sender gets: the same status line /start shows them. */
export const refusalKey = (refusal: Refusal) => `start-${refusal}`;

/** Open to everyone, whatever their status (installed before the gate, see bot/index.ts). */
export const OPEN_COMMANDS = ["start", "help", "language", "cancel", "support"] as const;

/** The commands behind the gate: every reseller command of the menu but the open ones. */
export const GATED_COMMANDS: readonly string[] = RESELLER_COMMANDS.filter((c) => !(OPEN_COMMANDS as readonly string[]).includes(c));

/** The reseller features' buttons (their callback data families). */
export const GATED_BUTTONS: readonly Codec<unknown>[] = [
  categoriesButton,
  categoryButton,
  productButton,
  buyButton,
  confirmDraftButton,
  dropDraftButton,
  confirmBatchButton,
  dropBatchButton,
  promoDraftButton,
  promoBatchButton,
  forgetCustomerButton,
  depositAmountButton,
  depositTypedButton,
  depositCancelButton,
  transferStartButton,
  lowBalanceShowButton,
  lowBalanceClearButton,
  ordersPageButton,
  orderViewButton,
  ordersBackButton,
  statementCsvButton,
  receiptButton,
  buyAgainButton,
  pointsEmailButton,
  pricelistPageButton,
  pricelistCsvButton,
  apiButton,
];

/**
 * Installs the reseller features behind the gate. A sender who may not use them never reaches
 * them, whatever the update (so a command or button left out of the lists above is refused
 * too, only without the status line: it falls through to features/unhandled.ts). Their
 * commands and buttons get the sender's status line, and nothing else happens.
 */
export function resellerOnly(...features: Middleware<BotContext>[]): Composer<BotContext> {
  const refused = new Composer<BotContext>();
  // Only reached when resellerRefusal() gave a refusal (the branch below); "pending" stands in for the compiler.
  const statusLine = (ctx: BotContext) => ctx.tr(refusalKey(resellerRefusal(ctx.user, ctx.isAdmin) ?? "pending"));
  refused.command([...GATED_COMMANDS], async (ctx) => {
    await ctx.reply(statusLine(ctx));
  });
  refused.on("callback_query:data", async (ctx, next) => {
    const data = ctx.callbackQuery.data;
    if (!GATED_BUTTONS.some((codec) => codec.unpack(data) !== undefined)) return next();
    await ctx.answerCallbackQuery();
    await ctx.reply(statusLine(ctx));
  });

  const c = new Composer<BotContext>();
  c.branch((ctx) => resellerRefusal(ctx.user, ctx.isAdmin) === undefined, new Composer(...features), refused);
  return c;
}

/**
 * The same gate inside a flow, at the step where it acts (before a draft, a deposit, an e-mail
 * sent to vifox): the status is read again, since an admin may have acted since the flow began.
 * True (and the status line said) when the sender may not go on.
 */
export async function refusedInFlow(
  conversation: Flow,
  ctx: FlowContext,
  s: { resellers: Pick<Services["resellers"], "get" | "isAdmin"> },
): Promise<boolean> {
  // A flow only runs for a sender (its updates are a chat user's); none: nothing may go on.
  const userId = ctx.from?.id;
  if (userId === undefined) return true;
  const refusal = await conversation.external(
    async () => resellerRefusal(await s.resellers.get(userId), s.resellers.isAdmin(userId)) ?? null,
  );
  if (refusal === null) return false;
  await ctx.reply(ctx.tr(refusalKey(refusal)));
  return true;
}
