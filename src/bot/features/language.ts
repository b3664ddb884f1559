import { Composer, InlineKeyboard } from "grammy";
import { LOCALES, type Locale } from "../../store/types.js";
import type { BotContext, Services } from "../context.js";
import type { Translator } from "../i18n.js";

export function languageFeature(s: Services, translator: Translator) {
  const c = new Composer<BotContext>();
  c.command("language", async (ctx) => {
    const kb = new InlineKeyboard();
    // Each language is named in itself, so a reader finds theirs whatever the current one is.
    for (const l of LOCALES) kb.text(translator.render(l, "language-name"), `lang:${l}`);
    await ctx.reply(ctx.tr("language-choose"), { reply_markup: kb });
  });
  c.callbackQuery(/^lang:(en|id|my)$/, async (ctx) => {
    const locale = ctx.match[1] as Locale;
    await s.resellers.setLocale(ctx.from.id, locale);
    ctx.locale = locale;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.tr("language-set"));
  });
  return c;
}
