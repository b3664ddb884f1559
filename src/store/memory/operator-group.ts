import type { OperatorGroupRecord, OperatorGroups } from "../types.js";

export function memoryOperatorGroups(): OperatorGroups {
  const groups = new Map<number, OperatorGroupRecord>();
  const topics = new Map<string, number>();
  const key = (chatId: number, topic: string) => `${chatId}:${topic}`;
  return {
    async get(configuredId) {
      const g = groups.get(configuredId);
      return g && { ...g };
    },
    async moveTo(configuredId, chatId) {
      groups.set(configuredId, { ...groups.get(configuredId), chatId });
    },
    async setRemoved(configuredId, removedAt) {
      const { removedAt: _, ...g } = groups.get(configuredId) ?? { chatId: configuredId };
      groups.set(configuredId, removedAt === null ? g : { ...g, removedAt });
    },
    async topic(chatId, topic) {
      return topics.get(key(chatId, topic));
    },
    async setTopic(chatId, topic, threadId, replacing) {
      const k = key(chatId, topic);
      if (topics.get(k) === replacing) topics.set(k, threadId);
      return topics.get(k) ?? threadId;
    },
  };
}
