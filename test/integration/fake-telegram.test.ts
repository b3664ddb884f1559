import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Api, Bot, InlineKeyboard, InputFile, webhookCallback } from "grammy";
import { afterEach, describe, expect, it } from "vitest";
import { startFakeTelegram, type FakeTelegram, type FakeTelegramOptions } from "../fakes/telegram/index.js";

const NOT_MODIFIED =
  "Bad Request: message is not modified: specified new message content and reply markup are exactly the same " +
  "as a current content and reply markup of the message";

let cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  // Last started, first stopped: bots before the fake they talk to.
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups = [];
});

async function fake(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const telegram = await startFakeTelegram({ rateLimits: false, ...options });
  cleanups.push(() => telegram.close());
  return telegram;
}

function api(telegram: FakeTelegram): Api {
  return new Api(telegram.token, { apiRoot: telegram.apiRoot });
}

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

describe("fake Telegram Bot API with a real grammY bot", () => {
  it("delivers /start by long polling and records the HTML reply with its keyboard", async () => {
    const telegram = await fake();
    const user = telegram.user({ id: 1001, first_name: "Ana", language_code: "id" });
    const seen: unknown[] = [];
    await pollingBot(telegram, (bot) =>
      bot.command("start", async (ctx) => {
        seen.push(ctx.message?.entities);
        await ctx.reply("Welcome, <b>Ana</b> &amp; co", {
          parse_mode: "HTML",
          reply_markup: new InlineKeyboard().text("Buy", "buy:1").url("Site", "https://example.com"),
        });
      }),
    );

    await user.send("/start");
    const reply = await user.waitForMessage({ match: "Welcome" });

    expect(seen).toEqual([[{ type: "bot_command", offset: 0, length: 6 }]]);
    expect(reply).toMatchObject({
      text: "Welcome, Ana & co",
      html: "Welcome, <b>Ana</b> &amp; co",
      parse_mode: "HTML",
      entities: [{ type: "bold", offset: 9, length: 3 }],
      deleted: false,
    });
    expect(reply.raw.from?.id).toBe(telegram.botInfo.id);
    expect(user.buttons()).toEqual([
      { text: "Buy", data: "buy:1" },
      { text: "Site", url: "https://example.com" },
    ]);
  });

  it("applies edits from a button press and rejects an identical edit", async () => {
    const telegram = await fake();
    const user = telegram.user({ id: 1002 });
    const bot = await pollingBot(telegram, (bot) => {
      bot.command("start", (ctx) => ctx.reply("Pay 10k?", { reply_markup: new InlineKeyboard().text("Pay", "pay") }));
      bot.callbackQuery("pay", async (ctx) => {
        await ctx.answerCallbackQuery({ text: "Processing" });
        await ctx.editMessageText("Paid ✅");
      });
    });

    await user.send("/start");
    const offer = await user.waitForMessage({ match: "Pay" });
    await user.press("Pay");
    const paid = await user.waitForEdit(offer.message_id, { match: "Paid" });

    expect(paid).toMatchObject({ text: "Paid ✅", edits: 1 });
    expect(paid.reply_markup).toBeUndefined(); // editMessageText without reply_markup drops the keyboard
    expect(user.messages()).toHaveLength(1);
    expect(user.callbackAnswers()).toMatchObject([{ text: "Processing", show_alert: false }]);
    await expect(bot.api.editMessageText(user.id, offer.message_id, "Paid ✅")).rejects.toMatchObject({
      error_code: 400,
      description: NOT_MODIFIED,
    });
    const queryId = telegram.calls("answerCallbackQuery")[0]?.payload.callback_query_id as string;
    await expect(bot.api.answerCallbackQuery(queryId)).rejects.toMatchObject({
      description: "Bad Request: query is too old and response timeout expired or query ID is invalid",
    });
    await expect(user.press("Pay")).rejects.toThrow(/No inline button matching "Pay"/);
  });

  it("rejects callback_data over 64 bytes and malformed HTML like Telegram", async () => {
    const telegram = await fake();
    const user = telegram.user({ id: 1003 });
    const client = api(telegram);
    const keyboard = (data: string) => ({ inline_keyboard: [[{ text: "x", callback_data: data }]] });

    await expect(client.sendMessage(user.id, "hi", { reply_markup: keyboard("é".repeat(33)) })).rejects.toMatchObject({
      error_code: 400,
      description: "Bad Request: BUTTON_DATA_INVALID",
    });
    await expect(client.sendMessage(user.id, "hi", { reply_markup: keyboard("x".repeat(64)) })).resolves.toBeDefined();

    const html = (text: string) => client.sendMessage(user.id, text, { parse_mode: "HTML" });
    await expect(html("1 <foo> 2")).rejects.toMatchObject({
      description: `Bad Request: can't parse entities: Unsupported start tag "foo" at byte offset 2`,
    });
    await expect(html("<b>open")).rejects.toMatchObject({
      description: `Bad Request: can't parse entities: Can't find end tag corresponding to start tag "b"`,
    });
    await expect(html("<b><i>test</b></i>")).rejects.toMatchObject({
      description: `Bad Request: can't parse entities: Unmatched end tag at byte offset 10, expected "</i>", found "</b>"`,
    });
    await expect(client.sendMessage(user.id, "x".repeat(4097))).rejects.toMatchObject({
      description: "Bad Request: message is too long",
    });
    // Counted after entity parsing, as on Telegram: tags cost nothing, an entity one character.
    await expect(html(`<b>${"&amp;".repeat(4096)}</b>`)).resolves.toBeDefined();
    await expect(html(`<b>${"&amp;".repeat(4097)}</b>`)).rejects.toMatchObject({ description: "Bad Request: message is too long" });
    await expect(client.sendMessage(999, "hi")).rejects.toMatchObject({ description: "Bad Request: chat not found" });
    const sent = await html("&lt;ok&gt; &quot;a&quot; &nbsp; <code>x</code>");
    expect(sent.text).toBe(`<ok> "a" &nbsp; x`);
    expect(sent.entities).toEqual([{ type: "code", offset: 16, length: 1 }]);
  });

  it("answers 429 with retry_after when one chat is flooded", async () => {
    const telegram = await fake({ rateLimits: {} });
    const user = telegram.user({ id: 1004 });
    const client = api(telegram);

    for (let i = 0; i < 3; i++) await client.sendMessage(user.id, `burst ${i}`);
    const flood = await client.sendMessage(user.id, "one too many").catch((error: unknown) => error);

    expect(flood).toMatchObject({ error_code: 429, description: "Too Many Requests: retry after 1" });
    expect((flood as { parameters: { retry_after: number } }).parameters.retry_after).toBeGreaterThanOrEqual(1);
    expect(telegram.stats.tooManyRequests).toEqual({ total: 1, byMethod: { sendMessage: 1 } });
    expect(user.messages()).toHaveLength(3);
  });

  it("limits messages across chats to the global rate", async () => {
    const telegram = await fake({ rateLimits: { globalPerSecond: 5 } });
    const client = api(telegram);
    const users = Array.from({ length: 6 }, (_, i) => telegram.user({ id: 2000 + i }));

    const results = await Promise.allSettled(users.map((user) => client.sendMessage(user.id, "broadcast")));

    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
    expect(telegram.stats.tooManyRequests.byMethod.sendMessage).toBe(1);
  });

  it("ends an earlier getUpdates with 409 when a second poller arrives", async () => {
    const telegram = await fake();
    const first = api(telegram).getUpdates({ timeout: 10 });
    const outcome = first.catch((error: unknown) => error);
    await expect.poll(() => telegram.calls("getUpdates").length).toBe(1);

    await api(telegram).getUpdates({ timeout: 0 });

    expect(await outcome).toMatchObject({
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
  });

  it("redelivers updates a poller took but never confirmed", async () => {
    const telegram = await fake();
    const user = telegram.user({ id: 1005 });
    await user.send("hello");
    const client = api(telegram);

    const firstTry = await client.getUpdates();
    const secondTry = await client.getUpdates(); // same offset: nothing confirmed yet
    expect(secondTry.map((u) => u.update_id)).toEqual(firstTry.map((u) => u.update_id));

    await pollingBot(telegram, (bot) => bot.on("message:text", (ctx) => ctx.reply(`got ${ctx.message.text}`)));
    await user.waitForMessage({ match: "got hello", after: 0 });
    await expect.poll(() => telegram.pendingUpdates()).toBe(0);
  });

  it("delivers to a webhook with the secret header, retrying a failed delivery", async () => {
    const telegram = await fake({ webhookRetry: { delayMs: 20 } });
    const user = telegram.user({ id: 1006 });
    const bot = new Bot(telegram.token, { client: { apiRoot: telegram.apiRoot } });
    bot.command("start", (ctx) => ctx.reply("hi from webhook"));
    await bot.init();
    const handle = webhookCallback(bot, "http", { secretToken: "s3cret_token" });
    const secrets: (string | undefined)[] = [];
    const server: Server = createServer((req, res) => {
      secrets.push(req.headers["x-telegram-bot-api-secret-token"] as string | undefined);
      if (secrets.length === 1) {
        res.writeHead(500).end(); // the first delivery fails; Telegram retries
        return;
      }
      void handle(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        }),
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

    await bot.api.setWebhook(url, { secret_token: "s3cret_token" });
    await user.send("/start");

    await user.waitForMessage({ match: "hi from webhook" });
    expect(secrets).toEqual(["s3cret_token", "s3cret_token"]);
    await expect.poll(() => telegram.pendingUpdates()).toBe(0);
    expect(telegram.webhook()).toMatchObject({ url, secret_token: "s3cret_token" });
    expect(telegram.webhook().last_error_message).toContain("500");
    await expect(bot.api.getUpdates()).rejects.toMatchObject({
      error_code: 409,
      description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    await bot.api.deleteWebhook();
    expect(telegram.webhook().url).toBe("");
  });

  it("records an uploaded document's name and content", async () => {
    const telegram = await fake();
    const user = telegram.user({ id: 1007 });
    const client = api(telegram);
    const csv = "id,amount\n1,100\n";

    const sent = await client.sendDocument(user.id, new InputFile(Buffer.from(csv), "report.csv"), {
      caption: "<b>Report</b>",
      parse_mode: "HTML",
    });

    expect(sent.document).toMatchObject({ file_name: "report.csv", mime_type: "text/csv", file_size: csv.length });
    expect(user.lastMessage()).toMatchObject({ text: "Report", document: { file_name: "report.csv", content: csv } });
    expect(telegram.calls("sendDocument")[0]?.payload).toMatchObject({
      chat_id: String(user.id),
      document: { filename: "report.csv", content: csv, size: csv.length },
    });
    const again = await client.sendDocument(user.id, sent.document.file_id);
    expect(again.document.file_id).toBe(sent.document.file_id);
  });

  it("refuses sends to a user who blocked the bot and tells the bot via my_chat_member", async () => {
    const telegram = await fake();
    const user = telegram.user({ id: 1008 });
    user.block();

    await expect(api(telegram).sendMessage(user.id, "promo")).rejects.toMatchObject({
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    const [update] = await api(telegram).getUpdates();
    expect(update?.my_chat_member?.new_chat_member.status).toBe("kicked");
  });

  it("stores commands per scope and language and resolves what a user sees", async () => {
    const telegram = await fake();
    const admin = telegram.user({ id: 1, language_code: "en" });
    const reseller = telegram.user({ id: 1009, language_code: "id" });
    const client = api(telegram);

    await client.setMyCommands([{ command: "start", description: "Start" }]);
    await client.setMyCommands([{ command: "start", description: "Mulai" }], { language_code: "id" });
    await client.setMyCommands(
      [
        { command: "start", description: "Start" },
        { command: "admin", description: "Admin panel" },
      ],
      { scope: { type: "chat", chat_id: admin.id } },
    );

    expect(admin.commands().map((c) => c.command)).toEqual(["start", "admin"]);
    expect(reseller.commands()).toEqual([{ command: "start", description: "Mulai" }]);
    expect(telegram.commandsFor({ type: "default" }, "id")).toEqual([{ command: "start", description: "Mulai" }]);
    await expect(client.setMyCommands([{ command: "Bad Command", description: "x" }])).rejects.toMatchObject({
      description: "Bad Request: BOT_COMMAND_INVALID",
    });
  });

  it("copies a replied-to message, deletes messages and reports what it saw on a timeout", async () => {
    const telegram = await fake();
    const admin = telegram.user({ id: 1 });
    const reseller = telegram.user({ id: 1011, username: "rs" });
    const client = api(telegram);

    const promo = await admin.send("Promo: 50% off");
    const command = await admin.send("/broadcast", { replyTo: promo.message_id });
    expect(command.reply_to_message?.message_id).toBe(promo.message_id);
    const copy = await client.copyMessage(reseller.id, admin.id, promo.message_id);
    expect(reseller.lastMessage()).toMatchObject({ message_id: copy.message_id, text: "Promo: 50% off" });
    await expect(client.copyMessage(reseller.id, admin.id, 999)).rejects.toMatchObject({
      description: "Bad Request: message to copy not found",
    });

    await client.deleteMessage(reseller.id, copy.message_id);
    expect(reseller.messages()).toMatchObject([{ message_id: copy.message_id, deleted: true }]);
    expect(reseller.lastMessage()).toBeUndefined();
    await expect(client.deleteMessage(reseller.id, copy.message_id)).rejects.toMatchObject({
      description: "Bad Request: message to delete not found",
    });
    expect(await client.getChat(reseller.id)).toMatchObject({ id: reseller.id, type: "private", username: "rs" });
    await expect(client.sendChatAction(reseller.id, "typing")).resolves.toBe(true);
    await expect(reseller.waitForMessage({ match: "never", timeoutMs: 50 })).rejects.toThrow(
      /Timed out after 50 ms[\s\S]*\(deleted\)[\s\S]*copyMessage → Bad Request: message to copy not found/,
    );
  });

  it("answers 401 for a wrong token, 404 for an unknown method, and injected failures", async () => {
    const telegram = await fake();
    const user = telegram.user({ id: 1010 });
    const post = (path: string) => fetch(`${telegram.apiRoot}${path}`, { method: "POST" }).then((r) => r.json());

    expect(await post("/bot1:wrong/getMe")).toEqual({ ok: false, error_code: 401, description: "Unauthorized" });
    expect(await post(`/bot${telegram.token}/getme`)).toMatchObject({ ok: true, result: { is_bot: true } });
    const notFound = { ok: false, error_code: 404, description: "Not Found" };
    expect(await post(`/bot${telegram.token}/noSuchMethod`)).toEqual(notFound);

    telegram.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" });
    await expect(api(telegram).sendMessage(user.id, "a")).rejects.toMatchObject({ error_code: 500 });
    await expect(api(telegram).sendMessage(user.id, "b")).resolves.toMatchObject({ text: "b" });
  });
});
