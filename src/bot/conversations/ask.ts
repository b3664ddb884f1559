import { InlineKeyboard } from "grammy";
import { flowCancelButton, flowChoiceButton, flowOptionButton, flowSkipButton } from "../callback-data/flow.js";
import type { FlowContext } from "../context.js";
import type { Flow } from "../flow.js";

export type { Flow } from "../flow.js";

export interface AskOptions<T> {
  /** Offer a Skip button; skipping returns undefined. */
  skippable?: boolean;
  /** Quick-pick buttons whose values go through `parse` like typed text. */
  choices?: string[];
  /** Buttons that answer with a ready value (a saved customer), one per row, above the choices. */
  picks?: { label: string; value: T }[];
  parse(text: string): T | undefined;
  errorKey: string;
  errorArgs?: Record<string, string | number>;
}

/**
 * Asks for one value and waits until a valid one arrives. Anything else gets a short, localised
 * answer and the question stands; a command leaves the flow and is handled as usual, so a
 * reseller is never stuck in a flow.
 */
export async function ask<T>(conversation: Flow, ctx: FlowContext, prompt: string, opts: AskOptions<T>): Promise<T | undefined> {
  const kb = new InlineKeyboard();
  for (const [i, p] of (opts.picks ?? []).entries()) kb.text(p.label, flowOptionButton.pack({ index: i })).row();
  for (const choice of opts.choices ?? []) kb.text(choice, flowChoiceButton.pack({ choice }));
  if (opts.choices?.length) kb.row();
  if (opts.skippable) kb.text(ctx.tr("btn-skip"), flowSkipButton.pack());
  kb.text(ctx.tr("btn-cancel"), flowCancelButton.pack());
  const asked = await ctx.reply(prompt, { reply_markup: kb });

  for (;;) {
    const next = await conversation.wait();
    const data = next.callbackQuery?.data;
    if (data !== undefined) {
      if (flowCancelButton.unpack(data)) {
        await next.answerCallbackQuery();
        await next.editMessageReplyMarkup();
        await next.reply(next.tr("cancel-done"));
        return conversation.halt();
      }
      if (flowSkipButton.unpack(data) && opts.skippable) {
        await next.answerCallbackQuery();
        return undefined;
      }
      const option = flowOptionButton.unpack(data);
      if (option) {
        await next.answerCallbackQuery();
        // By position: only this question's own buttons mean this question's picks.
        const picked = next.callbackQuery?.message?.message_id === asked.message_id ? opts.picks?.[option.index] : undefined;
        if (picked) return picked.value;
        continue;
      }
      const choice = flowChoiceButton.unpack(data);
      if (choice) {
        await next.answerCallbackQuery();
        const picked = opts.parse(choice.choice);
        if (picked !== undefined) return picked;
        continue;
      }
      // A button from an older message: leave it to the rest of the bot.
      return conversation.halt({ next: true });
    }
    const text = next.message?.text;
    if (text?.startsWith("/")) return conversation.halt({ next: true });
    if (text === undefined) {
      if (next.message) await next.reply(next.tr("flow-text-expected"));
      continue;
    }
    const value = opts.parse(text);
    if (value !== undefined) return value;
    await next.reply(next.tr(opts.errorKey, opts.errorArgs));
  }
}

/**
 * The next line of text in a flow that asked for one. Cancel ends the flow (the person is told);
 * a button from another message or a command leaves it to the rest of the bot; anything else (a
 * sticker, a photo) gets one line and the wait goes on. Undefined after Cancel.
 */
export async function nextText(conversation: Flow): Promise<{ text: string; ctx: FlowContext } | undefined> {
  for (;;) {
    const next = await conversation.wait();
    const data = next.callbackQuery?.data;
    if (data !== undefined && flowCancelButton.unpack(data)) {
      await next.answerCallbackQuery();
      await next.editMessageReplyMarkup();
      await next.reply(next.tr("cancel-done"));
      return undefined;
    }
    if (data !== undefined || next.message?.text?.startsWith("/")) return conversation.halt({ next: true });
    const text = next.message?.text;
    if (text !== undefined) return { text, ctx: next };
    if (next.message) await next.reply(next.tr("flow-text-expected"));
  }
}
