import { Composer } from "grammy";
import { money } from "../../../domain/notifications.js";
import { matchProducts } from "../../../domain/price-admin.js";
import { productKey } from "../../../domain/price-book.js";
import type { BotContext } from "../../context.js";
import { parseAmount, parseMarkupArgs, parseNone, parsePriceArgs, parseTierArgs } from "./args.js";
import { adminCommand, adminId, findUser, replyLines, who } from "./command.js";
import type { AdminKit } from "./kit.js";
import { accountProblem } from "./outcome.js";

/**
 * /tier, /markup, /price and /sync. Prices are computed from stored settings on every
 * catalogue view and at checkout, so changes show from the reseller's next view.
 */
export function pricingCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();

  adminCommand(c, "tier", parseTierArgs, async (ctx, a) => {
    const user = await findUser(kit, ctx, a.ref);
    if (!user) return;
    const out = await kit.accounts.setTier(user.id, a.tier, adminId(ctx));
    if (out.kind === "changed")
      return ctx.reply(ctx.tr("admin-tier-set", { ...who(out.after), tier: out.after.tier, before: out.before.tier }));
    if (out.kind === "unchanged") return ctx.reply(ctx.tr("admin-tier-unchanged", { ...who(out.user), tier: out.user.tier }));
    return ctx.reply(accountProblem(ctx, out, a.ref));
  });

  adminCommand(c, "markup", parseMarkupArgs, async (ctx, a) => {
    const { before } = await kit.prices.setMarkup(a.tier, a.percent, adminId(ctx));
    await ctx.reply(ctx.tr("admin-markup-set", { tier: a.tier, percent: a.percent, before }));
  });

  adminCommand(c, "price", parsePriceArgs, async (ctx, a) => {
    const ref = a.product.provider ? `${a.product.provider}:${a.product.sku}` : a.product.sku;
    const found = matchProducts(await kit.catalog.products(), a.product);
    const [product, ...others] = found;
    if (!product) return ctx.reply(ctx.tr("admin-product-not-found", { ref }));
    if (others.length > 0)
      return ctx.reply(ctx.tr("admin-product-ambiguous", { ref, keys: found.map((p) => productKey(p.provider, p.sku)).join(", ") }));
    const { currency } = product.cost;
    let amount: number | undefined;
    if (a.amount !== "auto") {
      const parsed = parseAmount(a.amount, currency);
      if (!parsed.ok) return ctx.reply(ctx.tr(parsed.error.key, parsed.error.args));
      amount = parsed.value;
    }
    const out = await kit.prices.fix(product, amount, adminId(ctx));
    const args = { product: product.name, key: productKey(product.provider, product.sku), cost: money(product.cost.amount, currency) };
    const price = money(amount ?? 0, currency); // only shown when an amount was given
    if (out.kind === "below_cost") return ctx.reply(ctx.tr("admin-price-below-cost", { ...args, price }));
    const lines = [out.kind === "fixed" ? ctx.tr("admin-price-set", { ...args, price }) : ctx.tr("admin-price-auto", args)];
    if (out.wasPaused) lines.push(ctx.tr("admin-price-unpaused"));
    await ctx.reply(lines.join("\n"));
  });

  adminCommand(c, "sync", parseNone, async (ctx) => {
    const results = await kit.catalog.refresh();
    await kit.audit.record(adminId(ctx), "sync", { after: results });
    const lines = [ctx.tr("admin-sync-title")];
    if (results.length === 0) lines.push(ctx.tr("admin-sync-none"));
    for (const r of results) {
      lines.push(
        r.error === undefined
          ? ctx.tr("admin-sync-ok", { provider: r.provider, count: r.count ?? 0 })
          : ctx.tr("admin-sync-failed", { provider: r.provider, error: r.error.slice(0, 200) }),
      );
    }
    // The price guard has run inside the refresh; show what is paused now, whoever paused it.
    const paused = Object.keys((await kit.priceBook.pricing()).paused);
    if (paused.length > 0) lines.push(ctx.tr("admin-sync-paused", { keys: paused.sort().join(", ") }));
    await replyLines(ctx, lines);
  });

  return c;
}
