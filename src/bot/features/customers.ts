import { Composer, InlineKeyboard } from "grammy";
import { forgetCustomerButton } from "../callback-data/customers.js";
import { onButton } from "../callback-data/on-button.js";
import type { BotContext, SenderContext, Services } from "../context.js";
import { customerText } from "../conversations/purchase.js";
import type { Feature } from "../feature.js";

/** /customers: the saved player ids and e-mails, each with a button that forgets it. */
export function customersFeature(s: Services): Feature {
  const c = new Composer<BotContext>();

  async function view(ctx: SenderContext) {
    const userId = ctx.from.id;
    const [players, emails] = await Promise.all([s.customers.players(userId), s.customers.emails(userId)]);
    if (players.length + emails.length === 0) return { text: ctx.tr("customers-empty"), kb: undefined };
    const kb = new InlineKeyboard();
    const lines = [ctx.tr("customers-title")];
    if (players.length) lines.push("", ctx.tr("customers-players"));
    for (const p of players) {
      lines.push(ctx.tr("customers-player-line", { player: p.value, zone: p.zone ?? "-", nickname: p.nickname ?? "-" }));
      // Button text is not HTML: the label is built here, not through tr (which escapes for HTML).
      kb.text(`🗑 ${customerText(p)}`, forgetCustomerButton.pack({ customerId: p.id })).row();
    }
    if (emails.length) lines.push("", ctx.tr("customers-emails"));
    for (const e of emails) {
      lines.push(ctx.tr("customers-email-line", { email: e.value }));
      kb.text(`🗑 ${customerText(e)}`, forgetCustomerButton.pack({ customerId: e.id })).row();
    }
    return { text: lines.join("\n"), kb };
  }

  c.on("message").command("customers", async (ctx) => {
    const v = await view(ctx);
    await ctx.reply(v.text, { reply_markup: v.kb });
  });
  onButton(c, forgetCustomerButton, async (ctx, { customerId }) => {
    const forgotten = await s.customers.forget(ctx.from.id, customerId);
    await ctx.answerCallbackQuery({ text: ctx.tr(forgotten ? "customers-forgotten" : "customers-forget-gone") });
    const v = await view(ctx);
    await ctx.editMessageText(v.text, { reply_markup: v.kb });
  });
  return { stage: "reseller", handlers: c };
}
