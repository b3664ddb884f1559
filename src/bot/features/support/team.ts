import { Composer } from "grammy";
import { BUTTON_PERMISSIONS, may } from "../../../domain/team/permissions.js";
import { onButton } from "../../callback-data/on-button.js";
import { ticketCloseButton } from "../../callback-data/support.js";
import type { BotContext, Services } from "../../context.js";
import { chatLocale } from "./card.js";
import { answerReseller, editCards } from "./relay.js";

/**
 * The team's side of support tickets, installed in the admin console behind the permission gate
 * (which checks the Close button against the presser's role): a member's Telegram reply to any
 * message of a ticket goes back to the reseller; Close closes it for everyone.
 */
export function supportTeamHandlers(s: Services): Composer<BotContext> {
  const c = new Composer<BotContext>();

  onButton(c, ticketCloseButton, async (ctx, { ticketId }) => {
    const out = await s.support.close(ticketId, ctx.from.id);
    const ticket = out.ticket;
    if (!ticket) return void (await ctx.answerCallbackQuery({ text: ctx.label("callback-stale") }));
    const id = String(ticket.id);
    await ctx.answerCallbackQuery({ text: ctx.label(out.closed ? "support-closed-done" : "support-already-closed", { ticketId: id }) });
    const closer = out.closed ? ctx.from : undefined;
    const closedBy = closer?.first_name ?? (await s.resellers.get(ticket.closedBy ?? 0))?.firstName ?? String(ticket.closedBy);
    const reseller = await s.resellers.get(ticket.resellerId);
    await editCards(ctx.api, s, ticket, reseller, closedBy);
    if (!out.closed) return;
    await s.audit.record(ctx.from.id, "ticket-closed", { target: String(ticket.resellerId), note: `#${id}` });
    const text = s.translator.render(await chatLocale(s, ticket.resellerId), "support-closed-reseller", { ticketId: id });
    await ctx.api
      .sendMessage(ticket.resellerId, text)
      .catch((err: unknown) => s.logger.warn({ err, ticketId }, "could not tell a reseller their ticket closed"));
  });

  c.on("message", async (ctx, next) => {
    const replied = ctx.msg.reply_to_message;
    // Answering is the ticket row of the permission table (every role today): one declaration decides.
    if (!replied || ctx.msg.text?.startsWith("/") || !may(ctx.role, BUTTON_PERMISSIONS.ticket)) return next();
    const hit = await s.support.byTeamMessage(ctx.chat.id, replied.message_id);
    if (!hit) return next();
    const ticketId = String(hit.ticket.id);
    const here = { reply_parameters: { message_id: ctx.msg.message_id } };
    if (hit.ticket.status === "closed") return void (await ctx.reply(ctx.tr("support-reply-closed", { ticketId }), here));
    try {
      await answerReseller(ctx.api, s, hit, {
        fromUserId: ctx.from.id,
        fromName: ctx.from.first_name,
        text: ctx.msg.text ?? ctx.msg.caption,
        chatId: ctx.chat.id,
        threadId: ctx.msg.message_thread_id,
        messageId: ctx.msg.message_id,
      });
    } catch (err) {
      s.logger.warn({ err, ticketId }, "a support reply could not reach the reseller");
      await ctx.reply(ctx.tr("support-reply-failed", { ticketId }), here);
    }
  });
  return c;
}
