import type { BotCommand, CallbackQuery, ChatMember, Message, User } from "grammy/types";
import { findButton, pushCallbackQuery, targetMessage, type ButtonQuery } from "./buttons.js";
import type { FakeCore } from "./core.js";
import { chatMember, deliver, hasRight, isAdmin, isPresent, setMembership } from "./groups.js";
import { captionFields, commandEntities, documentFile, photoSizes, type DocumentInput, type PhotoInput } from "./content.js";
import { documentOf, snapshot, type BotMessage, type CallbackAnswer, type GroupChatRecord, type StoredFile } from "./state.js";
import { liveTopic, place } from "./topics.js";

/** Where a member's message goes. */
export interface MemberSendOptions {
  /** Reply to this message of the group (any sender); without `thread` the reply stays in that message's topic. */
  replyTo?: number;
  /** The forum topic (its message_thread_id); leave out for the General topic. */
  thread?: number;
}

/** Which of the bot's group messages a press looks at. */
export interface MemberPressOptions {
  messageId?: number;
  /** Only messages in this topic ("general": outside topics). */
  thread?: number | "general";
}

/** The bot's messages of a group, all or those of one thread. */
export function inThread(messages: BotMessage[], thread: number | "general" | undefined): BotMessage[] {
  if (thread === undefined) return messages;
  return messages.filter((m) => (thread === "general" ? !m.is_topic_message : m.is_topic_message && m.message_thread_id === thread));
}

/**
 * A person in a group or supergroup: sends messages (text, commands, replies, photos,
 * documents) into the General topic or a forum topic, presses inline buttons on the bot's
 * group messages. Updates carry `chat` of the group and `from` of this member; privacy mode
 * decides which messages reach the bot (see groups.ts `botReceives`).
 */
export class FakeMember {
  /** callback_query ids of this member's presses, to pick their answers out of the group's. */
  private readonly queries = new Set<string>();

  constructor(
    private readonly core: FakeCore,
    private readonly record: GroupChatRecord,
    private readonly user: User,
  ) {}

  get id(): number {
    return this.user.id;
  }

  get info(): User {
    return { ...this.user };
  }

  /** This member's ChatMember in the group, as getChatMember shows it. */
  get status(): ChatMember {
    return structuredClone(this.record.members.get(this.id) ?? { status: "left", user: this.user });
  }

  /** Sends a text message; commands get bot_command entities like in a real client. */
  async send(text: string, options: MemberSendOptions = {}): Promise<Message> {
    const entities = commandEntities(text);
    return this.post({ text, ...(entities.length > 0 ? { entities } : {}) }, options);
  }

  /** Sends a photo (a payment slip): `photo` holds its sizes, each with its own file_id. */
  async sendPhoto(photo: PhotoInput = {}, options: MemberSendOptions = {}): Promise<Message> {
    const { sizes, largest } = photoSizes(this.core.state, photo);
    return this.post({ photo: sizes, ...captionFields(photo.caption) }, options, largest);
  }

  /** Sends a file, with `document` as Telegram describes it. */
  async sendDocument(document: DocumentInput, options: MemberSendOptions = {}): Promise<Message> {
    const file = documentFile(this.core.state, document);
    return this.post({ document: documentOf(file), ...captionFields(document.caption) }, options, file);
  }

  /**
   * Presses an inline button (by text, text pattern or callback_data) on the newest bot
   * message of the group that has it (optionally only in one thread, or `messageId`).
   */
  async press(button: ButtonQuery, options: MemberPressOptions = {}): Promise<CallbackQuery> {
    this.assertCanAct();
    const { message, data } = findButton(this.botMessages(options.thread), button, {
      ...(options.messageId !== undefined ? { messageId: options.messageId } : {}),
      where: `in group ${this.record.chat.id}${options.thread === undefined ? "" : ` (thread ${options.thread})`}`,
    });
    return this.track(pushCallbackQuery(this.core, this.record, this.info, message, data));
  }

  /** A callback query with any `data` on one of the bot's group messages (default: the newest). */
  pressData(data: string, options: MemberPressOptions = {}): CallbackQuery {
    this.assertCanAct();
    const message = targetMessage(this.botMessages(options.thread), options.messageId, `in group ${this.record.chat.id}`);
    return this.track(pushCallbackQuery(this.core, this.record, this.info, message, data));
  }

  /** answerCallbackQuery calls for this member's presses. */
  callbackAnswers(): CallbackAnswer[] {
    return this.record.callbackAnswers.filter((answer) => this.queries.has(answer.callback_query_id)).map((answer) => ({ ...answer }));
  }

  /** The command menu this member sees in this group, through scopes and language like Telegram. */
  commands(): BotCommand[] {
    const admin = isAdmin(this.record.members.get(this.id));
    return this.core.commands.forGroupMember(this.record.chat.id, this.id, admin, this.user.language_code?.slice(0, 2));
  }

  /** Leaves the group: a left_chat_member service message, and chat_member for an admin bot that asked for it. */
  leave(): void {
    this.assertCanAct();
    setMembership(this.core, this.record, chatMember(this.record, this.user, "left"), this.user);
    const stored = this.core.state.addMessage(this.record, { left_chat_member: this.info }, { fromBot: false, from: this.info });
    deliver(this.core, this.record, stored.message);
  }

  private botMessages(thread: number | "general" | undefined): BotMessage[] {
    return inThread(this.record.botMessages.map(snapshot), thread);
  }

  private track(query: CallbackQuery): CallbackQuery {
    this.queries.add(query.id);
    return query;
  }

  private post(content: Omit<Message, "message_id" | "date" | "chat" | "from">, options: MemberSendOptions, file?: StoredFile): Message {
    this.assertCanAct();
    const { record } = this;
    const replied = options.replyTo === undefined ? undefined : this.core.state.message(record, options.replyTo);
    if (options.replyTo !== undefined && !replied) throw new Error(`Message ${options.replyTo} does not exist in group ${record.chat.id}`);
    const topicId = options.thread ?? (replied?.message.is_topic_message ? replied.message.message_thread_id : undefined);
    if (options.thread !== undefined && !record.chat.is_forum) throw new Error(`Group ${record.chat.id} is not a forum: it has no topics`);
    if (topicId !== undefined && record.chat.is_forum) {
      const topic = liveTopic(record, topicId);
      if (!topic) throw new Error(`Topic ${topicId} does not exist in group ${record.chat.id} (never created, or deleted)`);
      if (topic.closed && !hasRight(record.members.get(this.id), "can_manage_topics")) {
        throw new Error(`Topic ${topicId} is closed: only admins who can manage topics may write there`);
      }
    }
    const stored = this.core.state.addMessage(
      record,
      { ...content, ...place(record, options.thread, replied) },
      { fromBot: false, from: this.info, ...(file ? { file } : {}) },
    );
    deliver(this.core, record, stored.message);
    return structuredClone(stored.message);
  }

  private assertCanAct(): void {
    const { record } = this;
    if (record.deleted) throw new Error(`Group ${record.chat.id} was deleted`);
    if (record.migratedTo !== undefined) {
      throw new Error(`Group ${record.chat.id} was upgraded to supergroup ${record.migratedTo}; use the FakeGroup migrate() returned`);
    }
    if (!isPresent(record.members.get(this.id))) throw new Error(`User ${this.id} is not a member of group ${record.chat.id}`);
  }
}
