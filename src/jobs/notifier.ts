import type { MessageArgs, Notification, NotificationButton, Notifier } from "../domain/notifications.js";
import type { AlertRouting } from "../domain/team/alert-routing.js";
import { topicOf, type Topic } from "../domain/team/alert-topics.js";
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

/**
 * One alert for the operator group (ADMIN_CHAT_ID): rendered in the operator's default language,
 * sent into its topic when the group is a forum (jobs/team-alerts.ts). The chat is read when it
 * is sent, so a group that moved (migrate_to_chat_id) is followed.
 */
export interface TeamAlertJob {
  team: true;
  topic?: Topic;
  key: string;
  args?: MessageArgs;
  buttons?: QueuedButton[][];
  /** The event's dedupe key: the owners' fallback DMs derive theirs from it. */
  dedupeKey?: string;
  slot?: number;
}

/** What the notifications queue holds: a message to one person, or an alert for the operator group. */
export type NotificationsJob = NotificationJob | TeamAlertJob;
export const isTeamAlert = (job: NotificationsJob): job is TeamAlertJob => "team" in job && job.team === true;

/** The queue ids of an event's messages: once per event, also when enqueued again after a restart. */
export const groupJobId = (dedupeKey: string | undefined) => dedupeKey && `${dedupeKey}:group`;
export const personJobId = (dedupeKey: string | undefined, userId: number) => dedupeKey && `${dedupeKey}:${userId}`;

/**
 * Chat messages go out through the durable queue, never straight from a webhook or a job. The
 * team's alerts go to the operator group when there is one (one job per event), otherwise to
 * each reader's DM by role; without `routing`, to `adminIds` (tests that only send to people).
 */
export function queueNotifier(queues: Queues, adminIds: readonly number[], routing?: AlertRouting): Notifier {
  const enqueue = (n: Notification) =>
    queues.add<NotificationJob>(
      "notifications",
      { userId: n.userId, key: n.key, args: n.args, buttons: n.buttons, broadcastId: n.broadcastId },
      { jobId: n.dedupeKey },
    );
  return {
    notifyUser: enqueue,
    async notifyAdmins(key, args, dedupeKey, buttons) {
      const topic = topicOf(key);
      if (routing?.group) {
        const job: TeamAlertJob = { team: true, ...(topic ? { topic } : {}), key, args, buttons, dedupeKey };
        return queues.add<TeamAlertJob>("notifications", job, { jobId: groupJobId(dedupeKey) });
      }
      const readers = routing ? await routing.readers(topic) : adminIds;
      await Promise.all(readers.map((userId) => enqueue({ userId, key, args, buttons, dedupeKey: personJobId(dedupeKey, userId) })));
    },
  };
}
