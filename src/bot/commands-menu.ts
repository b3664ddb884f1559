import type { Api } from "grammy";
import { LOCALES, type Locale } from "../domain/locale.js";
import { commandsFor, type Role } from "../domain/team/permissions.js";
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
  "api",
  "referral",
  "license",
  "points",
  "language",
  "support",
  "cancel",
  "help",
  "start",
] as const;
/** The admin commands, from the permission table (each person's menu shows what their role allows). */
export { ADMIN_COMMANDS } from "../domain/team/permissions.js";

type Describe = (locale: Locale, names: readonly string[]) => { command: string; description: string }[];

const describer =
  (translator: Translator): Describe =>
  (locale, names) =>
    names.map((command) => ({ command, description: translator.render(locale, `cmd-${command}`) }));

/**
 * One person's own menu (a chat scope): the reseller commands and what their role allows; no role
 * drops the scope, so they see the default menu again.
 */
export async function setMenuFor(api: Api, translator: Translator, chatId: number, role: Role | undefined): Promise<void> {
  const scope = { type: "chat" as const, chat_id: chatId };
  if (role === undefined) {
    await api.deleteMyCommands({ scope });
    for (const language_code of LOCALES) await api.deleteMyCommands({ scope, language_code });
    return;
  }
  const describe = describer(translator);
  const all = [...RESELLER_COMMANDS, ...commandsFor(role)];
  await api.setMyCommands(describe("en", all), { scope });
  for (const locale of LOCALES) await api.setMyCommands(describe(locale, all), { scope, language_code: locale });
}

/** The menus at start: everyone sees the reseller commands; each team member's chat their role's as well. */
export async function setCommandMenus(api: Api, translator: Translator, team: readonly { id: number; role: Role }[]): Promise<void> {
  const describe = describer(translator);
  await api.setMyCommands(describe("en", RESELLER_COMMANDS));
  for (const locale of LOCALES) {
    await api.setMyCommands(describe(locale, RESELLER_COMMANDS), { language_code: locale });
  }
  for (const m of team) await setMenuFor(api, translator, m.id, m.role);
}

/**
 * A team member's menu in the operator group (a chat_member scope): the admin commands their role
 * allows, nothing of the reseller's; no role drops it. Every member is asked on their own, so one
 * who is not in the group (Telegram refuses) costs no one else their menu.
 */
export async function setGroupMenuFor(api: Api, translator: Translator, groupId: number, userId: number, role: Role | undefined) {
  const scope = { type: "chat_member" as const, chat_id: groupId, user_id: userId };
  if (role === undefined) {
    await api.deleteMyCommands({ scope });
    for (const language_code of LOCALES) await api.deleteMyCommands({ scope, language_code });
    return;
  }
  const describe = describer(translator);
  await api.setMyCommands(describe("en", commandsFor(role)), { scope });
  for (const locale of LOCALES) await api.setMyCommands(describe(locale, commandsFor(role)), { scope, language_code: locale });
}
