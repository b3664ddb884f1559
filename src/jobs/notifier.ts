import type { MessageArgs, Notification, NotificationButton, Notifier } from "../domain/notifications.js";
import type { Queues } from "./types.js";

/**
 * A button as it sits in the queue. Jobs queued before buttons carried actions hold their
 * callback data ready-made; they are still delivered as they are after an upgrade.
 */
export type QueuedButton = NotificationButton | { key: string; data: string };

export interface NotificationJob {
  userId: number;
  key: string;
  args?: MessageArgs;
  buttons?: QueuedButton[][];
  /** Set for broadcast messages: counts delivered/blocked/failed under this id. */
  broadcastId?: string;
  /** Set by the worker: the chat's send slot this job has claimed (see chatPacer). */
  slot?: number;
}

/** Chat messages go out through the durable queue, never straight from a webhook or a job. */
export function queueNotifier(queues: Queues, adminIds: readonly number[]): Notifier {
  const enqueue = (n: Notification) =>
    queues.add<NotificationJob>(
      "notifications",
      { userId: n.userId, key: n.key, args: n.args, buttons: n.buttons, broadcastId: n.broadcastId },
      { jobId: n.dedupeKey },
    );
  return {
    notifyUser: enqueue,
    async notifyAdmins(key, args, dedupeKey, buttons) {
      await Promise.all(
        adminIds.map((userId) => enqueue({ userId, key, args, buttons, dedupeKey: dedupeKey ? `${dedupeKey}:${userId}` : undefined })),
      );
    },
  };
}
