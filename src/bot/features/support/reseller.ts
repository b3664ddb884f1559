import { Composer, type Filter } from "grammy";
import { maySeekSupport } from "../../../domain/support/index.js";
import { onButton } from "../../callback-data/on-button.js";
import { supportAskButton } from "../../callback-data/support.js";
import type { BotContext, Services } from "../../context.js";
import type { Feature } from "../../feature.js";
import { refusalKey, resellerRefusal } from "../../filters/reseller.js";
import { formatDate } from "../order-card.js";
import { followUpOnDesk, type Incoming, openOnDesk } from "./relay.js";

type MessageContext = Filter<BotContext, "message">;

/** `/support` (or `/support@thisbot`) at the start of a caption, and what follows it. */
const CAPTION_COMMAND = /^\/support(?:@(\w+))?(?:\s+|$)/i;

/** What a ticket carries both ways: text, photos and files (a sticker or a voice note is refused with one line). */
const relayable = (m: MessageContext["msg"]) => m.text !== undefined || m.photo !== undefined || m.document !== undefined;

/**
 * The reseller's side of support tickets: /support opens one (or, alone, lists the open ones), a
 * photo or file captioned /support opens one with it, Support under /help opens one with the next
 * message; installed last, their other messages join their open ticket.
 */
export function supportResellerFeatures(s: Services): Feature[] {
  const refused = (ctx: BotContext) => !maySeekSupport(ctx.user, ctx.isAdmin);
  const statusLine = (ctx: BotContext) => ctx.tr(refusalKey(resellerRefusal(ctx.user, ctx.isAdmin) ?? "pending"));

  async function open(ctx: MessageContext, m: Incoming): Promise<void> {
    const out = await s.support.open(m.resellerId);
    if (!out.ok) return void (await ctx.reply(ctx.tr("support-limit", { max: s.support.limits.maxOpen })));
    await openOnDesk(ctx.api, s, out.ticket, ctx.user, m);
    await ctx.reply(ctx.tr("support-opened", { ticketId: String(out.ticket.id) }), {
      reply_parameters: { message_id: m.messageId, allow_sending_without_reply: true },
    });
  }

  const first = new Composer<BotContext>();
  const priv = first.chatType("private");
  priv.on("message").command("support", async (ctx) => {
    if (refused(ctx)) return void (await ctx.reply(statusLine(ctx)));
    const question = ctx.match.trim();
    if (question) return open(ctx, { resellerId: ctx.from.id, messageId: ctx.msg.message_id, text: question });
    const tickets = await s.support.openOf(ctx.from.id);
    if (tickets.length === 0) return void (await ctx.reply(ctx.tr("support-none")));
    const lines = tickets.map((t) => ctx.tr("support-list-line", { ticketId: String(t.id), date: formatDate(t.openedAt, ctx.locale) }));
    await ctx.reply([ctx.tr("support-list-title"), ...lines, "", ctx.tr("support-list-hint")].join("\n"));
  });
  // Telegram marks no command in a caption: a photo or file captioned /support is read here.
  priv.on(["message:photo", "message:document"], async (ctx, next) => {
    const hit = CAPTION_COMMAND.exec(ctx.msg.caption ?? "");
    if (!hit || (hit[1] !== undefined && hit[1].toLowerCase() !== ctx.me.username.toLowerCase())) return next();
    if (refused(ctx)) return void (await ctx.reply(statusLine(ctx)));
    const caption = (ctx.msg.caption ?? "").slice(hit[0].length).trim();
    await open(ctx, { resellerId: ctx.from.id, messageId: ctx.msg.message_id, caption });
  });
  onButton(priv, supportAskButton, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (refused(ctx)) return void (await ctx.reply(statusLine(ctx)));
    await s.support.asking(ctx.from.id);
    await ctx.reply(ctx.tr("support-ask"));
  });

  const last = new Composer<BotContext>();
  // Whatever no feature took: commands, other chats and refused senders go on to features/unhandled.ts.
  last
    .chatType("private")
    .on("message")
    .filter(
      (ctx) => !ctx.msg.text?.startsWith("/") && !refused(ctx),
      async (ctx, next) => {
        const m: Incoming = { resellerId: ctx.from.id, messageId: ctx.msg.message_id };
        if (await s.support.takeAsking(m.resellerId)) {
          if (relayable(ctx.msg)) return open(ctx, m);
          await s.support.asking(m.resellerId);
          return void (await ctx.reply(ctx.tr("support-unsupported")));
        }
        const hit = await s.support.ticketFor(m.resellerId, ctx.msg.reply_to_message?.message_id);
        if (!hit) return next();
        if (!relayable(ctx.msg)) return void (await ctx.reply(ctx.tr("support-unsupported")));
        const verdict = await s.support.followUp(hit.ticket.id);
        if (verdict === "slow-down") await ctx.reply(ctx.tr("support-slow-down"));
        if (verdict === "relay") await followUpOnDesk(ctx.api, s, hit.ticket, m);
      },
    );
  return [
    { stage: "open", handlers: first },
    { stage: "last", handlers: last },
  ];
}
