import type { Api } from "grammy";
import { LOCALES } from "../domain/locale.js";
import type { Translator } from "./i18n.js";

export const RESELLER_COMMANDS = [
  "products",
  "topup",
  "status",
  "balance",
  "deposit",
  "orders",
  "pricelist",
  "customers",
  "lowbalance",
  "license",
  "points",
  "language",
  "cancel",
  "help",
  "start",
] as const;
export const ADMIN_COMMANDS = [
  "admin",
  "approve",
  "ban",
  "unban",
  "user",
  "credit",
  "debit",
  "tier",
  "markup",
  "price",
  "order",
  "refund",
  "link",
  "broadcast",
  "stats",
  "report",
  "providers",
  "sync",
  "maintenance",
  "audit",
] as const;

/**
 * The command menu per scope and language: everyone sees the reseller commands; each admin's
 * own chat sees the admin ones as well. Descriptions come from locales (cmd-<name>).
 */
export async function setCommandMenus(api: Api, translator: Translator, adminIds: readonly number[]): Promise<void> {
  const describe = (locale: (typeof LOCALES)[number], names: readonly string[]) =>
    names.map((command) => ({ command, description: translator.render(locale, `cmd-${command}`) }));
  await api.setMyCommands(describe("en", RESELLER_COMMANDS));
  for (const locale of LOCALES) {
    await api.setMyCommands(describe(locale, RESELLER_COMMANDS), { language_code: locale });
  }
  const all = [...RESELLER_COMMANDS, ...ADMIN_COMMANDS];
  for (const chat_id of adminIds) {
    await api.setMyCommands(describe("en", all), { scope: { type: "chat", chat_id } });
    for (const locale of LOCALES) {
      await api.setMyCommands(describe(locale, all), { scope: { type: "chat", chat_id }, language_code: locale });
    }
  }
}
