import { Composer, InlineKeyboard } from "grammy";
import { parseAllowedIps } from "../../domain/api-keys.js";
import { checkCallbackUrl, type PostResult } from "../../lib/guarded-fetch.js";
import { apiButton } from "../callback-data/api.js";
import { onButton } from "../callback-data/on-button.js";
import type { BotContext, SenderContext, Services } from "../context.js";
import type { Feature } from "../feature.js";
import { formatDate } from "./order-card.js";

/** `/api`, `/api url <url|off>`, `/api ips <list|off>`. */
export function parseApiArgs(text: string): { kind: "show" } | { kind: "url" | "ips"; value: string } | { kind: "usage" } {
  const t = text.trim();
  if (t === "") return { kind: "show" };
  const m = /^(url|ips)\s+([\s\S]+)$/i.exec(t);
  if (!m?.[1] || !m[2]) return { kind: "usage" };
  return { kind: m[1].toLowerCase() as "url" | "ips", value: m[2].trim() };
}

const KNOWN_ERRORS = new Set(["timeout", "unreachable", "blocked_address"]);
const why = (ctx: BotContext, r: Pick<PostResult, "status"> & { error?: string }) =>
  r.error
    ? ctx.tr(KNOWN_ERRORS.has(r.error) ? `api-why-${r.error}` : "api-why-unreachable")
    : ctx.tr("api-why-status", { status: r.status ?? 0 });

/**
 * The reseller's API keys in chat (SPEC §8): the state, and buttons to create, rotate or revoke
 * the key, set the callback URL (checked and pinged) and the allowed IPs, and turn chat pushes of
 * API orders on or off. A key is shown once, in a message of its own with a button that deletes it.
 */
export function apiFeature(s: Services): Feature {
  const c = new Composer<BotContext>();
  const api = s.resellerApi;

  async function show(ctx: SenderContext) {
    if (!api) return;
    const userId = ctx.from.id;
    const [key, settings] = await Promise.all([api.keys.liveKey(userId), api.keys.settings(userId)]);
    const lines = [ctx.tr("api-title")];
    lines.push(key ? ctx.tr("api-key-line", { hint: key.keyHint, date: formatDate(key.createdAt, ctx.locale) }) : ctx.tr("api-no-key"));
    lines.push(settings.callbackUrl ? ctx.tr("api-url-line", { url: settings.callbackUrl }) : ctx.tr("api-url-none"));
    lines.push(settings.allowedIps.length ? ctx.tr("api-ips-line", { ips: settings.allowedIps.join(", ") }) : ctx.tr("api-ips-any"));
    lines.push(ctx.tr(settings.notifyInChat ? "api-notify-on" : "api-notify-off"));
    const last = settings.lastCallback;
    if (!last) lines.push(ctx.tr("api-last-none"));
    else if (last.ok) lines.push(ctx.tr("api-last-ok", { status: last.status ?? 200, date: formatDate(last.at, ctx.locale) }));
    else lines.push(ctx.tr("api-last-failed", { why: why(ctx, last), date: formatDate(last.at, ctx.locale) }));
    lines.push("", ctx.tr("api-docs"));
    const kb = new InlineKeyboard();
    if (key) {
      kb.text(ctx.label("btn-api-rotate"), apiButton.pack({ action: "rotate" }));
      kb.text(ctx.label("btn-api-revoke"), apiButton.pack({ action: "revoke" })).row();
    } else kb.text(ctx.label("btn-api-create"), apiButton.pack({ action: "create" })).row();
    kb.text(ctx.label("btn-api-url"), apiButton.pack({ action: "url" }));
    kb.text(ctx.label("btn-api-ips"), apiButton.pack({ action: "ips" })).row();
    kb.text(ctx.label(settings.notifyInChat ? "btn-api-notify-off" : "btn-api-notify-on"), apiButton.pack({ action: "notify" }));
    await ctx.reply(lines.join("\n"), { reply_markup: kb });
  }

  /** The new key and secret, once, in a message the reseller can delete with one tap. */
  async function issue(ctx: SenderContext) {
    if (!api) return;
    const { key, secret } = await api.keys.issue(ctx.from.id);
    await ctx.reply(ctx.tr("api-key-shown", { key, secret }), {
      reply_markup: new InlineKeyboard().text(ctx.label("btn-api-forget"), apiButton.pack({ action: "forget" })),
    });
  }

  async function setUrl(ctx: SenderContext, value: string) {
    if (!api) return;
    if (/^(off|none|-)$/i.test(value)) {
      await api.keys.patchSettings(ctx.from.id, { callbackUrl: undefined });
      return ctx.reply(ctx.tr("api-url-removed"));
    }
    const checked = await checkCallbackUrl(value, api.allowPrivate);
    if (!checked.ok) return ctx.reply(ctx.tr(`api-url-refused-${checked.reason}`));
    await api.keys.patchSettings(ctx.from.id, { callbackUrl: checked.url });
    const ping = await api.callbacks.ping(ctx.from.id, checked.url);
    const result = ping.ok ? ctx.tr("api-ping-ok", { status: ping.status ?? 200 }) : ctx.tr("api-ping-failed", { why: why(ctx, ping) });
    await ctx.reply(ctx.tr("api-url-set", { url: checked.url, ping: result }));
  }

  async function setIps(ctx: SenderContext, value: string) {
    if (!api) return;
    const parsed = parseAllowedIps(value);
    if (!parsed.ok) return ctx.reply(ctx.tr("api-ips-bad", { entry: parsed.bad }));
    await api.keys.patchSettings(ctx.from.id, { allowedIps: parsed.entries });
    await ctx.reply(parsed.entries.length ? ctx.tr("api-ips-set", { ips: parsed.entries.join(", ") }) : ctx.tr("api-ips-cleared"));
  }

  c.on("message").command("api", async (ctx) => {
    if (!api) return;
    const args = parseApiArgs(ctx.match);
    if (args.kind === "show") return show(ctx);
    if (args.kind === "usage") return ctx.reply(ctx.tr("api-usage"));
    return args.kind === "url" ? setUrl(ctx, args.value) : setIps(ctx, args.value);
  });

  onButton(c, apiButton, async (ctx, { action }) => {
    await ctx.answerCallbackQuery();
    if (!api) return;
    const confirm = (key: string, yes: "rotate-yes" | "revoke-yes", label: string) =>
      ctx.reply(ctx.tr(key), { reply_markup: new InlineKeyboard().text(ctx.label(label), apiButton.pack({ action: yes })) });
    switch (action) {
      case "create":
        // A second tap of an old card must not end the key the first one made.
        if (await api.keys.liveKey(ctx.from.id)) return show(ctx);
        return issue(ctx);
      case "rotate":
        return confirm("api-rotate-confirm", "rotate-yes", "btn-api-confirm-rotate");
      case "rotate-yes":
        await ctx.editMessageReplyMarkup().catch(() => {});
        return issue(ctx);
      case "revoke":
        return confirm("api-revoke-confirm", "revoke-yes", "btn-api-confirm-revoke");
      case "revoke-yes":
        await ctx.editMessageReplyMarkup().catch(() => {});
        return ctx.reply(ctx.tr((await api.keys.revoke(ctx.from.id)) ? "api-revoked" : "api-nothing-to-revoke"));
      case "url":
        return ctx.reply(ctx.tr("api-url-ask"));
      case "ips":
        return ctx.reply(ctx.tr("api-ips-ask"));
      case "notify": {
        const on = !(await api.keys.settings(ctx.from.id)).notifyInChat;
        await api.keys.patchSettings(ctx.from.id, { notifyInChat: on });
        return ctx.reply(ctx.tr(on ? "api-notify-set-on" : "api-notify-set-off"));
      }
      case "forget":
        // The key's message goes; if Telegram no longer lets us (after 48 h), the reseller can.
        return ctx.deleteMessage().catch(() => ctx.reply(ctx.tr("api-forget-failed")));
    }
  });
  return { stage: "reseller", handlers: c };
}
