import { InlineKeyboard } from "grammy";
import { labelList, type BulkBatch } from "../../domain/bulk.js";
import type { Product } from "../../providers/types.js";
import { confirmBatchButton, dropBatchButton, promoBatchButton } from "../callback-data/purchase.js";
import type { BaseContext, FlowContext, Services } from "../context.js";
import { refusedInFlow } from "../filters/reseller.js";
import { escapeHtml } from "../i18n.js";
import { flowUser } from "../flow.js";
import { ask, type Flow } from "./ask.js";
import { parseBulkLines, type BulkParse } from "./bulk-lines.js";

/** Bad lines shown at most; the rest are counted, so the answer fits in one message. */
const BAD_SHOWN = 20;

/** "Line 7: abc! — the player ID …" for each bad line, under a heading. */
function badLinesText(ctx: FlowContext, bad: BulkParse["bad"]): string {
  const shown = bad.slice(0, BAD_SHOWN).map((b) =>
    ctx.tr("bulk-bad-line", {
      line: b.line,
      text: b.text.length > 40 ? `${b.text.slice(0, 39)}…` : b.text,
      reason: { t: `bulk-reason-${b.reason}` },
    }),
  );
  if (bad.length > BAD_SHOWN) shown.push(ctx.tr("bulk-bad-more", { count: bad.length - BAD_SHOWN }));
  return [ctx.tr("bulk-bad-title", { count: bad.length }), ...shown].join("\n");
}

/** The batch's one confirmation card: count, price each, total, balance after, and the lines. */
export function bulkCard(ctx: BaseContext | FlowContext, batch: BulkBatch, balance: number, sandbox: boolean) {
  const currency = batch.unitPrice.currency;
  const m = (amount: number) => ({ money: [amount, currency] as [number, string] });
  const count = batch.lines.length;
  const total = batch.unitPrice.amount * count;
  const lines = [
    ctx.tr("bulk-card-title"),
    ctx.tr("confirm-product", { product: batch.productName }),
    ctx.tr("bulk-card-count", { count }),
    ctx.tr("bulk-card-price", { price: m(batch.unitPrice.amount), total: m(total) }),
    ctx.tr("confirm-balance", { balance: m(balance), after: m(balance - total) }),
  ];
  if (batch.promo) {
    lines.push(
      ctx.tr("promo-bulk-line", { code: batch.promo.code, full: m(batch.promo.fullUnitPrice.amount), saving: m(batch.promo.discount) }),
    );
    if (batch.promo.clamped) lines.push(ctx.tr("promo-card-clamped"));
  }
  if (balance < total) {
    const covered = batch.unitPrice.amount > 0 ? Math.max(0, Math.floor(balance / batch.unitPrice.amount)) : count;
    lines.push(ctx.tr("bulk-card-short", { covered, count }));
  }
  lines.push("", `<code>${escapeHtml(labelList(batch.lines, 2000))}</code>`);
  if (sandbox) lines.push(ctx.tr("sandbox-banner"));
  const reply_markup = new InlineKeyboard()
    .text(ctx.tr("btn-confirm"), confirmBatchButton.pack({ batchId: batch.id }))
    .row()
    .text(ctx.tr("btn-promo"), promoBatchButton.pack({ batchId: batch.id }))
    .row()
    .text(ctx.tr("btn-cancel"), dropBatchButton.pack({ batchId: batch.id }));
  return { text: lines.join("\n"), reply_markup };
}

/**
 * A bulk top-up inside the purchase flow: the reseller pastes many lines, the bad ones are
 * named with their line number and reason, and the good ones get one card. Paying happens on
 * the card's button (features/bulk.ts), keyed by the batch and its drafts.
 */
export async function bulkTopup(conversation: Flow, ctx: FlowContext, product: Product, s: Services, pasted?: string) {
  if (product.input.kind !== "player") return;
  const zone = product.input.zone;
  const max = s.bulk.maxLines;
  const prompt = ctx.tr(zone === "none" ? "bulk-ask-no-zone" : "bulk-ask", { product: product.name, max });
  const parse = (text: string) => parseBulkLines(text, zone, max);
  // Lines pasted at the player-ID question are taken as the first answer.
  let first = pasted === undefined ? undefined : parse(pasted);
  for (;;) {
    const parsed = first ?? (await ask(conversation, ctx, prompt, { parse, errorKey: "flow-text-expected" }));
    first = undefined;
    if (!parsed) return;
    if (parsed.tooMany) {
      await ctx.reply(ctx.tr("bulk-too-many", { count: parsed.tooMany, max }));
      continue;
    }
    if (parsed.bad.length) await ctx.reply(badLinesText(ctx, parsed.bad));
    if (parsed.lines.length === 0) {
      await ctx.reply(ctx.tr("bulk-none-valid"));
      continue;
    }
    if (await refusedInFlow(conversation, ctx, s)) return;
    const { batch, balance } = await conversation.external(() => s.bulk.quote(flowUser(ctx), product, parsed.lines));
    const card = bulkCard(ctx, batch, balance, s.sandbox);
    await ctx.reply(card.text, { reply_markup: card.reply_markup });
    return;
  }
}
