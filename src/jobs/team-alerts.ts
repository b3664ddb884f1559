import type { MessageArgs } from "../domain/notifications.js";
import type { AlertRouting } from "../domain/team/alert-routing.js";
import { topicTitleKey, type Topic } from "../domain/team/alert-topics.js";
import type { OperatorGroup } from "../domain/team/operator-group.js";
import type { Logger } from "../observability/logger.js";
import type { Metrics } from "../observability/metrics.js";
import type { Kv } from "../store/types.js";
import { chatPacer } from "./chat-pacer.js";
import { personJobId, type NotificationJob, type QueuedButton, type TeamAlertJob } from "./notifier.js";
import { RetryLater, type JobMeta, type Queues } from "./types.js";
import type { ChatDelivery } from "./workers.js";

/** Why a group call did not go through, as the Bot API said it. */
export type GroupFailure =
  | { status: "rate_limited"; retryAfterMs: number }
  /** 400 "message thread not found": the topic was deleted. */
  | { status: "thread_gone" }
  /** 400 with migrate_to_chat_id: the group became a supergroup with a new id. */
  | { status: "migrated"; chatId: number }
  /** 403 (kicked, not a member, deleted) or 400 "chat not found": the group cannot be reached. */
  | { status: "unreachable"; reason: "kicked" | "forbidden" | "chat_not_found" }
  /** Any other 400 (no right to create topics, not a forum, a bad message): logged, not retried. */
  | { status: "refused"; description: string };

/** The "send to the operator group" port app wires to the Bot API; texts in the default language. */
export interface TeamChatDelivery {
  chatInfo(chatId: number): Promise<{ status: "ok"; forum: boolean } | GroupFailure>;
  createTopic(chatId: number, titleKey: string): Promise<{ status: "ok"; threadId: number } | GroupFailure>;
  post(
    chatId: number,
    threadId: number | undefined,
    key: string,
    args?: MessageArgs,
    buttons?: QueuedButton[][],
  ): Promise<{ status: "sent"; messageId: number } | GroupFailure>;
}

/** A message the team got: where it is, so a reply to it (Telegram's reply_to_message) can be matched. */
export interface SentTeamMessage {
  chatId: number;
  messageId: number;
  /** The forum topic it is in; absent in a plain group and in a DM. */
  threadId?: number;
}

type Attempt =
  | ({ status: "sent" } & SentTeamMessage)
  | { status: "rate_limited"; chatId: number; retryAfterMs: number }
  | { status: "fallback"; reason: FallbackReason };
type FallbackReason = "removed" | "kicked" | "forbidden" | "chat_not_found" | "refused" | "error" | "no_group";

/** How long a forum check is trusted: a group whose topics are switched on or off is seen within it. */
const FORUM_TTL_MS = 10 * 60_000;
/** Migrations and re-created topics followed within one send, at most (a loop guard). */
const MAX_HOPS = 4;

/**
 * Delivers the team's alerts to the operator group: into the alert's topic when the group is a
 * forum (created on first use, created again when Telegram says it is gone), following a group
 * Telegram upgraded, and to the owners' DMs when the group cannot be reached (logged, counted).
 */
export function teamAlerts(deps: {
  group: OperatorGroup;
  delivery: TeamChatDelivery;
  people: ChatDelivery;
  routing: AlertRouting;
  queues: Queues;
  /** Where the per-chat send slots are claimed: the same ones as the queue's (chat-pacer.ts). */
  kv: Kv;
  /** A DM's pace (the queue's own). */
  perChatIntervalMs: number;
  /** The group's pace: Telegram allows a group about 20 messages a minute, not one a second. */
  groupIntervalMs: number;
  logger: Logger;
  metrics?: Metrics;
}) {
  const { group, delivery, logger, metrics } = deps;
  // Two clocks of slots: the group's chat id is never a DM's, so they never claim the same keys.
  const pacer = chatPacer(deps.kv, deps.groupIntervalMs);
  const dmPacer = chatPacer(deps.kv, deps.perChatIntervalMs);
  const forums = new Map<number, { forum: boolean; at: number }>();
  // One topic creation at a time per chat and topic in this process (two alerts at once: one topic).
  const creating = new Map<string, Promise<number | undefined | GroupFailure>>();

  async function isForum(chatId: number): Promise<boolean | GroupFailure> {
    const known = forums.get(chatId);
    if (known && Date.now() - known.at < FORUM_TTL_MS) return known.forum;
    const info = await delivery.chatInfo(chatId);
    if (info.status !== "ok") return info.status === "refused" ? false : info;
    forums.set(chatId, { forum: info.forum, at: Date.now() });
    return info.forum;
  }

  /** Creates the topic and stores its id (replacing `gone`); undefined: it cannot be made, send to General. */
  function createTopic(chatId: number, topic: Topic, gone: number | undefined) {
    const k = `${chatId}:${topic}`;
    let p = creating.get(k);
    if (!p) {
      p = (async () => {
        const made = await delivery.createTopic(chatId, topicTitleKey(topic));
        if (made.status === "refused") {
          // No Manage Topics right, or no longer a forum: the alert still goes out, in General.
          logger.warn({ chatId, topic, reason: made.description }, "operator group: cannot create a topic; sending to General");
          forums.delete(chatId);
          return undefined;
        }
        if (made.status !== "ok") return made;
        return group.setTopic(chatId, topic, made.threadId, gone);
      })().finally(() => creating.delete(k));
      creating.set(k, p);
    }
    return p;
  }

  async function threadFor(chatId: number, topic: Topic | undefined): Promise<number | undefined | GroupFailure> {
    if (!topic) return undefined;
    const forum = await isForum(chatId);
    if (forum !== true) return forum === false ? undefined : forum;
    return (await group.topic(chatId, topic)) ?? createTopic(chatId, topic, undefined);
  }

  /** Turns a failure into what the caller does next: follow a move, or give up on the group. */
  async function settle(chatId: number, failure: GroupFailure): Promise<Attempt | "again"> {
    switch (failure.status) {
      case "migrated":
        logger.warn({ from: chatId, to: failure.chatId }, "operator group was upgraded to a supergroup: following it");
        await group.movedTo(failure.chatId);
        return "again";
      case "rate_limited":
        return { status: "rate_limited", chatId, retryAfterMs: failure.retryAfterMs };
      case "unreachable":
        return { status: "fallback", reason: failure.reason };
      case "refused":
        logger.warn({ chatId, reason: failure.description }, "operator group refused an alert");
        return { status: "fallback", reason: "refused" };
      case "thread_gone":
        return "again";
    }
  }

  /** One send to the group, following moves and re-creating a deleted topic. */
  async function attempt(alert: { topic?: Topic; key: string; args?: MessageArgs; buttons?: QueuedButton[][] }): Promise<Attempt> {
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const state = await group.current();
      if (!state) return { status: "fallback", reason: "no_group" };
      if (state.removed) return { status: "fallback", reason: "removed" };
      const { chatId } = state;
      const thread = await threadFor(chatId, alert.topic);
      if (typeof thread === "object") {
        const next = await settle(chatId, thread);
        if (next === "again") continue;
        return next;
      }
      const sent = await delivery.post(chatId, thread, alert.key, alert.args, alert.buttons);
      if (sent.status === "sent") return { status: "sent", chatId, messageId: sent.messageId, ...(thread ? { threadId: thread } : {}) };
      if (sent.status === "thread_gone" && alert.topic && thread !== undefined) {
        logger.warn({ chatId, topic: alert.topic }, "operator group topic was deleted: creating it again");
        const made = await createTopic(chatId, alert.topic, thread);
        if (typeof made === "object") {
          const next = await settle(chatId, made);
          if (next === "again") continue;
          return next;
        }
        continue;
      }
      const next = await settle(chatId, sent);
      if (next !== "again") return next;
    }
    return { status: "fallback", reason: "error" };
  }

  /** The owners hear it in their DMs instead, each once per event; logged (no text, no secrets) and counted. */
  async function fallBack(alert: TeamAlertJob, reason: FallbackReason) {
    metrics?.groupFallbacks.inc({ reason });
    logger.warn(
      { reason, key: alert.key, topic: alert.topic, owners: deps.routing.owners.length },
      "operator group unreachable: alert sent to the owners' DMs",
    );
    await Promise.all(
      deps.routing.owners.map((userId) =>
        deps.queues.add<NotificationJob>(
          "notifications",
          { userId, key: alert.key, args: alert.args, buttons: alert.buttons },
          { jobId: personJobId(alert.dedupeKey && `${alert.dedupeKey}:owner`, userId) },
        ),
      ),
    );
  }

  const interval = deps.groupIntervalMs;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  return {
    /** The notifications worker's handler for a TeamAlertJob: paced like any chat, retried by the queue. */
    async handle(job: TeamAlertJob, meta: JobMeta): Promise<void> {
      const state = await group.current();
      if (!state || state.removed) return fallBack(job, state ? "removed" : "no_group");
      const slot = job.slot !== undefined && Date.now() < (job.slot + 1) * interval ? job.slot : await pacer.claim(state.chatId);
      const wait = slot * interval - Date.now();
      if (wait > 0) throw new RetryLater(wait, "job", { slot });
      let result: Attempt;
      try {
        result = await attempt(job);
      } catch (err) {
        // A network failure: the queue tries again; the last try hands the alert to the owners.
        metrics?.notifications.inc({ outcome: meta.final ? "failed" : "retried" });
        if (!meta.final) throw err;
        logger.warn({ err }, "operator group send failed for good");
        return fallBack(job, "error");
      }
      if (result.status === "rate_limited") {
        metrics?.notifications.inc({ outcome: "rate_limited" });
        await pacer.holdUntil(result.chatId, Date.now() + result.retryAfterMs);
        throw new RetryLater(result.retryAfterMs, "job", { slot: undefined });
      }
      if (result.status === "fallback") return fallBack(job, result.reason);
      metrics?.notifications.inc({ outcome: "delivered" });
    },

    /**
     * Where a topic's messages go in the operator group now: its chat (followed across a move)
     * and, in a forum, the topic's thread (created on first use). Undefined when there is no
     * group or it cannot be reached: the caller uses the DMs. For callers that send themselves
     * (support tickets copy the reseller's own messages).
     */
    async where(topic: Topic): Promise<{ chatId: number; threadId?: number } | undefined> {
      for (let hop = 0; hop < MAX_HOPS; hop++) {
        const state = await group.current();
        if (!state || state.removed) return undefined;
        const thread = await threadFor(state.chatId, topic);
        if (typeof thread !== "object") return { chatId: state.chatId, ...(thread !== undefined ? { threadId: thread } : {}) };
        if ((await settle(state.chatId, thread)) !== "again") return undefined;
      }
      return undefined;
    },

    /**
     * Sends a message to a topic's readers now and says where it landed: the operator group (its
     * topic in a forum), or, with no group or one that cannot be reached, the DMs of those who
     * read the topic (the owners, for an unreachable group). For callers that map replies to the
     * message, e.g. a support ticket: keep each (chatId, messageId) and match a reply's
     * `reply_to_message` against them. Paced with the queue's own per-chat slots.
     */
    async post(topic: Topic, key: string, args?: MessageArgs, buttons?: QueuedButton[][]): Promise<SentTeamMessage[]> {
      const paced = async (clock: typeof pacer, every: number, chatId: number) => {
        const wait = (await clock.claim(chatId)) * every - Date.now();
        if (wait > 0) await sleep(wait);
      };
      let readers: readonly number[] = [];
      if (deps.routing.group) {
        for (let tries = 0; tries < 3; tries++) {
          const state = await group.current();
          if (state && !state.removed) await paced(pacer, interval, state.chatId);
          const result = await attempt({ topic, key, args, buttons });
          if (result.status === "sent")
            return [{ chatId: result.chatId, messageId: result.messageId, ...(result.threadId ? { threadId: result.threadId } : {}) }];
          if (result.status === "rate_limited") {
            await pacer.holdUntil(result.chatId, Date.now() + result.retryAfterMs);
            continue;
          }
          metrics?.groupFallbacks.inc({ reason: result.reason });
          logger.warn({ reason: result.reason, key, topic }, "operator group unreachable: message sent to the owners' DMs");
          break;
        }
        readers = deps.routing.owners;
      } else {
        readers = await deps.routing.readers(topic);
      }
      const sent: SentTeamMessage[] = [];
      for (const userId of readers) {
        await paced(dmPacer, deps.perChatIntervalMs, userId);
        const r = await deps.people.deliver(userId, key, args, buttons);
        if (r.status === "sent") sent.push({ chatId: userId, messageId: r.messageId });
      }
      return sent;
    },
  };
}

export type TeamAlerts = ReturnType<typeof teamAlerts>;
