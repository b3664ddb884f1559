/** The languages the bot speaks: the one list (config, i18n, menus and the language picker read it). */
export const LOCALES = ["en", "id", "my"] as const;
export type Locale = (typeof LOCALES)[number];
