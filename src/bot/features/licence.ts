import { Composer } from "grammy";
import type { LicenceVerification } from "../../providers/types.js";
import type { BaseContext, BotContext, Services } from "../context.js";
import { formatDate } from "./order-card.js";
import type { Feature } from "../feature.js";

/** What a reseller may know of a licence: its state, domain, expiry and extension. */
export function licenceCard(ctx: BaseContext, l: LicenceVerification, sandbox: boolean): string {
  if (l.state === "not_found") return ctx.tr("licence-not-found", { key: l.key });
  const lines = [ctx.tr("licence-title", { key: l.key }), ctx.tr(`licence-state-${l.state}`)];
  lines.push(l.domain ? ctx.tr("licence-domain", { domain: l.domain }) : ctx.tr("licence-domain-none"));
  const expires = l.expiresAt ? Date.parse(l.expiresAt) : Number.NaN;
  lines.push(
    Number.isNaN(expires) ? ctx.tr("licence-expires-never") : ctx.tr("licence-expires", { date: formatDate(expires, ctx.locale) }),
  );
  lines.push(
    l.extension
      ? ctx.tr("licence-extension", { name: l.extension.name, version: l.extension.version ?? "" })
      : ctx.tr("licence-extension-none"),
  );
  if (sandbox) lines.push("", ctx.tr("sandbox-banner"));
  return lines.join("\n");
}

/** /license <key>: a key checked at xen (behind the reseller gate); a reseller's lookup links them to its news. */
export function licenceFeature(s: Services): Feature {
  const c = new Composer<BotContext>();
  c.on("message").command("license", async (ctx) => {
    if (!s.licences.enabled()) return void (await ctx.reply(ctx.tr("licence-off")));
    const key = ctx.match.trim();
    if (!key) return void (await ctx.reply(ctx.tr("licence-usage")));
    // Admins hear of every key through their own notifications: only resellers are linked.
    const r = await s.licences.lookup(key, { userId: ctx.from.id, link: !ctx.isAdmin });
    switch (r.kind) {
      case "off":
        return void (await ctx.reply(ctx.tr("licence-off")));
      case "malformed":
        return void (await ctx.reply(ctx.tr("licence-malformed")));
      case "failed":
        if (r.reason === "rate_limited") {
          return void (await ctx.reply(
            ctx.tr("licence-rate-limited", { seconds: Math.max(1, Math.ceil((r.retryAfterMs ?? 60_000) / 1000)) }),
          ));
        }
        return void (await ctx.reply(ctx.tr("licence-unavailable")));
      case "checked":
        return void (await ctx.reply(licenceCard(ctx, r.licence, s.sandbox)));
    }
  });
  return { stage: "reseller", handlers: c };
}
