import { Composer } from "grammy";
import type { PromoRecord } from "../../../store/types.js";
import type { BotContext } from "../../context.js";
import { adminCommand, adminId, replyLines } from "./command.js";
import type { AdminKit } from "./kit.js";
import { parsePromoArgs } from "./promo-args.js";

type Tr = BotContext["tr"];

/** One code as /promo list and /promo <CODE> show it: discount, limits, state. */
function promoLine(tr: Tr, p: PromoRecord): string {
  const value =
    p.discount.kind === "percent"
      ? `${p.discount.bp / 100}%`
      : tr("promo-money", { amount: { money: [p.discount.amount, p.discount.currency] } });
  const parts = [tr(p.active ? "promo-state-on" : "promo-state-off"), `<code>${p.code}</code>`, value];
  parts.push(tr("promo-uses", { used: p.used, max: p.maxUses === undefined ? "∞" : String(p.maxUses) }));
  if (p.perReseller !== undefined) parts.push(tr("promo-per", { per: p.perReseller }));
  if (p.until !== undefined) parts.push(tr("promo-until", { day: new Date(p.until - 1).toISOString().slice(0, 10) }));
  if (p.min) parts.push(tr("promo-min", { amount: { money: [p.min.amount, p.min.currency] } }));
  if (p.product) parts.push(tr("promo-product", { product: p.product }));
  return parts.join(" · ");
}

/** /promo add|list|off|<CODE> (SPEC §7). Every change goes to the audit log. */
export function promoCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();
  adminCommand(c, "promo", parsePromoArgs, async (ctx, a) => {
    if (a.op === "add") {
      const promo = { ...a.promo, createdBy: adminId(ctx) };
      if (!(await kit.promos.add(promo))) return ctx.reply(ctx.tr("promo-exists", { code: promo.code }));
      await kit.audit.record(adminId(ctx), "promo_add", { target: promo.code, after: promo });
      const added = await kit.promos.get(promo.code);
      return ctx.reply([ctx.tr("promo-added", { code: promo.code }), added ? promoLine(ctx.tr, added) : ""].join("\n"));
    }
    if (a.op === "off") {
      const off = await kit.promos.turnOff(a.code);
      if (!off) return ctx.reply(ctx.tr("promo-not-found", { code: a.code }));
      await kit.audit.record(adminId(ctx), "promo_off", { target: a.code });
      return ctx.reply(ctx.tr("promo-turned-off", { code: a.code }));
    }
    if (a.op === "show") {
      const p = await kit.promos.get(a.code);
      if (!p) return ctx.reply(ctx.tr("promo-not-found", { code: a.code }));
      const given = await kit.promos.given(p.code);
      const lines = [promoLine(ctx.tr, p)];
      lines.push(
        given.length === 0
          ? ctx.tr("promo-given-none")
          : ctx.tr("promo-given", {
              amounts: given.map((g) => ctx.tr("promo-money", { amount: { money: [g.sum, g.currency] } })).join(", "),
            }),
      );
      return ctx.reply(lines.join("\n"));
    }
    const list = await kit.promos.list();
    if (list.length === 0) return ctx.reply(ctx.tr("promo-none"));
    await replyLines(ctx, [ctx.tr("promo-title"), ...list.map((p) => promoLine(ctx.tr, p))]);
  });
  return c;
}
