import { Composer, InlineKeyboard } from "grammy";
import { LOCALES } from "../../domain/locale.js";
import { languageButton } from "../callback-data/language.js";
import { onButton } from "../callback-data/on-button.js";
import type { BotContext, Services } from "../context.js";
import type { Feature } from "../feature.js";

export function languageFeature(s: Services): Feature {
  const c = new Composer<BotContext>();
  c.command("language", async (ctx) => {
    const kb = new InlineKeyboard();
    // Each language is named in itself, so a reader finds theirs whatever the current one is.
    for (const l of LOCALES) kb.text(s.translator.render(l, "language-name"), languageButton.pack({ locale: l }));
    await ctx.reply(ctx.tr("language-choose"), { reply_markup: kb });
  });
  onButton(c, languageButton, async (ctx, { locale }) => {
    await s.resellers.setLocale(ctx.from.id, locale);
    ctx.locale = locale;
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.tr("language-set"));
  });
  return { stage: "open", handlers: c };
}
