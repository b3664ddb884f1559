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
 */
export { startFakeTelegram, type FakeTelegram, type FakeTelegramOptions } from "./server.js";
export { FakeUser, type ButtonInfo, type ButtonQuery, type UserInit, type WaitForMessageOptions } from "./user.js";
export type { ApiFailure } from "./api-error.js";
export type { ApiCall, ApiResponse } from "./core.js";
export type { UploadedFile } from "./multipart.js";
export { DEFAULT_RATE_LIMITS, type RateLimitOptions } from "./rate-limit.js";
export type { BotMessage, CallbackAnswer, ChatEvent, StoredFile } from "./state.js";
export type { NewUpdate } from "./updates.js";
export type { WebhookRetry } from "./webhook.js";
