import { Composer, InlineKeyboard, InputFile } from "grammy";
import { priceList, priceListRows, pricePages } from "../../domain/pricelist.js";
import { csvLines } from "../../lib/csv.js";
import { onButton } from "../callback-data/on-button.js";
import { pricelistCsvButton, pricelistPageButton } from "../callback-data/pricelist.js";
import type { BotContext, Services } from "../context.js";
import { addPager } from "../keyboards/pager.js";
import { formatDate } from "./order-card.js";
import type { Feature } from "../feature.js";
import { maintenanceNote } from "./maintenance-notice.js";

/** Lines per chat page: a page stays readable on a phone and far under Telegram's 4096 characters. */
export const PRICELIST_PAGE_SIZE = 20;

/** /pricelist: the reseller's own prices, by category, paged, with the whole list as CSV. */
export function pricelistFeature(s: Services): Feature {
  const c = new Composer<BotContext>();

  // Read at every view and download: a price list is what a purchase would charge right now.
  const items = async (ctx: BotContext) => priceList(await s.catalog.priced(ctx.user?.tier ?? "member"));

  async function show(ctx: BotContext, page: number, edit: boolean) {
    const pages = pricePages(await items(ctx), PRICELIST_PAGE_SIZE);
    if (pages.length === 0) return void (await ctx.reply(ctx.tr("pricelist-empty")));
    const p = Math.min(Math.max(page, 0), pages.length - 1);
    const lines = [ctx.tr("pricelist-title", { page: p + 1, pages: pages.length })];
    for (const section of pages[p]?.sections ?? []) {
      lines.push("", ctx.tr("pricelist-category", { category: section.category }));
      for (const i of section.items) {
        const args = { name: i.name, price: { money: [i.price.amount, i.price.currency] as [number, string] } };
        if (i.maintenance) {
          const note = maintenanceNote(ctx, i.maintenance);
          lines.push(
            note
              ? ctx.tr("maintenance-pricelist-item-note", { name: i.name, note })
              : ctx.tr("maintenance-pricelist-item", { name: i.name }),
          );
        } else lines.push(ctx.tr(i.inStock ? "pricelist-item" : "pricelist-item-out", args));
      }
    }
    if (s.sandbox) lines.push("", ctx.tr("sandbox-banner"));
    const kb = new InlineKeyboard();
    addPager(kb, p, pages.length, (n) => pricelistPageButton.pack({ page: n }), ctx.tr);
    kb.row().text(ctx.tr("btn-pricelist-csv"), pricelistCsvButton.pack());
    if (edit) await ctx.editMessageText(lines.join("\n"), { reply_markup: kb });
    else await ctx.reply(lines.join("\n"), { reply_markup: kb });
  }

  c.command("pricelist", (ctx) => show(ctx, 0, false));
  onButton(c, pricelistPageButton, async (ctx, { page }) => {
    await ctx.answerCallbackQuery();
    await show(ctx, page, true);
  });
  onButton(c, pricelistCsvButton, async (ctx) => {
    await ctx.answerCallbackQuery();
    const list = await items(ctx);
    if (list.length === 0) return void (await ctx.reply(ctx.tr("pricelist-empty")));
    const csv = csvLines(ctx.tr("pricelist-csv-header"), priceListRows(list));
    const date = new Date().toISOString().slice(0, 10);
    await ctx.replyWithDocument(new InputFile(Buffer.from(csv, "utf8"), `prices-${date}.csv`), {
      caption: ctx.tr("pricelist-csv-caption", { date: formatDate(Date.now(), ctx.locale) }),
    });
  });
  return { stage: "reseller", handlers: c };
}
