import { InlineKeyboard } from "grammy";
import type { Draft } from "../../domain/drafts.js";
import { quote } from "../../domain/quote.js";
import type { Product, ProviderId } from "../../providers/types.js";
import type { SavedCustomer } from "../../store/types.js";
import { confirmDraftButton, dropDraftButton, promoDraftButton } from "../callback-data/purchase.js";
import type { BaseContext, FlowContext, Services } from "../context.js";
import { refusedInFlow } from "../filters/reseller.js";
import { flowRef, flowUser } from "../flow.js";
import { ask, type Flow } from "./ask.js";
import { bulkTopup } from "./bulk.js";
import { MAX_QUANTITY, parseEmail, parsePlayerId, parseQuantity, parseZone } from "./validate.js";

/** Confirmation card lines; the same card is shown again when an order is looked at. */
export function confirmLines(ctx: BaseContext | FlowContext, d: Draft, balance: number): string[] {
  const m = (amount: number) => ({ money: [amount, d.price.currency] as [number, string] });
  const lines = [ctx.tr("confirm-title"), ctx.tr("confirm-product", { product: d.productName })];
  if (d.playerId) lines.push(ctx.tr("confirm-player", { player: d.playerId }));
  if (d.zone) lines.push(ctx.tr("confirm-zone", { zone: d.zone }));
  if (d.email) lines.push(ctx.tr("confirm-email", { email: d.email }), ctx.tr("confirm-quantity", { quantity: d.quantity }));
  lines.push(ctx.tr("confirm-price", { price: m(d.price.amount) }));
  if (d.promo) {
    lines.push(ctx.tr("promo-card-line", { code: d.promo.code, full: m(d.promo.fullPrice.amount), saving: m(d.promo.discount) }));
    if (d.promo.clamped) lines.push(ctx.tr("promo-card-clamped"));
  }
  lines.push(ctx.tr("confirm-balance", { balance: m(balance), after: m(balance - d.price.amount) }));
  if (balance < d.price.amount) lines.push(ctx.tr("confirm-short"));
  return lines;
}

/** The whole card with its Confirm and Cancel buttons, keyed by the draft (the future order id). */
export function confirmCard(ctx: BaseContext | FlowContext, d: Draft, balance: number, sandbox: boolean) {
  const lines = confirmLines(ctx, d, balance);
  if (sandbox) lines.push(ctx.tr("sandbox-banner"));
  const reply_markup = new InlineKeyboard()
    .text(ctx.tr("btn-confirm"), confirmDraftButton.pack({ draftId: d.id }))
    .row()
    .text(ctx.tr("btn-promo"), promoDraftButton.pack({ draftId: d.id }))
    .row()
    .text(ctx.tr("btn-cancel"), dropDraftButton.pack({ draftId: d.id }));
  return { text: lines.join("\n"), reply_markup };
}

/** The guided purchase of one product (below), entered from the catalogue. */
export const PURCHASE_FLOW = flowRef<[provider: ProviderId, sku: string]>("purchase");

/** A saved customer as buttons name it: 12345678 (2001) · Nickname. Data only, the same in any language. */
export function customerText(c: SavedCustomer): string {
  const text = `${c.value}${c.zone ? ` (${c.zone})` : ""}${c.nickname ? ` · ${c.nickname}` : ""}`;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/**
 * The guided purchase: collect what the provider needs, then show a confirmation card. Paying
 * happens on the card's button (features/purchase.ts), keyed by the draft, not in here: a
 * replayed or repeated update can then never pay twice.
 */
export function purchaseConversation(s: Services) {
  return async function purchase(conversation: Flow, ctx: FlowContext, provider: ProviderId, sku: string) {
    const product = await conversation.external(() => s.catalog.product(provider, sku));
    if (!product) return void (await ctx.reply(ctx.tr("catalog-gone")));

    const input = await collectInput(conversation, ctx, product, s);
    if ("bulk" in input) return bulkTopup(conversation, ctx, product, s, input.bulk);

    // The account may have changed while the questions were answered: no draft for a refused sender.
    if (await refusedInFlow(conversation, ctx, s)) return;
    const { draft, balance } = await conversation.external(() => quote(s, flowUser(ctx), product, input));
    const card = confirmCard(ctx, draft, balance, s.sandbox);
    await ctx.reply(card.text, { reply_markup: card.reply_markup });
  };
}

/** The question, with a line pointing at the saved customers when there are buttons for them. */
const withHint = (ctx: FlowContext, prompt: string, saved: readonly SavedCustomer[]) =>
  saved.length ? `${prompt}\n${ctx.tr("saved-pick-hint")}` : prompt;

async function collectInput(conversation: Flow, ctx: FlowContext, product: Product, s: Services) {
  const userId = flowUser(ctx);
  if (product.input.kind === "player") {
    const saved = await conversation.external(() => s.customers.players(userId));
    const who = await ask<{ playerId: string; zone?: string; saved: boolean } | { bulk: string | undefined }>(
      conversation,
      ctx,
      withHint(ctx, ctx.tr("ask-player-id", { product: product.name }), saved),
      {
        parse: (text) => {
          // Several lines pasted straight away: a bulk top-up of those lines.
          if (text.trim().includes("\n")) return { bulk: text };
          const playerId = parsePlayerId(text);
          return playerId ? { playerId, saved: false } : undefined;
        },
        picks: [
          ...saved.map((c) => ({ label: `👤 ${customerText(c)}`, value: { playerId: c.value, zone: c.zone, saved: true } })),
          // Many players at once, one order each (conversations/bulk.ts).
          { label: ctx.tr("btn-bulk"), value: { bulk: undefined } },
        ],
        errorKey: "bad-player-id",
      },
    );
    if (who && "bulk" in who) return who;
    let zone: string | undefined;
    if (product.input.zone !== "none") {
      const required = product.input.zone === "required";
      // A saved customer comes with the zone it was bought with (none, where the game had none).
      if (who?.saved && (who.zone || !required)) zone = who.zone;
      else {
        zone = await ask(conversation, ctx, ctx.tr(required ? "ask-zone-required" : "ask-zone"), {
          parse: parseZone,
          errorKey: "bad-zone",
          skippable: !required,
        });
      }
    }
    return { playerId: who?.playerId, zone };
  }
  const saved = await conversation.external(() => s.customers.emails(userId));
  const email = await ask(conversation, ctx, withHint(ctx, ctx.tr("ask-email", { product: product.name }), saved), {
    parse: parseEmail,
    picks: saved.map((c) => ({ label: `✉️ ${c.value}`, value: c.value })),
    errorKey: "bad-email",
  });
  const quantity = await ask(conversation, ctx, ctx.tr("ask-quantity", { max: MAX_QUANTITY }), {
    parse: parseQuantity,
    errorKey: "bad-quantity",
    errorArgs: { max: MAX_QUANTITY },
    choices: ["1", "2", "3", "5"],
  });
  return { email, quantity };
}
