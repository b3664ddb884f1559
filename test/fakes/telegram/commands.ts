import type { BotCommand, BotCommandScope } from "grammy/types";
import { badRequest } from "./api-error.js";

const SCOPE_TYPES = new Set([
  "default",
  "all_private_chats",
  "all_group_chats",
  "all_chat_administrators",
  "chat",
  "chat_administrators",
  "chat_member",
]);

const DEFAULT_SCOPE: BotCommandScope = { type: "default" };

/** Validates a `scope` parameter (already JSON-decoded). */
export function commandScope(value: unknown): BotCommandScope {
  if (value === undefined || value === null) return DEFAULT_SCOPE;
  const scope = value as BotCommandScope;
  if (typeof scope !== "object" || !SCOPE_TYPES.has(scope.type)) throw badRequest("unsupported bot command scope type");
  return scope;
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
    const scopes: BotCommandScope[] = [{ type: "chat", chat_id: chatId }, { type: "all_private_chats" }, DEFAULT_SCOPE];
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
