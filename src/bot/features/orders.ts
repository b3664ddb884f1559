import { Composer, InlineKeyboard, InputFile } from "grammy";
import { csvField } from "../../lib/csv.js";
import { readStatement, STATEMENT_LIMITS, type StatementLimits } from "../../domain/statement.js";
import type { Ledger, LedgerEntry } from "../../store/types.js";
import { onButton } from "../callback-data/on-button.js";
import { orderViewButton, ordersBackButton, ordersPageButton, statementCsvButton } from "../callback-data/orders.js";
import type { BotContext, Services } from "../context.js";
import { addPager, PAGE_SIZE, pageCount } from "../keyboards/pager.js";
import { orderKeyboard } from "./order-actions.js";
import { orderCard } from "./order-card.js";

const csvRow = (e: LedgerEntry) =>
  [new Date(e.at).toISOString(), e.type, e.amount, e.currency, e.balanceAfter, e.orderId ?? "", e.reason].map(csvField).join(",");

/** The statement as CSV, oldest entry first; read a page at a time (see readStatement). */
export async function statementCsv(
  ledger: Ledger,
  userId: number,
  header: string,
  limits?: StatementLimits,
): Promise<{ csv: string; truncated: boolean }> {
  const newestFirst: string[] = [];
  const { truncated } = await readStatement(
    ledger,
    userId,
    (page) => {
      for (const e of page) newestFirst.push(csvRow(e));
    },
    limits,
  );
  return { csv: `${[header, ...newestFirst.reverse()].join("\n")}\n`, truncated };
}

export function ordersFeature(s: Services) {
  const c = new Composer<BotContext>();

  async function showPage(ctx: BotContext, page: number, edit: boolean) {
    const userId = ctx.from!.id;
    const total = await s.store.orders.countByUser(userId);
    if (total === 0) return void (await ctx.reply(ctx.tr("orders-empty")));
    const pages = pageCount(total);
    const p = Math.min(Math.max(page, 0), pages - 1);
    // Remembered so "back" from an order returns to the page it was opened from.
    (await ctx.session).ordersPage = p;
    const orders = await s.store.orders.byUser(userId, { offset: p * PAGE_SIZE, limit: PAGE_SIZE });
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

  c.command("orders", (ctx) => showPage(ctx, 0, false));
  onButton(c, ordersPageButton, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await showPage(ctx, page, true);
  });
  onButton(c, orderViewButton, async (ctx, { orderId }) => {
    const order = await s.store.orders.get(orderId);
    if (!order || order.userId !== ctx.from.id) return void (await ctx.answerCallbackQuery({ text: ctx.tr("status-not-found") }));
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
    const { csv, truncated } = await statementCsv(s.store.ledger, ctx.from.id, ctx.tr("csv-header"));
    await ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), `statement-${ctx.from.id}.csv`), {
      caption: truncated ? ctx.tr("csv-caption-newest", { count: STATEMENT_LIMITS.max }) : ctx.tr("csv-caption"),
    });
  });
  return c;
}
