import { Composer } from "grammy";
import { OPEN_STATES } from "../../domain/orders.js";
import type { OrderRecord } from "../../store/types.js";
import type { BotContext, Services } from "../context.js";
import { orderCard } from "./order-card.js";

/** Finds an order by our id or by a provider's transaction id. */
export async function findOrder(s: Services, ref: string): Promise<OrderRecord | undefined> {
  const own = await s.store.orders.get(ref.toUpperCase());
  if (own) return own;
  for (const p of s.providers.list()) {
    const found = await s.store.orders.byProviderOrderId(p.id, ref);
    if (found) return found;
  }
  return undefined;
}

/**
 * How long a reseller waits for the provider's live answer. The status budget (30/min at
 * gametopup) is shared with the poll jobs; when it is spent, the stored state is shown at once
 * and the queued lookup still lands in the order when it runs.
 */
const LIVE_WAIT_MS = 4_000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error("live status took too long")), ms))),
  ]).finally(() => clearTimeout(timer));
}

export function statusFeature(s: Services) {
  const c = new Composer<BotContext>();
  c.command("status", async (ctx) => {
    const ref = ctx.match.trim();
    if (!/^[A-Za-z0-9_-]{4,64}$/.test(ref)) return void (await ctx.reply(ctx.tr("status-usage")));
    let order = await findOrder(s, ref);
    if (!order || (order.userId !== ctx.from?.id && !ctx.isAdmin)) return void (await ctx.reply(ctx.tr("status-not-found")));
    let liveFailed = false;
    if (OPEN_STATES.includes(order.state) && s.providers.get(order.provider)?.status) {
      try {
        order = (await within(s.orders.refreshStatus(order), LIVE_WAIT_MS)).order;
      } catch (err) {
        s.logger.warn({ err, orderId: order.id }, "live status failed");
        liveFailed = true;
      }
    }
    const text = orderCard(ctx, order);
    await ctx.reply(liveFailed ? `${text}\n\n${ctx.tr("status-live-failed")}` : text);
  });
  return c;
}
