/** What simulated people send: command entities in their text. */
import type { MessageEntity } from "grammy/types";

/** bot_command entities for each /command that starts a word, as Telegram clients mark them. */
export function commandEntities(text: string): MessageEntity[] {
  return [...text.matchAll(/(?<=^|\s)\/[a-zA-Z0-9_]{1,64}(?:@[a-zA-Z0-9_]{3,})?/g)].map((match) => ({
    type: "bot_command",
    offset: match.index,
    length: match[0].length,
  }));
}
