import { Composer, InlineKeyboard } from "grammy";
import type { PricedProduct } from "../../domain/catalog.js";
import { addPager, PAGE_SIZE, pageCount } from "../keyboards/pager.js";
import { buyButton, categoriesButton, categoryButton, productButton, type CatalogMode as Mode } from "../callback-data/catalog.js";
import { onButton } from "../callback-data/on-button.js";
import { longProvider, shortProvider } from "../keyboards/ids.js";
import type { BotContext, Services } from "../context.js";
import { PURCHASE_FLOW, purchaseConversation } from "../conversations/purchase.js";
import type { Feature } from "../feature.js";
import { registerFlow } from "../flow.js";
import { blockedText, maintenanceText } from "./maintenance-notice.js";

const inMode = (mode: Mode) => (p: PricedProduct) => mode === "a" || p.input.kind === "player";

export function catalogFeature(s: Services): Feature {
  const c = new Composer<BotContext>();

  async function visible(ctx: BotContext, mode: Mode) {
    const tier = ctx.user?.tier ?? "member";
    // A product whose buttons' data would pass 64 bytes is left out: Telegram would refuse the whole keyboard.
    const fits = (p: PricedProduct) => {
      const ref = { provider: shortProvider(p.provider), sku: p.sku };
      return buyButton.fits(ref) && productButton.fits({ mode, ...ref });
    };
    return (await s.catalog.priced(tier)).filter(inMode(mode)).filter(fits);
  }
  const categoriesOf = (products: PricedProduct[]) => [...new Set(products.map((p) => p.category))].sort();

  async function showCategories(ctx: BotContext, mode: Mode, edit: boolean) {
    const products = await visible(ctx, mode);
    if (products.length === 0) return void (await ctx.reply(ctx.tr("catalog-empty")));
    const kb = new InlineKeyboard();
    for (const [i, cat] of categoriesOf(products).entries()) kb.text(cat, categoryButton.pack({ mode, index: i, page: 0 })).row();
    // A whole-bot maintenance is said up front, with its note, to those it stops (not the team).
    const bot = ctx.isAdmin ? undefined : (await s.maintenance.view()).bot;
    const text = [
      ...(bot ? [maintenanceText(ctx, bot)] : []),
      ctx.tr(mode === "t" ? "catalog-topup-categories" : "catalog-categories"),
      ...(s.sandbox ? [ctx.tr("sandbox-banner")] : []),
    ].join("\n\n");
    if (edit) await ctx.editMessageText(text, { reply_markup: kb });
    else await ctx.reply(text, { reply_markup: kb });
  }

  c.command("products", (ctx) => showCategories(ctx, "a", false));
  c.command("topup", (ctx) => showCategories(ctx, "t", false));

  onButton(c, categoriesButton, async (ctx, { mode }) => {
    await ctx.answerCallbackQuery();
    await showCategories(ctx, mode, true);
  });

  onButton(c, categoryButton, async (ctx, { mode, index, page: asked }) => {
    const products = await visible(ctx, mode);
    const category = categoriesOf(products)[index];
    await ctx.answerCallbackQuery();
    if (!category) return showCategories(ctx, mode, true);
    const inCat = products.filter((p) => p.category === category);
    const pages = pageCount(inCat.length);
    const page = Math.min(asked, pages - 1);
    const kb = new InlineKeyboard();
    for (const p of inCat.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE)) {
      const label = p.maintenance
        ? ctx.label("maintenance-catalog-item", { name: p.name })
        : p.inStock && !p.paused
          ? ctx.label("catalog-item", { name: p.name, price: { money: [p.price.amount, p.price.currency] } })
          : ctx.label("catalog-item-out", { name: p.name });
      kb.text(label, productButton.pack({ mode, provider: shortProvider(p.provider), sku: p.sku })).row();
    }
    addPager(kb, page, pages, (n) => categoryButton.pack({ mode, index, page: n }), ctx.tr);
    kb.row().text(ctx.tr("btn-back"), categoriesButton.pack({ mode }));
    await ctx.editMessageText(ctx.tr("catalog-products", { category, page: page + 1, pages }), { reply_markup: kb });
  });

  onButton(c, productButton, async (ctx, { mode, provider: short, sku }) => {
    const provider = longProvider(short);
    const products = await visible(ctx, mode);
    const p = products.find((x) => x.provider === provider && x.sku === sku);
    await ctx.answerCallbackQuery();
    if (!p) return void (await ctx.editMessageText(ctx.tr("catalog-gone")));
    const lines = [ctx.tr("catalog-product", { name: p.name, category: p.category, price: { money: [p.price.amount, p.price.currency] } })];
    if (p.note) lines.push(ctx.tr("catalog-product-note", { note: p.note }));
    if (!p.inStock) lines.push(ctx.tr("catalog-product-out"));
    if (p.paused) lines.push(ctx.tr("catalog-product-paused"));
    if (p.maintenance) lines.push(maintenanceText(ctx, p.maintenance));
    if (s.sandbox) lines.push(ctx.tr("sandbox-banner"));
    const kb = new InlineKeyboard();
    if (p.inStock && !p.paused && !p.maintenance) kb.text(ctx.tr("btn-buy"), buyButton.pack({ provider: short, sku })).row();
    const catIndex = categoriesOf(products).indexOf(p.category);
    kb.text(ctx.tr("btn-back"), categoryButton.pack({ mode, index: catIndex, page: 0 }));
    await ctx.editMessageText(lines.join("\n"), { reply_markup: kb });
  });

  onButton(c, buyButton, async (ctx, { provider: short, sku }) => {
    await ctx.answerCallbackQuery();
    const provider = longProvider(short);
    const block = ctx.user && s.resellers.buyBlock(ctx.user);
    if (!ctx.user || block) return void (await ctx.reply(ctx.tr(`blocked-${block ?? "pending"}`)));
    if (!provider) return void (await ctx.reply(ctx.tr("catalog-gone")));
    const held = await s.maintenance.blockFor(ctx.user, provider, sku);
    if (held) return void (await ctx.reply(blockedText(ctx, { reason: "maintenance", maintenance: held })));
    if (await s.priceBook.isPaused(provider, sku)) return void (await ctx.reply(ctx.tr("blocked-paused")));
    await ctx.conversation.exitAll();
    await PURCHASE_FLOW.enter(ctx, provider, sku);
  });

  return { stage: "reseller", handlers: c, flows: [registerFlow(PURCHASE_FLOW, purchaseConversation(s), { maxMinutes: 60 })] };
}
