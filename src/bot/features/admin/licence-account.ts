import { ProviderError, type LicenceOrder, type ProviderAdapter } from "../../../providers/types.js";
import type { BotContext } from "../../context.js";
import { formatDate } from "../order-card.js";
import type { AdminKit } from "./kit.js";

/** How many of the account's orders /providers lists. */
const RECENT_ORDERS = 5;

function orderLine(ctx: BotContext, o: LicenceOrder): string {
  const at = o.createdAt ? Date.parse(o.createdAt) : Number.NaN;
  return ctx.tr("admin-provider-licence-order", {
    id: o.id,
    status: o.status ?? "-",
    amount: o.amount ? { money: [o.amount.amount, o.amount.currency] } : "-",
    extension: o.extension ? [o.extension.name, o.extension.version].filter(Boolean).join(" ") : "-",
    date: Number.isNaN(at) ? "-" : formatDate(at, ctx.locale),
  });
}

/** The licence provider's account (/me) and its latest orders, for /providers; [] for other providers. */
export async function licenceAccountLines(ctx: BotContext, kit: AdminKit, a: ProviderAdapter): Promise<string[]> {
  if (!a.licenceAccount) return [];
  try {
    const [me, orders] = await Promise.all([a.licenceAccount.me(), a.licenceAccount.orders()]);
    const lines = [ctx.tr("admin-provider-licence-account", { name: me.name ?? me.username ?? me.id, email: me.email ?? "-" })];
    // Newest first whatever order the provider lists them in (its document does not say).
    const recent = [...orders].sort((x, y) => (y.createdAt ?? "").localeCompare(x.createdAt ?? "")).slice(0, RECENT_ORDERS);
    lines.push(ctx.tr(recent.length ? "admin-provider-licence-orders" : "admin-provider-licence-no-orders"));
    for (const o of recent) lines.push(orderLine(ctx, o));
    return lines;
  } catch (err) {
    kit.logger.warn({ err, provider: a.id }, "admin licence account check failed");
    return [
      ctx.tr("admin-provider-licence-failed", { error: err instanceof ProviderError ? `${err.kind}:${err.code}` : "internal_error" }),
    ];
  }
}
