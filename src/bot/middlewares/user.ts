import type { MiddlewareFn } from "grammy";
import type { Translator } from "../i18n.js";
import { pickLocale } from "../i18n.js";
import type { FlowContext, Services } from "../context.js";

/**
 * Loads (and on first contact registers) the sender, resolves their locale and installs
 * `ctx.tr`. Also used as a conversation plugin, where the outer context's fields are absent.
 */
export function userContext(services: Services, translator: Translator): MiddlewareFn<FlowContext> {
  return async (ctx, next) => {
    const from = ctx.from;
    ctx.userCreated = false;
    // Usable before the user record is read, so an error there can still be answered in their language.
    ctx.locale = pickLocale(undefined, from?.language_code, services.defaultLocale);
    ctx.tr = (key, args) => translator.render(ctx.locale, key, args);
    ctx.label = (key, args) => translator.render(ctx.locale, key, args, { html: false });
    if (from && !from.is_bot) {
      const { user, created } = await services.resellers.register({
        id: from.id,
        firstName: from.first_name,
        username: from.username,
        languageCode: from.language_code,
      });
      ctx.user = user;
      ctx.userCreated = created;
    }
    ctx.role = from ? services.team.roleOf(from.id, ctx.user) : undefined;
    ctx.isAdmin = ctx.role !== undefined;
    ctx.locale = pickLocale(ctx.user?.locale, from?.language_code, services.defaultLocale);
    await next();
  };
}
