import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, Bot, GrammyError, InlineKeyboard } from "grammy";
import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type FakeTelegramOptions } from "../fakes/telegram/index.js";

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function fake(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const telegram = await startFakeTelegram({ rateLimits: false, ...options });
  cleanups.push(() => telegram.close());
  return telegram;
}

const api = (telegram: FakeTelegram) => new Api(telegram.token, { apiRoot: telegram.apiRoot });

/** A grammY bot long-polling the fake; resolves once polling has begun. */
async function pollingBot(telegram: FakeTelegram, setup: (bot: Bot) => void): Promise<Bot> {
  const bot = new Bot(telegram.token, { client: { apiRoot: telegram.apiRoot } });
  setup(bot);
  await new Promise<void>((resolve, reject) => {
    bot.start({ onStart: () => resolve() }).catch(reject);
  });
  cleanups.push(() => bot.stop());
  return bot;
}

/** The updates waiting now, confirmed so the next call sees only newer ones. */
async function drain(client: Api, allowed?: string[]): Promise<Update[]> {
  const updates = await client.getUpdates({ timeout: 0, ...(allowed ? { allowed_updates: allowed as never } : {}) });
  const last = updates.at(-1);
  if (last) await client.getUpdates({ offset: last.update_id + 1, timeout: 0 });
  return updates;
}

const failure = (promise: Promise<unknown>) => promise.then(() => undefined).catch((error: unknown) => error as GrammyError);

describe("fake Telegram Bot API: supergroups", () => {
  it("delivers members' texts, commands, replies and button presses with the group's chat and the member's from", async () => {
    const telegram = await fake();
    const team = telegram.group({ title: "Operators" });
    const ana = team.member({ id: 2001, first_name: "Ana", username: "ana" });
    const budi = team.member({ id: 2002, first_name: "Budi" });
    const seen: { chat: number; from: number; text?: string; reply?: number }[] = [];
    await pollingBot(telegram, (bot) => {
      bot.on("message", async (ctx, next) => {
        seen.push({
          chat: ctx.chat.id,
          from: ctx.from.id,
          ...(ctx.message.text ? { text: ctx.message.text } : {}),
          ...(ctx.message.reply_to_message ? { reply: ctx.message.reply_to_message.message_id } : {}),
        });
        await next();
      });
      bot.command("ticket", (ctx) => ctx.reply("Ticket #7", { reply_markup: new InlineKeyboard().text("Claim", "claim:7") }));
      bot.callbackQuery("claim:7", async (ctx) => {
        await ctx.answerCallbackQuery({ text: `Yours, ${ctx.from.first_name}` });
        await ctx.editMessageText(`Ticket #7 — ${ctx.from.first_name} (chat ${ctx.callbackQuery.message?.chat.id})`);
      });
    });

    expect(team.id).toBeLessThan(-1_000_000_000_000);
    expect(team.chat).toEqual({ id: team.id, type: "supergroup", title: "Operators" });
    const hello = await ana.send("hello team");
    await budi.send("/ticket");
    const ticket = await team.waitForMessage({ match: "Ticket #7" });
    await budi.send("on it", { replyTo: hello.message_id });
    await ana.press("Claim");
    const claimed = await team.waitForMessage({ match: /Ana \(chat -100/, after: 0 });

    expect(seen).toEqual([
      { chat: team.id, from: ana.id, text: "hello team" },
      { chat: team.id, from: budi.id, text: "/ticket" },
      { chat: team.id, from: budi.id, text: "on it", reply: hello.message_id },
    ]);
    expect(ticket.raw.chat).toEqual(team.chat);
    expect(claimed).toMatchObject({ message_id: ticket.message_id, edits: 1 });
    expect(ana.callbackAnswers()).toMatchObject([{ text: "Yours, Ana" }]);
    expect(budi.callbackAnswers()).toEqual([]);
    expect(team.history().map((m) => [m.from?.id, m.text])).toEqual([
      [ana.id, "hello team"],
      [budi.id, "/ticket"],
      [telegram.botInfo.id, claimed.text],
      [budi.id, "on it"],
    ]);
  });

  it("answers getChat, getChatMember, getChatAdministrators and getChatMemberCount for a group", async () => {
    const telegram = await fake();
    const team = telegram.group({ title: "Ops", owner: { id: 2100, first_name: "Boss" } });
    team.member({ id: 2101 }, { status: "administrator", rights: { can_delete_messages: false } });
    team.member({ id: 2102 });
    telegram.user({ id: 2103 }); // known to Telegram, never in the group
    const client = api(telegram);

    expect(await client.getChat(team.id)).toMatchObject({ id: team.id, type: "supergroup", title: "Ops" });
    expect(await client.getChatMember(team.id, 2100)).toMatchObject({ status: "creator", user: { id: 2100 } });
    expect(await client.getChatMember(team.id, 2101)).toMatchObject({ status: "administrator", can_delete_messages: false });
    expect(await client.getChatMember(team.id, 2103)).toMatchObject({ status: "left" });
    expect(await client.getChatMember(team.id, telegram.botInfo.id)).toMatchObject({ status: "administrator", can_manage_topics: true });
    await expect(client.getChatMember(team.id, 999_999)).rejects.toMatchObject({ description: "Bad Request: user not found" });
    expect((await client.getChatAdministrators(team.id)).map((m) => m.user.id).sort()).toEqual([2100, 2101, telegram.botInfo.id].sort());
    expect(await client.getChatMemberCount(team.id)).toBe(4);
    await expect(client.getChatAdministrators(2103)).rejects.toMatchObject({
      description: "Bad Request: there are no administrators in the private chat",
    });
    // A group member who never started the bot cannot be messaged privately.
    await expect(client.sendMessage(2102, "hi")).rejects.toMatchObject({
      error_code: 403,
      description: "Forbidden: bot can't initiate conversation with a user",
    });
  });

  it("keeps privacy mode: a non-admin bot gets commands, replies to it and service messages, not chatter", async () => {
    const telegram = await fake();
    const team = telegram.group({ bot: "member" });
    const ana = team.member({ id: 2201 });
    const client = api(telegram);
    const botMessage = await client.sendMessage(team.id, "I am here");

    await ana.send("just chatting");
    await ana.send("@fake_reseller_bot are you there?");
    await ana.send("/status");
    await ana.send("/status@fake_reseller_bot");
    await ana.send("/status@other_bot");
    await ana.send("replying", { replyTo: botMessage.message_id });
    team.join({ id: 2202, first_name: "Cici" });

    const updates = await drain(client);
    expect(updates.map((u) => u.message?.text ?? Object.keys(u.message ?? {}).find((k) => k === "new_chat_members"))).toEqual([
      "/status",
      "/status@fake_reseller_bot",
      "replying",
      "new_chat_members",
    ]);
    expect((await client.getMe()).can_read_all_group_messages).toBe(false);

    team.promoteBot();
    await drain(client);
    await ana.send("chatter reaches an admin bot");
    expect((await drain(client)).map((u) => u.message?.text)).toEqual(["chatter reaches an admin bot"]);
  });
});

describe("fake Telegram Bot API: forum topics", () => {
  it("creates topics, sends to a thread and to General, and places members' topic messages like Telegram", async () => {
    const telegram = await fake();
    const forum = telegram.group({ title: "Support", forum: true });
    const ana = forum.member({ id: 2301, first_name: "Ana" });
    const client = api(telegram);

    const topic = await client.createForumTopic(forum.id, "Ticket 42", { icon_color: 0xffd67e });
    expect(topic).toEqual({ message_thread_id: expect.any(Number), name: "Ticket 42", icon_color: 0xffd67e });
    const thread = topic.message_thread_id;
    const inTopic = await client.sendMessage(forum.id, "New ticket", { message_thread_id: thread });
    const inGeneral = await client.sendMessage(forum.id, "Shift starts");
    expect(inTopic).toMatchObject({ message_thread_id: thread, is_topic_message: true, reply_to_message: { message_id: thread } });
    expect(inTopic.reply_to_message?.forum_topic_created).toEqual({ name: "Ticket 42", icon_color: 0xffd67e });
    expect(inGeneral.message_thread_id).toBeUndefined();
    expect(inGeneral.is_topic_message).toBeUndefined();
    expect(forum.messages({ thread }).map((m) => m.text)).toEqual(["New ticket"]);
    expect(forum.messages({ thread: "general" }).map((m) => m.text)).toEqual(["Shift starts"]);

    const replies: { text?: string; thread?: number; topic?: boolean }[] = [];
    await pollingBot(telegram, (bot) =>
      bot.on("message:text", async (ctx) => {
        replies.push({
          ...(ctx.message.text ? { text: ctx.message.text } : {}),
          ...(ctx.message.message_thread_id ? { thread: ctx.message.message_thread_id } : {}),
          ...(ctx.message.is_topic_message ? { topic: true } : {}),
        });
        await ctx.reply(`echo ${ctx.message.text}`); // grammY adds message_thread_id for topic messages
      }),
    );
    const question = await ana.send("where is my order?", { thread });
    expect(question.reply_to_message?.message_id).toBe(thread); // every topic message "replies" to the topic's first message
    await forum.waitForMessage({ thread, match: "echo where" });
    await ana.send("in General");
    await forum.waitForMessage({ thread: "general", match: "echo in General" });
    // A reply to a General message belongs to that message's reply thread, which is no topic.
    const generalReply = await ana.send("re: shift", { replyTo: inGeneral.message_id });
    expect(generalReply).toMatchObject({ message_thread_id: inGeneral.message_id });
    expect(generalReply.is_topic_message).toBeUndefined();
    await forum.waitForMessage({ thread: "general", match: "echo re: shift" });
    // A reply to a topic message without a thread id lands in that topic.
    const answer = await client.sendMessage(forum.id, "Shipped", { reply_parameters: { message_id: question.message_id } });
    expect(answer).toMatchObject({
      message_thread_id: thread,
      is_topic_message: true,
      reply_to_message: { message_id: question.message_id },
    });

    expect(replies).toEqual([
      { text: "where is my order?", thread, topic: true },
      { text: "in General" },
      { text: "re: shift", thread: inGeneral.message_id },
    ]);
    expect(forum.topics()).toEqual([{ ...topic, closed: false, deleted: false }]);
  });

  it("refuses topic calls Telegram refuses: no forum, no rights, unknown, deleted and closed threads", async () => {
    const telegram = await fake();
    const plain = telegram.group({ title: "Plain supergroup" });
    const forum = telegram.group({ title: "Forum", forum: true });
    const weak = telegram.group({ title: "Forum, bot not admin", forum: true, bot: "member" });
    const user = telegram.user({ id: 2401 });
    const client = api(telegram);

    for (const chatId of [plain.id, user.id]) {
      await expect(client.createForumTopic(chatId, "x")).rejects.toMatchObject({
        error_code: 400,
        description: "Bad Request: the chat is not a forum",
      });
    }
    await expect(client.createForumTopic(weak.id, "x")).rejects.toMatchObject({
      description: "Bad Request: not enough rights to create a topic",
    });
    await expect(client.createForumTopic(forum.id, "  ")).rejects.toMatchObject({ description: "Bad Request: title must be non-empty" });
    await expect(client.createForumTopic(forum.id, "x", { icon_color: 0x123456 as never })).rejects.toMatchObject({
      description: expect.stringContaining("Bad Request: invalid icon color specified"),
    });
    const notFound = { description: "Bad Request: message thread not found" };
    await expect(client.sendMessage(forum.id, "x", { message_thread_id: 9999 })).rejects.toMatchObject(notFound);
    await expect(client.sendMessage(forum.id, "x", { message_thread_id: 1 })).rejects.toMatchObject(notFound); // General is "no id"
    await expect(client.sendMessage(plain.id, "x", { message_thread_id: 9999 })).rejects.toMatchObject(notFound);

    const topic = await client.createForumTopic(forum.id, "Closing soon");
    const thread = topic.message_thread_id;
    await expect(client.closeForumTopic(forum.id, thread)).resolves.toBe(true);
    await expect(client.closeForumTopic(forum.id, thread)).rejects.toMatchObject({ description: "Bad Request: TOPIC_NOT_MODIFIED" });
    // The bot can manage topics, so it may still write into a closed one.
    await expect(client.sendMessage(forum.id, "still here", { message_thread_id: thread })).resolves.toBeDefined();
    await client.reopenForumTopic(forum.id, thread);
    await expect(client.deleteForumTopic(forum.id, thread)).resolves.toBe(true);
    await expect(client.sendMessage(forum.id, "x", { message_thread_id: thread })).rejects.toMatchObject(notFound);
    await expect(client.closeForumTopic(forum.id, thread)).rejects.toMatchObject({ description: "Bad Request: TOPIC_ID_INVALID" });
    expect(forum.messages({ thread })).toMatchObject([{ text: "still here", deleted: true }]);

    // In a forum where the bot is only a member: a topic a person made and closed.
    const member = weak.member({ id: 2402 });
    const theirs = weak.createTopic("Theirs", { by: member });
    weak.closeTopic(theirs.message_thread_id, { by: member });
    await expect(client.sendMessage(weak.id, "x", { message_thread_id: theirs.message_thread_id })).rejects.toMatchObject({
      description: "Bad Request: TOPIC_CLOSED",
    });
    await expect(client.reopenForumTopic(weak.id, theirs.message_thread_id)).rejects.toMatchObject({
      description: "Bad Request: not enough rights to close or open the topic",
    });
    await expect(client.deleteForumTopic(weak.id, theirs.message_thread_id)).rejects.toMatchObject({
      description: "Bad Request: not enough rights to delete the topic",
    });
    await expect(member.send("x", { thread: theirs.message_thread_id })).rejects.toThrow(/closed/);
  });

  it("tells the bot about topics people create and close, and about topics deleted by tests", async () => {
    const telegram = await fake();
    const forum = telegram.group({ forum: true });
    const ana = forum.member({ id: 2501, first_name: "Ana" });
    const client = api(telegram);

    const topic = forum.createTopic("Refunds", { by: ana, iconColor: 0x8eee98 });
    forum.closeTopic(topic.message_thread_id);
    const updates = await drain(client);
    expect(updates.map((u) => u.message)).toMatchObject([
      {
        from: { id: ana.id },
        message_thread_id: topic.message_thread_id,
        is_topic_message: true,
        forum_topic_created: { name: "Refunds" },
      },
      { message_thread_id: topic.message_thread_id, forum_topic_closed: {} },
    ]);

    forum.reopenTopic(topic.message_thread_id);
    await client.sendMessage(forum.id, "bot was here", { message_thread_id: topic.message_thread_id });
    forum.deleteTopic(topic.message_thread_id);
    expect(forum.topics()).toMatchObject([{ name: "Refunds", deleted: true }]);
    await expect(client.sendMessage(forum.id, "x", { message_thread_id: topic.message_thread_id })).rejects.toMatchObject({
      description: "Bad Request: message thread not found",
    });
    await expect(client.sendMessage(forum.id, "General still works")).resolves.toMatchObject({ chat: { id: forum.id } });
  });
});

describe("fake Telegram Bot API: the bot's membership", () => {
  it("refuses a kicked bot with 403 and reports the kick as my_chat_member, only when allowed_updates has it", async () => {
    const telegram = await fake();
    const team = telegram.group({ title: "Ops" });
    const boss = team.owner;
    const client = api(telegram);

    team.kickBot();
    const [kick] = await drain(client);
    expect(kick?.my_chat_member).toMatchObject({
      chat: { id: team.id, type: "supergroup" },
      from: { id: boss.id },
      old_chat_member: { status: "administrator", user: { id: telegram.botInfo.id } },
      new_chat_member: { status: "kicked", until_date: 0, user: { id: telegram.botInfo.id } },
    });
    const kicked = await failure(client.sendMessage(team.id, "anyone?"));
    expect(kicked).toBeInstanceOf(GrammyError);
    expect(kicked).toMatchObject({ error_code: 403, description: "Forbidden: bot was kicked from the supergroup chat" });
    await expect(client.getChat(team.id)).rejects.toMatchObject({ error_code: 403 });
    await boss.send("/start"); // people still talk; the bot hears nothing
    expect(await drain(client)).toEqual([]);

    // With allowed_updates naming only messages (as the app asks), the kick never reaches the bot.
    team.addBot({ by: boss });
    await drain(client, ["message", "callback_query"]);
    team.kickBot();
    expect(await drain(client)).toEqual([]);
    expect(telegram.pendingUpdates()).toBe(0);
    await drain(client, []); // [] restores the default set, which has my_chat_member
    team.addBot();
    expect((await drain(client)).map((u) => Object.keys(u).find((k) => k !== "update_id"))).toEqual(["my_chat_member", "message"]);
  });

  it("applies a webhook's allowed_updates to my_chat_member too", async () => {
    const telegram = await fake();
    const team = telegram.group();
    const ana = team.member({ id: 2601 });
    const received: string[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString()));
      req.on("end", () => {
        received.push(Object.keys(JSON.parse(body) as object).find((k) => k !== "update_id") ?? "");
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => new Promise((resolve) => server.close(resolve)));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

    await api(telegram).setWebhook(url, { allowed_updates: ["message"] });
    team.demoteBot();
    await ana.send("/ping");
    await expect.poll(() => received).toEqual(["message"]);
    expect(telegram.webhook().allowed_updates).toEqual(["message"]);
  });

  it("leaves, deletes and migrates groups with Telegram's errors", async () => {
    const telegram = await fake();
    const client = api(telegram);

    const left = telegram.group({ title: "Left behind" });
    await expect(client.leaveChat(left.id)).resolves.toBe(true);
    expect(left.botStatus().status).toBe("left");
    await expect(client.sendMessage(left.id, "x")).rejects.toMatchObject({
      error_code: 403,
      description: "Forbidden: bot is not a member of the supergroup chat",
    });

    const gone = telegram.group({ title: "Gone" });
    gone.delete();
    await expect(client.sendMessage(gone.id, "x")).rejects.toMatchObject({ error_code: 400, description: "Bad Request: chat not found" });

    const basic = telegram.group({ type: "group", title: "Small team" });
    const ana = basic.member({ id: 2701 });
    expect(basic.chat).toEqual({ id: basic.id, type: "group", title: "Small team" });
    await drain(client);
    const upgraded = basic.migrate();
    expect(upgraded.chat).toMatchObject({ type: "supergroup", title: "Small team" });
    expect(String(upgraded.id)).toMatch(/^-100\d{10}$/);
    const migrated = await failure(client.sendMessage(basic.id, "hello?"));
    expect(migrated).toMatchObject({
      error_code: 400,
      description: "Bad Request: group chat was upgraded to a supergroup chat",
      parameters: { migrate_to_chat_id: upgraded.id },
    });
    expect((await drain(client)).map((u) => u.message)).toMatchObject([
      { chat: { id: basic.id }, migrate_to_chat_id: upgraded.id },
      { chat: { id: upgraded.id }, migrate_from_chat_id: basic.id },
    ]);
    await expect(client.sendMessage(upgraded.id, "hello")).resolves.toMatchObject({ chat: { id: upgraded.id } });
    expect(telegram.group({ id: upgraded.id })).toBe(upgraded);
    await expect(ana.send("old chat")).rejects.toThrow(/upgraded/);
    await upgraded.member({ id: ana.id }).send("/here");
    expect((await drain(client)).map((u) => [u.message?.chat.id, u.message?.text])).toEqual([[upgraded.id, "/here"]]);
  });
});

describe("fake Telegram Bot API: scoped commands", () => {
  it("stores commands per scope and language and resolves what each person sees in a group", async () => {
    const telegram = await fake();
    const team = telegram.group({ title: "Ops", owner: { id: 2800 } });
    const admin = team.member({ id: 2801, language_code: "id" }, { status: "administrator" });
    const member = team.member({ id: 2802 });
    const special = team.member({ id: 2803 });
    const dm = telegram.user({ id: 2804 });
    const client = api(telegram);
    const c = (command: string) => ({ command, description: command });

    await client.setMyCommands([c("start")]);
    await client.setMyCommands([c("help")], { scope: { type: "all_group_chats" } });
    await client.setMyCommands([c("claim"), c("close")], { scope: { type: "all_chat_administrators" } });
    await client.setMyCommands([c("klaim")], { scope: { type: "all_chat_administrators" }, language_code: "id" });
    await client.setMyCommands([c("report")], { scope: { type: "chat", chat_id: team.id } });
    await client.setMyCommands([c("shift")], { scope: { type: "chat_administrators", chat_id: team.id } });
    await client.setMyCommands([c("vip")], { scope: { type: "chat_member", chat_id: team.id, user_id: special.id } });
    await client.setMyCommands([c("menu")], { scope: { type: "all_private_chats" } });

    expect(admin.commands()).toEqual([c("shift")]);
    expect(member.commands()).toEqual([c("report")]);
    expect(special.commands()).toEqual([c("vip")]);
    expect(dm.commands()).toEqual([c("menu")]);
    await client.deleteMyCommands({ scope: { type: "chat_administrators", chat_id: team.id } });
    await client.deleteMyCommands({ scope: { type: "chat", chat_id: team.id } });
    expect(admin.commands()).toEqual([c("klaim")]);
    expect(team.owner.commands()).toEqual([c("claim"), c("close")]);
    expect(member.commands()).toEqual([c("help")]);
    expect(await client.getMyCommands({ scope: { type: "all_chat_administrators" }, language_code: "id" })).toEqual([c("klaim")]);
    expect(telegram.commandsFor({ type: "chat_member", chat_id: team.id, user_id: special.id })).toEqual([c("vip")]);
    expect(await client.getMyCommands({ scope: { type: "chat", chat_id: team.id } })).toEqual([]);
  });

  it("validates the scope object and the language code like the Bot API", async () => {
    const telegram = await fake();
    const team = telegram.group();
    const user = telegram.user({ id: 2901 });
    const post = (body: object) =>
      fetch(`${telegram.apiRoot}/bot${telegram.token}/getMyCommands`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ description?: string }>);
    const parse = (what: string) => `Bad Request: can't parse BotCommandScope: ${what}`;

    expect(await post({ scope: ["default"] })).toMatchObject({ description: parse("BotCommandScope must be an Object") });
    expect(await post({ scope: { type: "everyone" } })).toMatchObject({ description: parse("Unsupported type specified") });
    expect(await post({ scope: {} })).toMatchObject({ description: parse(`Can't find field "type"`) });
    expect(await post({ scope: { type: "chat" } })).toMatchObject({ description: parse(`Can't find field "chat_id"`) });
    expect(await post({ scope: { type: "chat_member", chat_id: team.id } })).toMatchObject({
      description: parse(`Can't find field "user_id"`),
    });
    expect(await post({ scope: { type: "chat_member", chat_id: team.id, user_id: 0 } })).toMatchObject({
      description: parse("Invalid user_id specified"),
    });
    expect(await post({ scope: { type: "chat", chat_id: -100555 } })).toMatchObject({ description: "Bad Request: chat not found" });
    expect(await post({ scope: { type: "chat_administrators", chat_id: user.id } })).toMatchObject({
      description: "Bad Request: can't use specified scope in private chats",
    });
    expect(await post({ language_code: "english" })).toMatchObject({ description: "Bad Request: invalid language code specified" });
    expect(await post({ scope: { type: "chat", chat_id: user.id }, language_code: "id" })).toMatchObject({ ok: true, result: [] });
  });
});

describe("fake Telegram Bot API: photos and documents from people", () => {
  it("relays a DM photo and document into a forum topic with copyMessage, forwardMessage and sendPhoto by file_id", async () => {
    const telegram = await fake();
    const reseller = telegram.user({ id: 3001, first_name: "Rina" });
    const desk = telegram.group({ title: "Desk", forum: true });
    const client = api(telegram);
    const ticket = await client.createForumTopic(desk.id, "Rina: slip");
    const thread = ticket.message_thread_id;

    const slip = await reseller.sendPhoto({ caption: "paid /deposit 50k", width: 1600, height: 1200 });
    expect(slip.photo?.map((size) => [size.width, size.height])).toEqual([
      [90, 68],
      [320, 240],
      [800, 600],
      [1280, 960],
    ]);
    expect(slip.caption_entities).toEqual([{ type: "bot_command", offset: 5, length: 8 }]);
    const [update] = await drain(client);
    const largest = update?.message?.photo?.at(-1);
    expect(largest?.file_id).toMatch(/^AgAC/);

    const copy = await client.copyMessage(desk.id, reseller.id, slip.message_id, { message_thread_id: thread, caption: "Slip from Rina" });
    const forward = await client.forwardMessage(desk.id, reseller.id, slip.message_id, { message_thread_id: thread });
    const again = await client.sendPhoto(desk.id, largest!.file_id, { message_thread_id: thread });
    expect(forward).toMatchObject({ is_topic_message: true, forward_origin: { type: "user", sender_user: { id: reseller.id } } });
    expect(again.photo?.[0]).toMatchObject({ file_id: largest?.file_id, width: 1280, height: 960 });
    expect(desk.messages({ thread })).toMatchObject([
      { message_id: copy.message_id, text: "Slip from Rina", photo: { file_id: largest?.file_id } },
      { message_id: forward.message_id, text: "paid /deposit 50k" },
      { message_id: again.message_id, text: "" },
    ]);

    const file = await client.getFile(largest!.file_id);
    expect(file).toMatchObject({ file_id: largest?.file_id, file_path: expect.stringMatching(/^photos\/file_\d+\.png$/) });
    const download = await fetch(`${telegram.apiRoot}/file/bot${telegram.token}/${file.file_path}`);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1280, 960]);
    expect(bytes.length).toBe(file.file_size);
    expect((await fetch(`${telegram.apiRoot}/file/bot${telegram.token}/photos/nope.png`)).status).toBe(404);

    const invoice = await reseller.sendDocument({ fileName: "invoice.pdf", content: "%PDF-1.4 fake" });
    expect(invoice.document).toEqual({
      file_id: expect.stringMatching(/^BQAC/),
      file_unique_id: expect.any(String),
      file_name: "invoice.pdf",
      mime_type: "application/pdf",
      file_size: 13,
    });
    await client.sendDocument(desk.id, invoice.document!.file_id, { message_thread_id: thread });
    expect(desk.lastMessage({ thread })?.document).toMatchObject({ file_name: "invoice.pdf", content: "%PDF-1.4 fake" });
    await expect(client.sendPhoto(desk.id, invoice.document!.file_id)).rejects.toMatchObject({
      description: "Bad Request: can't use file of type Document as Photo",
    });
    await expect(client.getFile("no-such-file")).rejects.toMatchObject({ description: "Bad Request: invalid file_id" });
  });

  it("takes photos and documents from group members and copies them back to a private chat", async () => {
    const telegram = await fake();
    const forum = telegram.group({ forum: true });
    const operator = forum.member({ id: 3101, first_name: "Oka" });
    const reseller = telegram.user({ id: 3102 });
    const client = api(telegram);
    const topic = forum.createTopic("Rina");
    await drain(client);

    const receipt = await operator.sendPhoto({ caption: "refund receipt" }, { thread: topic.message_thread_id });
    const csv = await operator.sendDocument(
      { fileName: "refunds.csv", content: "id,amount\n1,50000\n" },
      { thread: topic.message_thread_id },
    );
    const updates = await drain(client);
    expect(updates.map((u) => u.message)).toMatchObject([
      { chat: { id: forum.id }, from: { id: operator.id }, message_thread_id: topic.message_thread_id, caption: "refund receipt" },
      { document: { file_name: "refunds.csv", mime_type: "text/csv" }, is_topic_message: true },
    ]);

    await client.copyMessage(reseller.id, forum.id, receipt.message_id);
    await client.copyMessage(reseller.id, forum.id, csv.message_id, { caption: "Your refunds" });
    expect(reseller.messages()).toMatchObject([
      { text: "refund receipt", photo: { kind: "photo" } },
      { text: "Your refunds", document: { file_name: "refunds.csv", content: "id,amount\n1,50000\n" } },
    ]);
    expect(reseller.messages()[0]?.raw.message_thread_id).toBeUndefined();
    await expect(client.copyMessage(reseller.id, forum.id, topic.message_thread_id)).rejects.toMatchObject({
      description: "Bad Request: message can't be copied",
    });
  });
});
