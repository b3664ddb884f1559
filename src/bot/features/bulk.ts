import { Composer } from "grammy";
import { labelList, type BulkPlaced } from "../../domain/bulk.js";
import { onButton } from "../callback-data/on-button.js";
import { confirmBatchButton, dropBatchButton, promoBatchButton } from "../callback-data/purchase.js";
import { PROMO_CODE_FLOW } from "../conversations/promo-code.js";
import type { BotContext, Services } from "../context.js";
import { escapeHtml } from "../i18n.js";
import type { Feature } from "../feature.js";
import { blockedText } from "./maintenance-notice.js";

/** Why the lines after the first one that failed were not placed. */
function stopText(ctx: BotContext, r: BulkPlaced): string {
  const stop = r.stop;
  if (!stop || stop.kind === "expired") return ctx.tr("draft-expired");
  if (stop.kind === "blocked") return blockedText(ctx, stop);
  if (stop.kind === "promo") return ctx.tr(`promo-no-${stop.reason}`);
  return ctx.tr("bulk-not-placed-balance", { balance: { money: [stop.balance, r.batch.unitPrice.currency] } });
}

function resultText(ctx: BotContext, r: BulkPlaced): string {
  const { batch } = r;
  const lines: string[] = [];
  if (r.placed.length) {
    lines.push(
      ctx.tr("bulk-placed", {
        placed: r.placed.length,
        count: batch.lines.length,
        product: batch.productName,
        amount: { money: [batch.unitPrice.amount * r.placed.length, batch.unitPrice.currency] },
      }),
    );
    if (r.queued) lines.push(ctx.tr("bulk-queued"));
  } else lines.push(ctx.tr("bulk-nothing-placed"));
  if (r.notPlaced.length) {
    lines.push(
      "",
      ctx.tr("bulk-not-placed", { count: r.notPlaced.length, reason: stopText(ctx, r) }),
      `<code>${escapeHtml(labelList(r.notPlaced, 2500))}</code>`,
    );
  }
  return lines.join("\n");
}

/** The bulk card's buttons: Confirm places every line it can, once; Cancel drops them all. */
export function bulkFeature(s: Services): Feature {
  const c = new Composer<BotContext>();

  onButton(c, confirmBatchButton, async (ctx, { batchId }) => {
    const claimed = await s.bulk.claim(batchId, ctx.from.id);
    if (claimed.kind !== "claimed") {
      // A second tap (or a card already cancelled or too old): say so on the button, touch nothing.
      return void (await ctx.answerCallbackQuery({ text: ctx.tr(claimed.kind === "already" ? "bulk-already" : "draft-expired") }));
    }
    await ctx.answerCallbackQuery({ text: ctx.tr("bulk-placing") });
    // Cosmetic, like a single order's card: the claim above is what stops a second pass.
    await ctx.editMessageReplyMarkup().catch(() => {});
    const result = await s.bulk.place(claimed.batch);
    await ctx.reply(resultText(ctx, result));
  });

  onButton(c, promoBatchButton, async (ctx, { batchId }) => {
    await ctx.answerCallbackQuery();
    const batch = await s.bulk.get(batchId);
    if (batch?.userId !== ctx.from.id || batch.confirmedAt !== undefined) return void (await ctx.reply(ctx.tr("draft-expired")));
    await PROMO_CODE_FLOW.enter(ctx, "batch", batchId, ctx.callbackQuery.message?.message_id);
  });

  onButton(c, dropBatchButton, async (ctx, { batchId }) => {
    const dropped = await s.bulk.discard(batchId, ctx.from.id);
    await ctx.answerCallbackQuery(dropped === "already" ? { text: ctx.tr("bulk-already") } : undefined);
    if (dropped === "already") return;
    await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(ctx.tr(dropped === "dropped" ? "order-dropped" : "draft-expired"));
  });

  return { stage: "reseller", handlers: c };
}
