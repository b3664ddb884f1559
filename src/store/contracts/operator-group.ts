/** The operator group (SPEC §5): the chat the team's alerts go to, and its forum topics' ids. */

export interface OperatorGroupRecord {
  /** The chat now: ADMIN_CHAT_ID, or the supergroup Telegram upgraded it to (migrate_to_chat_id). */
  chatId: number;
  /** When the bot was removed from the group (my_chat_member); alerts then go to the owners' DMs. */
  removedAt?: number;
}

/**
 * Keyed by the configured ADMIN_CHAT_ID, so a group Telegram upgraded is followed without a
 * change to the environment. Topics belong to one chat (a new chat starts without any).
 */
export interface OperatorGroups {
  /** Undefined: nothing stored yet (the chat is ADMIN_CHAT_ID itself, the bot not known to be removed). */
  get(configuredId: number): Promise<OperatorGroupRecord | undefined>;
  /** Follows a migration: later alerts go to `chatId`. */
  moveTo(configuredId: number, chatId: number): Promise<void>;
  /** Marks the bot removed from (a time) or back in (null) the group. */
  setRemoved(configuredId: number, removedAt: number | null): Promise<void>;
  /** The thread id of a topic in a chat, if one was created. */
  topic(chatId: number, topic: string): Promise<number | undefined>;
  /**
   * Stores a topic's thread id if the stored one is still `replacing` (undefined: none yet), so
   * two processes re-creating one topic at once keep a single id. Returns the id now stored.
   */
  setTopic(chatId: number, topic: string, threadId: number, replacing: number | undefined): Promise<number>;
}
