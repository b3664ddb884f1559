import type { OperatorGroups } from "../../store/types.js";

/** How long this process trusts its copy of the group's chat id (the bot asks on every group update). */
const CHAT_TTL_MS = 30_000;

export interface GroupState {
  chatId: number;
  /** The bot was removed (my_chat_member): alerts go to the owners' DMs until it is added back. */
  removed: boolean;
}

/**
 * The operator group (ADMIN_CHAT_ID): which chat it is now (a group Telegram upgraded is followed
 * to its new id), whether the bot is in it, and its topics' thread ids, all in PostgreSQL so every
 * process agrees. Undefined configuredId: there is no group.
 */
export function createOperatorGroup(deps: { configuredId: number | undefined; store: OperatorGroups; now?: () => number }) {
  const { configuredId, store } = deps;
  const now = deps.now ?? Date.now;
  let cached: { state: GroupState; at: number } | undefined;

  async function current(): Promise<GroupState | undefined> {
    if (configuredId === undefined) return undefined;
    const record = await store.get(configuredId);
    const state = { chatId: record?.chatId ?? configuredId, removed: record?.removedAt !== undefined };
    cached = { state, at: now() };
    return state;
  }

  return {
    configured: configuredId !== undefined,
    /** The group's chat now and whether the bot is in it (read from the store). */
    current,
    /** Whether `chatId` is the operator group (its current id, or the configured one before a move is seen), cached briefly. */
    async isGroupChat(chatId: number): Promise<boolean> {
      if (configuredId === undefined) return false;
      if (chatId === configuredId) return true;
      const state = cached && now() - cached.at < CHAT_TTL_MS ? cached.state : await current();
      return state?.chatId === chatId;
    },
    /** Telegram said the group moved (migrate_to_chat_id): later alerts go to the new chat. */
    async movedTo(chatId: number): Promise<void> {
      if (configuredId === undefined) return;
      await store.moveTo(configuredId, chatId);
      cached = undefined;
    },
    /** The bot was removed from the group, or added back (my_chat_member). */
    async setRemoved(removed: boolean): Promise<void> {
      if (configuredId === undefined) return;
      await store.setRemoved(configuredId, removed ? now() : null);
      cached = undefined;
    },
    topic: (chatId: number, topic: string) => store.topic(chatId, topic),
    setTopic: (chatId: number, topic: string, threadId: number, replacing: number | undefined) =>
      store.setTopic(chatId, topic, threadId, replacing),
  };
}

export type OperatorGroup = ReturnType<typeof createOperatorGroup>;
