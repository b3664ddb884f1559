import type { OperatorGroups } from "../types.js";
import type { Pool } from "./pool.js";

export function postgresOperatorGroups(pool: Pool): OperatorGroups {
  const topicId = async (chatId: number, topic: string) => {
    const r = await pool.query<{ thread_id: string }>("SELECT thread_id FROM operator_group_topics WHERE chat_id = $1 AND topic = $2", [
      chatId,
      topic,
    ]);
    const row = r.rows[0];
    return row ? Number(row.thread_id) : undefined;
  };
  return {
    async get(configuredId) {
      const r = await pool.query<{ chat_id: string; removed_at: Date | null }>(
        "SELECT chat_id, removed_at FROM operator_groups WHERE configured_id = $1",
        [configuredId],
      );
      const row = r.rows[0];
      if (!row) return undefined;
      return { chatId: Number(row.chat_id), ...(row.removed_at ? { removedAt: row.removed_at.getTime() } : {}) };
    },
    async moveTo(configuredId, chatId) {
      await pool.query(
        `INSERT INTO operator_groups (configured_id, chat_id) VALUES ($1, $2)
         ON CONFLICT (configured_id) DO UPDATE SET chat_id = EXCLUDED.chat_id, updated_at = now()`,
        [configuredId, chatId],
      );
    },
    async setRemoved(configuredId, removedAt) {
      await pool.query(
        `INSERT INTO operator_groups (configured_id, chat_id, removed_at) VALUES ($1, $1, $2)
         ON CONFLICT (configured_id) DO UPDATE SET removed_at = EXCLUDED.removed_at, updated_at = now()`,
        [configuredId, removedAt === null ? null : new Date(removedAt)],
      );
    },
    topic: topicId,
    async setTopic(chatId, topic, threadId, replacing) {
      // Insert when none is stored, replace only the id the caller saw: a racer's id wins once.
      const r =
        replacing === undefined
          ? await pool.query<{ thread_id: string }>(
              `INSERT INTO operator_group_topics (chat_id, topic, thread_id) VALUES ($1, $2, $3)
               ON CONFLICT (chat_id, topic) DO NOTHING RETURNING thread_id`,
              [chatId, topic, threadId],
            )
          : await pool.query<{ thread_id: string }>(
              `UPDATE operator_group_topics SET thread_id = $3, updated_at = now()
               WHERE chat_id = $1 AND topic = $2 AND thread_id = $4 RETURNING thread_id`,
              [chatId, topic, threadId, replacing],
            );
      const stored = r.rows[0] ? Number(r.rows[0].thread_id) : await topicId(chatId, topic);
      return stored ?? threadId;
    },
  };
}
