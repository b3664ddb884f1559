/**
 * A fake Telegram Bot API for end-to-end tests: a real HTTP server that a grammY bot talks
 * to through `client.apiRoot`, with Telegram's validation, errors, flood limits, long
 * polling and webhook delivery.
 *
 *   const telegram = await startFakeTelegram();
 *   const bot = new Bot(telegram.token, { client: { apiRoot: telegram.apiRoot } });
 *   const user = telegram.user({ id: 1001 });   // create users before the bot messages them
 *   await user.send("/start");
 *   const reply = await user.waitForMessage({ match: /welcome/i });
 *   await user.press("Buy");
 *
 *   const team = telegram.group({ title: "Operators", forum: true });   // bot is admin by default
 *   const ana = team.member({ id: 2001, first_name: "Ana" });
 *   const topic = team.createTopic("Tickets");
 *   await ana.send("/claim", { thread: topic.message_thread_id });
 *   await team.waitForMessage({ thread: topic.message_thread_id, match: /claimed/ });
 */
export { startFakeTelegram, type FakeTelegram, type FakeTelegramOptions } from "./server.js";
export { FakeUser, type ButtonInfo, type ButtonQuery, type UserInit, type WaitForMessageOptions } from "./user.js";
export { FakeGroup, type GroupInit, type GroupWaitOptions, type MemberOptions, type ThreadFilter } from "./fake-group.js";
export { FakeMember, type MemberPressOptions, type MemberSendOptions } from "./member.js";
export type { AdminRights } from "./groups.js";
export type { DocumentInput, PhotoInput } from "./content.js";
export { TOPIC_COLORS } from "./topics.js";
export type { ApiFailure } from "./api-error.js";
export type { ApiCall, ApiResponse } from "./core.js";
export type { UploadedFile } from "./multipart.js";
export { DEFAULT_RATE_LIMITS, type RateLimitOptions } from "./rate-limit.js";
export type { BotMessage, CallbackAnswer, ChatEvent, StoredFile } from "./state.js";
export type { NewUpdate } from "./updates.js";
export type { WebhookRetry } from "./webhook.js";
