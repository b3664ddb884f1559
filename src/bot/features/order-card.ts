import { LOCALE_TAGS } from "../../lib/money.js";
import type { Locale } from "../../domain/locale.js";
import type { OrderRecord } from "../../store/types.js";
import type { BaseContext } from "../context.js";

// One formatter per locale: building an Intl formatter costs far more than using it.
const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

export function formatDate(at: number, locale: Locale): string {
  let f = dateFormats.get(locale);
  if (!f)
    dateFormats.set(
      locale,
      (f = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })),
    );
  return `${f.format(at)} UTC`;
}

/** Everything a reseller may know about their order (never the provider's cost). */
export function orderCard(ctx: BaseContext, o: OrderRecord): string {
  const lines = [
    ctx.tr("status-card", {
      orderId: o.id,
      product: o.productName,
      state: ctx.tr(`state-${o.state}`),
      price: { money: [o.price.amount, o.price.currency] },
      date: formatDate(o.createdAt, ctx.locale),
    }),
  ];
  if (o.providerOrderId) lines.push(ctx.tr("status-provider-id", { providerOrderId: o.providerOrderId }));
  if (o.playerId) lines.push(ctx.tr("status-player", { player: o.playerId }));
  if (o.zone) lines.push(ctx.tr("status-zone", { zone: o.zone }));
  if (o.nickname) lines.push(ctx.tr("status-nickname", { nickname: o.nickname }));
  if (o.email) lines.push(ctx.tr("status-email", { email: o.email }));
  if (o.trackingInfo) lines.push(ctx.tr("status-tracking", { tracking: o.trackingInfo, shippingStatus: o.shippingStatus ?? "-" }));
  if (o.note) lines.push(ctx.tr("status-note", { note: o.note }));
  if (o.sandbox) lines.push(ctx.tr("sandbox-banner"));
  return lines.join("\n");
}
