import type { ChatAdministratorRights, ChatMember, ChatMemberAdministrator, Message, User } from "grammy/types";
import { ApiError, badRequest, chatNotFound } from "./api-error.js";
import type { FakeCore } from "./core.js";
import { unixTime, type GroupChatRecord } from "./state.js";

/** Administrator rights, all of them optional: what a test passes to make someone (or the bot) an admin. */
export type AdminRights = Partial<Omit<ChatAdministratorRights, "is_anonymous">>;

/** What an administrator gets when a test names no rights: everything a group admin can have but promoting others. */
const DEFAULT_RIGHTS: Required<AdminRights> = {
  can_manage_chat: true,
  can_delete_messages: true,
  can_manage_video_chats: true,
  can_restrict_members: true,
  can_promote_members: false,
  can_change_info: true,
  can_invite_users: true,
  can_manage_tags: false,
  can_post_stories: false,
  can_edit_stories: false,
  can_delete_stories: false,
  can_post_messages: false,
  can_edit_messages: false,
  can_pin_messages: true,
  can_manage_topics: true,
  can_manage_direct_messages: false,
  can_send_welcome_messages: false,
};

/** Rights only channels have; a group's administrators do not show them. */
const CHANNEL_ONLY: (keyof AdminRights)[] = ["can_post_messages", "can_edit_messages", "can_manage_direct_messages"];

export type MemberStatus = ChatMember["status"];

/** A ChatMember object for `user` with `status`; administrators get DEFAULT_RIGHTS overridden by `rights`. */
export function chatMember(record: Pick<GroupChatRecord, "chat">, user: User, status: MemberStatus, rights: AdminRights = {}): ChatMember {
  switch (status) {
    case "creator":
      return { status, user, is_anonymous: false };
    case "administrator": {
      const granted: Record<string, boolean> = { ...DEFAULT_RIGHTS, ...rights };
      for (const right of CHANNEL_ONLY) delete granted[right];
      // Only supergroups have topics.
      if (record.chat.type !== "supergroup") delete granted.can_manage_topics;
      return { status, user, can_be_edited: false, is_anonymous: false, ...granted } as ChatMemberAdministrator;
    }
    case "kicked":
      return { status, user, until_date: 0 };
    case "restricted":
      throw new Error("The fake does not model restricted members");
    default:
      return { status, user };
  }
}

export const isPresent = (member: ChatMember | undefined) =>
  member !== undefined &&
  (["creator", "administrator", "member"].includes(member.status) || (member.status === "restricted" && member.is_member));

export const isAdmin = (member: ChatMember | undefined) => member?.status === "creator" || member?.status === "administrator";

/** Whether `member` holds an administrator right; the owner holds them all. */
export function hasRight(member: ChatMember | undefined, right: keyof AdminRights): boolean {
  if (member?.status === "creator") return true;
  return member?.status === "administrator" && (member as unknown as Record<string, unknown>)[right] === true;
}

const kindName = (record: GroupChatRecord) => (record.chat.type === "group" ? "group" : "supergroup");

/** Telegram's refusals for a chat the bot cannot act in, in the order the Bot API checks them. */
export function assertGroupAccess(record: GroupChatRecord, options: { allowUpgraded?: boolean } = {}): void {
  if (record.deleted) {
    // A deleted basic group answers 403; a deleted supergroup is simply gone.
    if (record.chat.type === "group") throw new ApiError(403, "Forbidden: the group chat was deleted");
    throw chatNotFound();
  }
  if (record.migratedTo !== undefined && !options.allowUpgraded) {
    throw new ApiError(400, "Bad Request: group chat was upgraded to a supergroup chat", { migrate_to_chat_id: record.migratedTo });
  }
  if (record.migratedTo !== undefined) return;
  if (record.bot.status === "kicked") throw new ApiError(403, `Forbidden: bot was kicked from the ${kindName(record)} chat`);
  if (!isPresent(record.bot)) throw new ApiError(403, `Forbidden: bot is not a member of the ${kindName(record)} chat`);
}

/** The chat's ChatMember for `userId`: the bot, a member, "left" for a known person, or 400. */
export function memberOf(core: FakeCore, record: GroupChatRecord, userId: number): ChatMember {
  if (userId === core.botInfo.id) return structuredClone(record.bot);
  const member = record.members.get(userId);
  if (member) return structuredClone(member);
  const user = core.state.users.get(userId);
  if (!user) throw badRequest("user not found");
  return { status: "left", user };
}

const SERVICE_FIELDS = [
  "new_chat_members",
  "left_chat_member",
  "new_chat_title",
  "pinned_message",
  "migrate_to_chat_id",
  "migrate_from_chat_id",
  "forum_topic_created",
  "forum_topic_edited",
  "forum_topic_closed",
  "forum_topic_reopened",
] as const;

export const isServiceMessage = (message: Message) => SERVICE_FIELDS.some((field) => message[field] !== undefined);

/**
 * Whether the bot gets this group message as an update. With privacy mode on (the default:
 * getMe's can_read_all_group_messages is false) a bot that is not an admin gets only service
 * messages, replies to its own messages, and commands: /cmd@this_bot always, a bare /cmd
 * because the fake's bot is the only bot in the group (Telegram gives it to the last bot that
 * spoke). Plain text and @mentions do not reach it.
 */
export function botReceives(core: FakeCore, record: GroupChatRecord, message: Message): boolean {
  if (!isPresent(record.bot) || record.deleted || record.migratedTo !== undefined) return false;
  if (core.botInfo.can_read_all_group_messages || isAdmin(record.bot) || isServiceMessage(message)) return true;
  if (message.reply_to_message?.from?.id === core.botInfo.id) return true;
  const text = message.text ?? message.caption ?? "";
  const entities = message.entities ?? message.caption_entities ?? [];
  return entities.some((entity) => {
    if (entity.type !== "bot_command") return false;
    const addressee = text.slice(entity.offset, entity.offset + entity.length).split("@")[1];
    return addressee === undefined || addressee.toLowerCase() === core.botInfo.username.toLowerCase();
  });
}

/** Queues a member's (or a service) message for the bot when it would get it. */
export function deliver(core: FakeCore, record: GroupChatRecord, message: Message): void {
  if (botReceives(core, record, message)) core.updates.push({ message: structuredClone(message) as never });
}

/** Changes the bot's membership and tells it with my_chat_member, as Telegram does. */
export function setBotMembership(core: FakeCore, record: GroupChatRecord, next: ChatMember, from: User): void {
  const old = record.bot;
  record.bot = next;
  if (JSON.stringify(old) === JSON.stringify(next)) return;
  core.updates.push({
    my_chat_member: { chat: structuredClone(record.chat), from, date: unixTime(), old_chat_member: old, new_chat_member: next },
  });
}

/**
 * Changes a person's membership. The bot hears of it with a chat_member update only as an
 * administrator and only when allowed_updates names chat_member (the queue drops it otherwise).
 */
export function setMembership(core: FakeCore, record: GroupChatRecord, next: ChatMember, from: User): void {
  const old = record.members.get(next.user.id) ?? { status: "left" as const, user: next.user };
  record.members.set(next.user.id, next);
  if (!isAdmin(record.bot) || JSON.stringify(old) === JSON.stringify(next)) return;
  core.updates.push({
    chat_member: { chat: structuredClone(record.chat), from, date: unixTime(), old_chat_member: old, new_chat_member: next },
  });
}
