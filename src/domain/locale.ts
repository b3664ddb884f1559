/** The languages the bot speaks. */
export type Locale = "en" | "id" | "my";
export const LOCALES: readonly Locale[] = ["en", "id", "my"];
