import { Api, Context } from "grammy";
import type { Chat, Update, UserFromGetMe } from "grammy/types";
import { describe, expect, it } from "vitest";
import { chatUserKey } from "../../src/bot/storage-key.js";

const me = { id: 1, is_bot: true, first_name: "Bot", username: "bot" } as UserFromGetMe;
const message = (chat: Chat, fromId: number): Context =>
  new Context(
    { update_id: 1, message: { message_id: 1, date: 0, chat, from: { id: fromId, is_bot: false, first_name: "U" }, text: "hi" } } as Update,
    new Api("0:test"),
    me,
  );

describe("the storage key of sessions and conversations", () => {
  it("is the chat in a private chat, as grammY's default, so nothing stored before moves", () => {
    expect(chatUserKey(message({ id: 42, type: "private", first_name: "U" }, 42))).toBe("42");
  });

  it("is the chat and the sender in a group or forum: two members never share a question", () => {
    const group = { id: -100123, type: "supergroup", title: "Ops", is_forum: true } as Chat;
    const a = chatUserKey(message(group, 7));
    const b = chatUserKey(message(group, 8));
    expect(a).toBe("-100123:7");
    expect(b).toBe("-100123:8");
    expect(chatUserKey(message({ id: -5, type: "group", title: "G" } as Chat, 7))).toBe("-5:7");
  });

  it("is none for an update without a chat", () => {
    const inline = new Context(
      { update_id: 2, inline_query: { id: "q", from: { id: 7, is_bot: false, first_name: "U" }, query: "", offset: "" } } as Update,
      new Api("0:test"),
      me,
    );
    expect(chatUserKey(inline)).toBeUndefined();
  });
});
