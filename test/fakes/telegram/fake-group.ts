import type { Chat, ChatMember, ForumTopic, Message, User } from "grammy/types";
import { describeMessage } from "./buttons.js";
import type { FakeCore } from "./core.js";
import { chatMember, deliver, isPresent, setBotMembership, setMembership, type AdminRights } from "./groups.js";
import { FakeMember, inThread } from "./member.js";
import { snapshot, type BotMessage, type ChatEvent, type GroupChatRecord } from "./state.js";
import { liveTopic, openTopic, removeTopic, setTopicClosed, TOPIC_COLORS } from "./topics.js";
import type { UserInit } from "./user.js";
import { DEFAULT_TIMEOUT_MS } from "./user.js";
import { matches, waitUntil } from "./wait.js";

export interface GroupInit {
  /** Default: a fresh -100… id (supergroups) or -4… id (basic groups). */
  id?: number;
  /** Default "Test group". */
  title?: string;
  /** Default "supergroup". A basic "group" has no topics and can be migrate()d. */
  type?: "supergroup" | "group";
  /** A forum supergroup (topics on). Default false. */
  forum?: boolean;
  username?: string;
  /** The bot's membership when the test starts; default "administrator". No update is sent for it. */
  bot?: "administrator" | "member" | "left";
  /** The bot's rights as administrator; default all but can_promote_members (can_manage_topics included). */
  botRights?: AdminRights;
  /** The group's creator; default a user with id 8000000000 + n named "Owner". */
  owner?: UserInit;
}

export interface MemberOptions {
  /** Default "member". */
  status?: "member" | "administrator";
  /** An administrator's rights; default all but can_promote_members. */
  rights?: AdminRights;
}

/** Which of the bot's messages: one topic (its message_thread_id), "general" (outside topics), or all. */
export type ThreadFilter = number | "general";

export interface GroupWaitOptions {
  match?: string | RegExp;
  thread?: ThreadFilter;
  timeoutMs?: number;
  /** Only messages after this many bot messages (of the thread) count; default: those already sent. */
  after?: number;
}

/** Who does something in the group: a member, or (default) the owner. */
type Actor = { by?: FakeMember };

/** The fake's groups by id, shared so migrate() can register the supergroup. */
export type GroupDirectory = Map<number, FakeGroup>;

function person(core: FakeCore, init: UserInit): User {
  const known = core.state.users.get(init.id);
  if (known) return known;
  const user: User = {
    id: init.id,
    is_bot: false,
    first_name: init.first_name ?? `User ${init.id}`,
    ...(init.username ? { username: init.username } : {}),
    ...(init.language_code ? { language_code: init.language_code } : {}),
  };
  core.state.users.set(user.id, user);
  return user;
}

function freeId(core: FakeCore, base: number): number {
  let id = base;
  while (core.state.chat(id)) id--;
  return id;
}

/** Creates a group with its owner (and the bot, by default as administrator), without telling the bot. */
export function createGroup(core: FakeCore, directory: GroupDirectory, init: GroupInit = {}): FakeGroup {
  const type = init.type ?? "supergroup";
  if (type === "group" && init.forum) throw new Error("A basic group cannot be a forum; make a supergroup");
  const id = init.id ?? freeId(core, type === "supergroup" ? -1002000000001 - directory.size : -4100000001 - directory.size);
  const title = init.title ?? "Test group";
  const chat: GroupChatRecord["chat"] =
    type === "supergroup"
      ? { id, type, title, ...(init.username ? { username: init.username } : {}), ...(init.forum ? { is_forum: true as const } : {}) }
      : { id, type, title };
  const shell = { chat };
  const record = core.state.addGroup(chat, chatMember(shell, core.state.bot, init.bot ?? "administrator", init.botRights));
  const owner = person(core, init.owner ?? { id: 8_000_000_001 + directory.size, first_name: "Owner" });
  record.members.set(owner.id, chatMember(record, owner, "creator"));
  const group = new FakeGroup(core, record, directory);
  directory.set(id, group);
  return group;
}

/**
 * A group or supergroup as a test drives it: its members (FakeMember), its forum topics,
 * the bot's membership (kick, promote, leave), deletion and upgrade to a supergroup, and
 * what the bot sent there, per thread.
 */
export class FakeGroup {
  private readonly people = new Map<number, FakeMember>();

  constructor(
    private readonly core: FakeCore,
    private readonly record: GroupChatRecord,
    private readonly directory: GroupDirectory,
  ) {}

  get id(): number {
    return this.record.chat.id;
  }

  get chat(): Chat.GroupChat | Chat.SupergroupChat {
    return structuredClone(this.record.chat);
  }

  get isForum(): boolean {
    return this.record.chat.is_forum === true;
  }

  /** The creator, as a member who can act. */
  get owner(): FakeMember {
    const [id] = [...this.record.members].find(([, member]) => member.status === "creator") ?? [];
    if (id === undefined) throw new Error(`Group ${this.id} has no owner`);
    return this.memberFor(this.core.state.users.get(id)!);
  }

  /**
   * A member (added silently, as if there all along; the same object for the same id). Use
   * join() for someone joining while the bot watches.
   */
  member(init: UserInit, options: MemberOptions = {}): FakeMember {
    const user = person(this.core, init);
    const current = this.record.members.get(user.id);
    if (!isPresent(current) || options.status) {
      this.record.members.set(user.id, chatMember(this.record, user, options.status ?? "member", options.rights));
    }
    return this.memberFor(user);
  }

  /** Someone joins: a new_chat_members service message (and chat_member for an admin bot that asked for it). */
  join(init: UserInit): FakeMember {
    const user = person(this.core, init);
    setMembership(this.core, this.record, chatMember(this.record, user, "member"), user);
    this.service(user, { new_chat_members: [user] });
    return this.memberFor(user);
  }

  /** Everyone in the group but the bot, as getChatMember shows them. */
  members(): ChatMember[] {
    return structuredClone([...this.record.members.values()].filter(isPresent));
  }

  /** The bot's ChatMember here. */
  botStatus(): ChatMember {
    return structuredClone(this.record.bot);
  }

  /** Adds the bot (back): my_chat_member, and new_chat_members with the bot. */
  addBot(options: { status?: "member" | "administrator"; rights?: AdminRights } & Actor = {}): void {
    const by = this.actor(options);
    const wasIn = isPresent(this.record.bot);
    setBotMembership(this.core, this.record, chatMember(this.record, this.core.state.bot, options.status ?? "member", options.rights), by);
    if (!wasIn) this.service(by, { new_chat_members: [this.core.state.bot] });
  }

  /** Makes the bot an administrator (default rights, or `rights`): my_chat_member. */
  promoteBot(rights: AdminRights = {}, options: Actor = {}): void {
    setBotMembership(this.core, this.record, chatMember(this.record, this.core.state.bot, "administrator", rights), this.actor(options));
  }

  /** Makes the bot a plain member: my_chat_member. */
  demoteBot(options: Actor = {}): void {
    setBotMembership(this.core, this.record, chatMember(this.record, this.core.state.bot, "member"), this.actor(options));
  }

  /**
   * Removes the bot: my_chat_member (new status "kicked"); from then on the bot's calls for this
   * chat get 403 "Forbidden: bot was kicked from the supergroup chat" (or "group chat").
   */
  kickBot(options: Actor = {}): void {
    setBotMembership(this.core, this.record, chatMember(this.record, this.core.state.bot, "kicked"), this.actor(options));
  }

  /** Deletes the group: then "chat not found" (a basic group: 403 "the group chat was deleted"). No update. */
  delete(): void {
    this.record.deleted = true;
  }

  /**
   * Upgrades a basic group to a supergroup (members, admins and the bot move along). The bot
   * gets migrate_to_chat_id in the old group and migrate_from_chat_id in the new one; calls
   * for the old id then answer 400 "group chat was upgraded to a supergroup chat" with
   * parameters.migrate_to_chat_id. Returns the supergroup.
   */
  migrate(options: Actor & { id?: number } = {}): FakeGroup {
    const old = this.record;
    if (old.chat.type !== "group") throw new Error(`Chat ${this.id} is a ${old.chat.type}: only basic groups are upgraded`);
    if (old.migratedTo !== undefined || old.deleted) throw new Error(`Group ${this.id} is gone (upgraded or deleted)`);
    const by = this.actor(options);
    const id = options.id ?? freeId(this.core, -1_000_000_000_000 + old.chat.id);
    const chat: Chat.SupergroupChat = { id, type: "supergroup", title: old.chat.title };
    const record = this.core.state.addGroup(chat, structuredClone(old.bot));
    for (const [userId, member] of old.members) record.members.set(userId, structuredClone(member));
    this.service(by, { migrate_to_chat_id: id });
    old.migratedTo = id;
    const upgraded = new FakeGroup(this.core, record, this.directory);
    this.directory.set(id, upgraded);
    upgraded.service(by, { migrate_from_chat_id: old.chat.id });
    return upgraded;
  }

  /** Opens a forum topic as a member would (the bot gets the forum_topic_created message). */
  createTopic(name: string, options: Actor & { iconColor?: number } = {}): ForumTopic {
    if (!this.isForum) throw new Error(`Group ${this.id} is not a forum`);
    return openTopic(this.core, this.record, { name, iconColor: options.iconColor ?? TOPIC_COLORS[0], creator: this.actor(options) });
  }

  closeTopic(threadId: number, options: Actor = {}): void {
    setTopicClosed(this.core, this.record, this.requireTopic(threadId), true, this.actor(options));
  }

  reopenTopic(threadId: number, options: Actor = {}): void {
    setTopicClosed(this.core, this.record, this.requireTopic(threadId), false, this.actor(options));
  }

  /** Deletes a topic and its messages; the bot is not told, and sends to it get "message thread not found". */
  deleteTopic(threadId: number): void {
    removeTopic(this.core, this.record, this.requireTopic(threadId));
  }

  /** The forum's topics, deleted ones flagged. */
  topics(): (ForumTopic & { closed: boolean; deleted: boolean })[] {
    return [...this.record.topics.values()].map((t) => ({ ...structuredClone(t.topic), closed: t.closed, deleted: t.deleted }));
  }

  /** What the bot sent here, in order, edits applied: all, one topic, or "general" (outside topics). */
  messages(options: { thread?: ThreadFilter } = {}): BotMessage[] {
    return inThread(this.record.botMessages.map(snapshot), options.thread);
  }

  lastMessage(options: { thread?: ThreadFilter } = {}): BotMessage | undefined {
    return this.messages(options)
      .filter((message) => !message.deleted)
      .at(-1);
  }

  /** Every live message of the group (members', the bot's, service messages) as the Bot API shows it. */
  history(options: { thread?: ThreadFilter } = {}): Message[] {
    const { thread } = options;
    return [...this.record.messages.values()]
      .filter((stored) => !stored.deleted)
      .map((stored) => structuredClone(stored.message))
      .filter(
        (m) => thread === undefined || (thread === "general" ? !m.is_topic_message : m.is_topic_message && m.message_thread_id === thread),
      );
  }

  /** Resolves with the first new bot message (of the thread) matching `match`; edits count. */
  waitForMessage(options: GroupWaitOptions = {}): Promise<BotMessage> {
    const filter = options.thread === undefined ? {} : { thread: options.thread };
    const after = options.after ?? this.messages(filter).length;
    const where = options.thread === undefined ? "" : ` in thread ${options.thread}`;
    const what = `a bot message${options.match === undefined ? "" : ` matching ${String(options.match)}`}${where} after the first ${after}`;
    return this.waitFor(
      () =>
        this.messages(filter)
          .slice(after)
          .find((m) => matches(m.text, options.match)),
      options.timeoutMs,
      what,
    );
  }

  /** Resolves with the predicate's first truthy result, re-checked on every change in this group. */
  waitFor<T>(predicate: () => T | undefined | null | false, timeoutMs = DEFAULT_TIMEOUT_MS, what = "the condition") {
    return waitUntil(
      (listener) => this.subscribe(listener),
      predicate,
      timeoutMs,
      () => this.timeoutReport(what, timeoutMs),
    );
  }

  /** Follows this group: sent, edited and deleted bot messages, callback answers. */
  subscribe(listener: (event: ChatEvent) => void): () => void {
    return this.core.state.subscribe((event) => {
      if (event.chatId === this.id) listener(event);
    });
  }

  private memberFor(user: User): FakeMember {
    let member = this.people.get(user.id);
    if (!member) {
      member = new FakeMember(this.core, this.record, user);
      this.people.set(user.id, member);
    }
    return member;
  }

  private actor(options: Actor): User {
    return options.by?.info ?? this.owner.info;
  }

  private requireTopic(threadId: number) {
    const topic = liveTopic(this.record, threadId);
    if (!topic) throw new Error(`Topic ${threadId} does not exist in group ${this.id}`);
    return topic;
  }

  /** A service message from `by`; every bot in the group gets service messages. */
  private service(by: User, content: Omit<Message, "message_id" | "date" | "chat" | "from">): void {
    const stored = this.core.state.addMessage(this.record, content, { fromBot: false, from: by });
    deliver(this.core, this.record, stored.message);
  }

  private timeoutReport(what: string, timeoutMs: number): string {
    const sent = this.messages().map((message) => `  ${describeMessage(message)}`);
    const failures = this.core.calls
      .filter((call) => String(call.payload.chat_id) === String(this.id) && call.response?.ok === false)
      .slice(-5)
      .map((call) => `  ${call.method} → ${call.response?.ok === false ? call.response.description : ""}`);
    return [
      `Timed out after ${timeoutMs} ms waiting for ${what} in group ${this.id}.`,
      `The bot sent to this group:`,
      ...(sent.length > 0 ? sent : ["  (nothing)"]),
      ...(failures.length > 0 ? ["Failed API calls for this group:", ...failures] : []),
      `Bot status: ${this.record.bot.status}. Unconfirmed updates in the queue: ${this.core.updates.size}`,
    ].join("\n");
  }
}
