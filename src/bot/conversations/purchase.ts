import { InlineKeyboard } from "grammy";
import type { Draft } from "../../domain/drafts.js";
import type { Product, ProviderId } from "../../providers/types.js";
import type { FlowContext, Services } from "../context.js";
import { ask, type Flow } from "./ask.js";
import { MAX_QUANTITY, parseEmail, parsePlayerId, parseQuantity, parseZone } from "./validate.js";

/** Confirmation card lines; the same card is shown again when an order is looked at. */
export function confirmLines(ctx: FlowContext, d: Draft, balance: number): string[] {
  const m = (amount: number) => ({ money: [amount, d.price.currency] as [number, string] });
  const lines = [ctx.tr("confirm-title"), ctx.tr("confirm-product", { product: d.productName })];
  if (d.playerId) lines.push(ctx.tr("confirm-player", { player: d.playerId }));
  if (d.zone) lines.push(ctx.tr("confirm-zone", { zone: d.zone }));
  if (d.email) lines.push(ctx.tr("confirm-email", { email: d.email }), ctx.tr("confirm-quantity", { quantity: d.quantity }));
  lines.push(ctx.tr("confirm-price", { price: m(d.price.amount) }));
  lines.push(ctx.tr("confirm-balance", { balance: m(balance), after: m(balance - d.price.amount) }));
  if (balance < d.price.amount) lines.push(ctx.tr("confirm-short"));
  return lines;
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

    const input = await collectInput(conversation, ctx, product);

    const { draft, balance } = await conversation.external(async () => {
      const tier = (await s.resellers.get(ctx.from!.id))?.tier ?? "member";
      const unitPrice = await s.catalog.price(product, tier);
      const draft = await s.drafts.create(ctx.from!.id, product, unitPrice, input);
      const balances = await s.store.ledger.balances(ctx.from!.id);
      return { draft, balance: balances[draft.price.currency] ?? 0 };
    });

    const lines = confirmLines(ctx, draft, balance);
    if (s.sandbox) lines.push(ctx.tr("sandbox-banner"));
    const kb = new InlineKeyboard().text(ctx.tr("btn-confirm"), `ok:${draft.id}`).row().text(ctx.tr("btn-cancel"), `no:${draft.id}`);
    await ctx.reply(lines.join("\n"), { reply_markup: kb });
  };
}

async function collectInput(conversation: Flow, ctx: FlowContext, product: Product) {
  if (product.input.kind === "player") {
    const playerId = await ask(conversation, ctx, ctx.tr("ask-player-id", { product: product.name }), {
      parse: parsePlayerId,
      errorKey: "bad-player-id",
    });
    let zone: string | undefined;
    if (product.input.zone !== "none") {
      const required = product.input.zone === "required";
      zone = await ask(conversation, ctx, ctx.tr(required ? "ask-zone-required" : "ask-zone"), {
        parse: parseZone,
        errorKey: "bad-zone",
        skippable: !required,
      });
    }
    return { playerId, zone };
  }
  const email = await ask(conversation, ctx, ctx.tr("ask-email", { product: product.name }), { parse: parseEmail, errorKey: "bad-email" });
  const quantity = await ask(conversation, ctx, ctx.tr("ask-quantity", { max: MAX_QUANTITY }), {
    parse: parseQuantity,
    errorKey: "bad-quantity",
    errorArgs: { max: MAX_QUANTITY },
    choices: ["1", "2", "3", "5"],
  });
  return { email, quantity };
}
