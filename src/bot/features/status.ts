import { Composer } from "grammy";
import { OPEN_STATES } from "../../domain/orders.js";
import type { BotContext, Services } from "../context.js";
import { orderCard } from "./order-card.js";
import type { Feature } from "../feature.js";

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

export function statusFeature(s: Services): Feature {
  const c = new Composer<BotContext>();
  c.command("status", async (ctx) => {
    const ref = ctx.match.trim();
    if (!/^[A-Za-z0-9_-]{4,64}$/.test(ref)) return void (await ctx.reply(ctx.tr("status-usage")));
    let order = await s.history.find(ref);
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
  return { stage: "reseller", handlers: c };
}
