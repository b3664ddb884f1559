import { I18n } from "@grammyjs/i18n";
import { fileURLToPath } from "node:url";
import type { MessageArgs } from "../domain/notifications.js";
import { formatMoney, formatNumber } from "../lib/money.js";
import { LOCALES, type Locale } from "../domain/locale.js";

const LOCALES_DIR = fileURLToPath(new URL("../../locales", import.meta.url));

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Negotiates one of our locales from a user's choice or Telegram's language code. */
export function pickLocale(chosen: string | undefined, telegram: string | undefined, fallback: Locale): Locale {
  for (const c of [chosen, telegram?.slice(0, 2).toLowerCase()]) {
    if (c && (LOCALES as readonly string[]).includes(c)) return c as Locale;
  }
  // Malay speakers read Indonesian far better than English.
  if (telegram?.startsWith("ms")) return "id";
  return fallback;
}

export function createI18n(defaultLocale: Locale) {
  const i18n = new I18n({
    defaultLocale,
    directory: LOCALES_DIR,
    // Unicode isolation marks around arguments would reach chats and tests as invisible noise.
    fluentBundleOptions: { useIsolating: false },
  });

  /**
   * Renders a message for a locale: strings escaped for HTML (`html: false` for button labels,
   * which Telegram shows as plain text: "Tom & Jerry", not "Tom &amp; Jerry"), money formatted
   * for the reader.
   */
  function render(locale: Locale, key: string, args: MessageArgs = {}, format: { html: boolean } = { html: true }): string {
    const vars: Record<string, string> = {};
    for (const [k, v] of Object.entries(args)) {
      if (typeof v === "string") vars[k] = format.html ? escapeHtml(v) : v;
      // Formatted here rather than by Fluent, which would pick Myanmar digits for "my".
      else if (typeof v === "number") vars[k] = formatNumber(v, locale);
      else if ("t" in v) vars[k] = render(locale, v.t, {}, format);
      else vars[k] = formatMoney(v.money[0], v.money[1], locale);
    }
    // A message asking for an argument nobody passed must not cost the user their answer:
    // Fluent throws on the first unknown variable; fill it with a dash and render again.
    for (let i = 0; i < 10; i++) {
      try {
        return i18n.t(locale, key, vars);
      } catch (err) {
        const missing = /Unknown variable: \$([\w-]+)/.exec(err instanceof Error ? err.message : "")?.[1];
        if (!missing || missing in vars) throw err;
        vars[missing] = "-";
      }
    }
    return i18n.t(locale, key, vars);
  }

  return { i18n, render };
}

export type Translator = ReturnType<typeof createI18n>;
