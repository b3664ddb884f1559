import type { BotCommand, BotCommandScope } from "grammy/types";
import { badRequest } from "./api-error.js";

const CHATLESS_SCOPES = new Set(["default", "all_private_chats", "all_group_chats", "all_chat_administrators"]);
const CHAT_SCOPES = new Set(["chat", "chat_administrators", "chat_member"]);

const DEFAULT_SCOPE: BotCommandScope = { type: "default" };

const scopeError = (what: string) => badRequest(`can't parse BotCommandScope: ${what}`);

/**
 * Validates a `scope` parameter (already JSON-decoded) as the Bot API reads it. Only the
 * shape: whether the chat exists and suits the scope is the caller's check.
 */
export function commandScope(value: unknown): BotCommandScope {
  if (value === undefined) return DEFAULT_SCOPE;
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw scopeError("BotCommandScope must be an Object");
  const scope = value as Record<string, unknown>;
  if (scope.type === undefined) throw scopeError(`Can't find field "type"`);
  if (typeof scope.type !== "string") throw scopeError(`Field "type" must be of type String`);
  if (CHATLESS_SCOPES.has(scope.type)) return { type: scope.type } as BotCommandScope;
  if (!CHAT_SCOPES.has(scope.type)) throw scopeError("Unsupported type specified");
  if (scope.chat_id === undefined || scope.chat_id === "") throw scopeError(`Can't find field "chat_id"`);
  const chatId = typeof scope.chat_id === "number" || typeof scope.chat_id === "string" ? scope.chat_id : undefined;
  if (chatId === undefined) throw scopeError(`Field "chat_id" must be a valid Number or String`);
  if (scope.type !== "chat_member") return { type: scope.type, chat_id: chatId } as BotCommandScope;
  if (scope.user_id === undefined) throw scopeError(`Can't find field "user_id"`);
  const userId = Number(scope.user_id);
  if (!Number.isSafeInteger(userId) || userId <= 0) throw scopeError("Invalid user_id specified");
  return { type: "chat_member", chat_id: chatId, user_id: userId };
}

/** `language_code`: empty (all languages) or two lower-case letters, as TDLib checks it. */
export function commandLanguage(value: string | undefined): string {
  const language = value ?? "";
  if (language !== "" && !/^[a-z]{2}$/.test(language)) throw badRequest("invalid language code specified");
  return language;
}

/** Validates a `commands` parameter the way Telegram does. */
export function commandList(value: unknown): BotCommand[] {
  if (!Array.isArray(value)) throw badRequest(`field "commands" must be of type Array`);
  if (value.length > 100) throw badRequest("too many commands");
  return value.map((item: Partial<BotCommand>) => {
    if (!item.command) throw badRequest("command must be non-empty");
    if (!/^[a-z0-9_]{1,32}$/.test(item.command)) throw badRequest("BOT_COMMAND_INVALID");
    if (!item.description) throw badRequest("command description must be non-empty");
    if (item.description.length > 256) throw badRequest("BOT_COMMAND_DESCRIPTION_INVALID");
    return { command: item.command, description: item.description };
  });
}

function key(scope: BotCommandScope, languageCode: string): string {
  const chat = "chat_id" in scope ? String(scope.chat_id) : "";
  const user = "user_id" in scope ? String(scope.user_id) : "";
  return [scope.type, chat, user, languageCode].join("|");
}

/** Command lists per scope and language, as setMyCommands stores them. */
export class CommandStore {
  private readonly lists = new Map<string, BotCommand[]>();

  set(scope: BotCommandScope, languageCode: string, commands: BotCommand[]): void {
    if (commands.length === 0) this.lists.delete(key(scope, languageCode));
    else this.lists.set(key(scope, languageCode), commands);
  }

  /** Exactly what was set for this scope and language (like getMyCommands). */
  get(scope: BotCommandScope = DEFAULT_SCOPE, languageCode = ""): BotCommand[] {
    return structuredClone(this.lists.get(key(scope, languageCode)) ?? []);
  }

  /**
   * The menu a user sees in their private chat, by Telegram's documented fallback order:
   * chat scope, then all_private_chats, then default — each with the user's language first.
   */
  forPrivateChat(chatId: number, languageCode = ""): BotCommand[] {
    return this.first([{ type: "chat", chat_id: chatId }, { type: "all_private_chats" }, DEFAULT_SCOPE], languageCode);
  }

  /**
   * The menu a member sees in a group, by the documented order: chat_member, chat_administrators
   * (admins only), chat, all_chat_administrators (admins only), all_group_chats, default — each
   * with the member's language first.
   */
  forGroupMember(chatId: number, userId: number, admin: boolean, languageCode = ""): BotCommand[] {
    const scopes: (BotCommandScope | false)[] = [
      { type: "chat_member", chat_id: chatId, user_id: userId },
      admin && { type: "chat_administrators", chat_id: chatId },
      { type: "chat", chat_id: chatId },
      admin && { type: "all_chat_administrators" },
      { type: "all_group_chats" },
      DEFAULT_SCOPE,
    ];
    return this.first(
      scopes.filter((scope) => scope !== false),
      languageCode,
    );
  }

  private first(scopes: BotCommandScope[], languageCode: string): BotCommand[] {
    const languages = languageCode ? [languageCode, ""] : [""];
    for (const scope of scopes) {
      for (const language of languages) {
        const commands = this.get(scope, language);
        if (commands.length > 0) return commands;
      }
    }
    return [];
  }
}
