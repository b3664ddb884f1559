import { Composer, InlineKeyboard, InputFile } from "grammy";
import { STATEMENT_LIMITS } from "../../domain/statement.js";
import { onButton } from "../callback-data/on-button.js";
import { orderViewButton, ordersBackButton, ordersPageButton, statementCsvButton } from "../callback-data/orders.js";
import type { BotContext, SenderContext, Services } from "../context.js";
import { addPager, PAGE_SIZE, pageCount } from "../keyboards/pager.js";
import { orderKeyboard } from "./order-actions.js";
import { orderCard } from "./order-card.js";
import type { Feature } from "../feature.js";

export function ordersFeature(s: Services): Feature {
  const c = new Composer<BotContext>();

  async function showPage(ctx: SenderContext, page: number, edit: boolean) {
    const userId = ctx.from.id;
    const total = await s.history.count(userId);
    if (total === 0) return void (await ctx.reply(ctx.tr("orders-empty")));
    const pages = pageCount(total);
    const p = Math.min(Math.max(page, 0), pages - 1);
    // Remembered so "back" from an order returns to the page it was opened from.
    (await ctx.session).ordersPage = p;
    const orders = await s.history.recent(userId, p * PAGE_SIZE, PAGE_SIZE);
    const kb = new InlineKeyboard();
    for (const o of orders) {
      kb.text(
        ctx.label("orders-line", {
          product: o.productName,
          price: { money: [o.price.amount, o.price.currency] },
          state: ctx.label(`state-${o.state}`),
        }),
        orderViewButton.pack({ orderId: o.id }),
      ).row();
    }
    addPager(kb, p, pages, (n) => ordersPageButton.pack({ page: n }), ctx.tr);
    kb.row().text(ctx.tr("btn-csv"), statementCsvButton.pack());
    const text = ctx.tr("orders-title", { page: p + 1, pages });
    if (edit) await ctx.editMessageText(text, { reply_markup: kb });
    else await ctx.reply(text, { reply_markup: kb });
  }

  c.on("message").command("orders", (ctx) => showPage(ctx, 0, false));
  onButton(c, ordersPageButton, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await showPage(ctx, page, true);
  });
  onButton(c, orderViewButton, async (ctx, { orderId }) => {
    const order = await s.history.ownedBy(ctx.from.id, orderId);
    if (!order) return void (await ctx.answerCallbackQuery({ text: ctx.tr("status-not-found") }));
    await ctx.answerCallbackQuery();
    await ctx.reply(orderCard(ctx, order), {
      reply_markup: orderKeyboard(ctx, order).row().text(ctx.tr("btn-back"), ordersBackButton.pack()),
    });
  });
  onButton(c, ordersBackButton, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showPage(ctx, (await ctx.session).ordersPage ?? 0, true);
  });
  onButton(c, statementCsvButton, async (ctx) => {
    await ctx.answerCallbackQuery();
    const { csv, truncated } = await s.wallets.statementCsv(ctx.from.id, ctx.tr("csv-header"));
    await ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), `statement-${ctx.from.id}.csv`), {
      caption: truncated ? ctx.tr("csv-caption-newest", { count: STATEMENT_LIMITS.max }) : ctx.tr("csv-caption"),
    });
  });
  return { stage: "reseller", handlers: c };
}
