import { InlineKeyboard } from "grammy";
import type { BulkBatch } from "../../domain/bulk.js";
import type { Draft } from "../../domain/drafts.js";
import type { PromoReason } from "../../domain/promos.js";
import { flowCancelButton } from "../callback-data/flow.js";
import type { FlowContext, Services } from "../context.js";
import { flowRef, flowUser } from "../flow.js";
import { type Flow, nextText } from "./ask.js";
import { bulkCard } from "./bulk.js";
import { confirmCard } from "./purchase.js";

/** What the flow's external step answers: the card to show again, or why the code does not apply. */
type PromoAnswer =
  | { ok: true; card: { kind: "batch"; batch: BulkBatch; balance: number } | { kind: "draft"; draft: Draft; balance: number } }
  | { ok: false; reason: PromoReason | "expired_card" };

/** The card's 🎟 Promo code: entered with the card's draft id and the card's message, to replace it. */
export const PROMO_CODE_FLOW = flowRef<[target: "draft" | "batch", id: string, cardMessageId: number | undefined]>("promo-code");

/**
 * "Type the code": the code is checked against the card (SPEC §7) and the card is shown again at
 * its new price with the saving, or one line says why the code does not apply. The use itself is
 * only taken at Confirm, in the debit's transaction.
 */
export function promoCodeConversation(s: Services) {
  return async function promoCode(
    conversation: Flow,
    ctx: FlowContext,
    target: "draft" | "batch",
    id: string,
    cardMessageId: number | undefined,
  ) {
    await ctx.reply(ctx.tr("promo-ask"), { reply_markup: new InlineKeyboard().text(ctx.tr("btn-cancel"), flowCancelButton.pack()) });
    for (;;) {
      const got = await nextText(conversation);
      if (!got) return;
      const { text, ctx: next } = got;
      const user = flowUser(next);
      const out = await conversation.external(async (): Promise<PromoAnswer> => {
        if (target === "batch") {
          const applied = await s.bulk.applyPromo(id, user, text);
          return applied.ok ? { ok: true, card: { kind: "batch", batch: applied.batch, balance: applied.balance } } : applied;
        }
        const applied = await s.promos.applyToDraft(id, user, text);
        if (!applied.ok) return applied;
        const balances = await s.wallets.balances(user);
        return { ok: true, card: { kind: "draft", draft: applied.draft, balance: balances[applied.draft.price.currency] ?? 0 } };
      });
      if (!out.ok) {
        await next.reply(next.tr(out.reason === "expired_card" ? "draft-expired" : `promo-no-${out.reason}`));
        if (out.reason === "expired_card") return;
        continue;
      }
      // The old card's buttons go: the card below is the one to confirm (same draft, same order id).
      if (cardMessageId !== undefined && next.chat) {
        await next.api.editMessageReplyMarkup(next.chat.id, cardMessageId).catch(() => {});
      }
      const card =
        out.card.kind === "batch"
          ? bulkCard(next, out.card.batch, out.card.balance, s.sandbox)
          : confirmCard(next, out.card.draft, out.card.balance, s.sandbox);
      await next.reply(card.text, { reply_markup: card.reply_markup });
      return;
    }
  };
}
