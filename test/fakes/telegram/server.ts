import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import type { BotCommand, BotCommandScope, Update, User, UserFromGetMe, WebhookInfo } from "grammy/types";
import { Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ApiError, type ApiFailure } from "./api-error.js";
import { CommandStore } from "./commands.js";
import type { ApiCall, ApiResponse, FakeCore } from "./core.js";
import { createGroup, type FakeGroup, type GroupDirectory, type GroupInit } from "./fake-group.js";
import { findMethod } from "./methods/index.js";
import { Params, readPayload } from "./params.js";
import { RateLimiter, type RateLimitOptions } from "./rate-limit.js";
import { FakeState, snapshot, type BotMessage } from "./state.js";
import { UpdateQueue, type NewUpdate } from "./updates.js";
import { FakeUser, type UserInit } from "./user.js";
import { Webhook, type WebhookRetry } from "./webhook.js";

export interface FakeTelegramOptions {
  /** Default "123456789:TEST-token-for-the-fake-bot-api". */
  token?: string;
  /** Telegram-like flood limits (see rate-limit.ts for defaults); false turns them off. */
  rateLimits?: RateLimitOptions | false;
  /** Default "fake_reseller_bot". */
  botUsername?: string;
  /** Webhook redelivery; default 5 attempts, 200 ms apart. */
  webhookRetry?: Partial<WebhookRetry>;
  /**
   * The bot's group privacy mode (BotFather's /setprivacy); default true, as for every new bot:
   * getMe says can_read_all_group_messages: false and, where the bot is not an admin, only
   * commands, replies to it and service messages reach it.
   */
  groupPrivacy?: boolean;
}

export interface FakeTelegram {
  readonly apiRoot: string;
  readonly token: string;
  readonly botInfo: UserFromGetMe;
  /** 429 answers given (rate limits and injected ones). */
  readonly stats: { tooManyRequests: { total: number; byMethod: Record<string, number> } };
  /** A user with a private chat (chat.id === user id); the same object for the same id. */
  user(init: UserInit): FakeUser;
  /**
   * A group or supergroup (default: a non-forum supergroup with the bot as administrator); the
   * same object for an existing `id` (including the supergroup a migrate() made).
   */
  group(init?: GroupInit): FakeGroup;
  /** Every API call so far, or those of one method. */
  calls(method?: string): ApiCall[];
  /** Every message the bot sent, to any chat, edits applied. */
  sentMessages(): BotMessage[];
  /** Queues a raw update; update_id is assigned when missing. */
  pushUpdate(update: NewUpdate): Update;
  /** Updates not yet confirmed by the bot. */
  pendingUpdates(): number;
  /** getWebhookInfo, plus the secret token in use. */
  webhook(): WebhookInfo & { secret_token?: string };
  /** The commands stored for exactly this scope and language (like getMyCommands). */
  commandsFor(scope?: BotCommandScope, languageCode?: string): BotCommand[];
  /** Makes the next `times` calls of `method` fail with `error` instead of running. */
  failNext(method: string, error: ApiFailure, times?: number): void;
  /** Observes every call once it is answered. Returns an unsubscribe function. */
  onCall(listener: (call: ApiCall) => void): () => void;
  close(): Promise<void>;
}

const DEFAULT_TOKEN = "123456789:TEST-token-for-the-fake-bot-api";

function makeBotInfo(token: string, username: string, groupPrivacy: boolean): UserFromGetMe {
  const id = Number(token.split(":")[0]);
  return {
    id: Number.isSafeInteger(id) && id > 0 ? id : 123456789,
    is_bot: true,
    first_name: "Fake Bot",
    username,
    can_join_groups: true,
    can_read_all_group_messages: !groupPrivacy,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}

/** Starts a fake Telegram Bot API on 127.0.0.1 (random port). */
export async function startFakeTelegram(options: FakeTelegramOptions = {}): Promise<FakeTelegram> {
  const token = options.token ?? DEFAULT_TOKEN;
  const botInfo = makeBotInfo(token, options.botUsername ?? "fake_reseller_bot", options.groupPrivacy ?? true);
  const botUser: User = { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username };
  const updates = new UpdateQueue();
  const core: FakeCore = {
    botInfo,
    state: new FakeState(botUser),
    updates,
    webhook: new Webhook(updates, { attempts: 5, delayMs: 200, ...options.webhookRetry }),
    commands: new CommandStore(),
    menuButtons: new Map(),
    limiter: options.rateLimits === false ? undefined : new RateLimiter(options.rateLimits),
    calls: [],
  };
  const stats: FakeTelegram["stats"] = { tooManyRequests: { total: 0, byMethod: {} } };
  const injected = new Map<string, { error: ApiFailure; remaining: number }[]>();
  const listeners = new Set<(call: ApiCall) => void>();
  const users = new Map<number, FakeUser>();
  const groups: GroupDirectory = new Map();
  const warnedMethods = new Set<string>();

  const takeInjected = (method: string): ApiFailure | undefined => {
    const queue = injected.get(method.toLowerCase());
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    if (--next.remaining <= 0) queue.shift();
    return next.error;
  };

  const app = new Hono();
  app.notFound((c) => c.json({ ok: false, error_code: 404, description: "Not Found" }, 404));
  // Downloads of files getFile gave a path, as from https://api.telegram.org/file/bot<token>/<file_path>.
  app.get("/file/:bot/*", (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname.split("/").slice(3).join("/"));
    const file = c.req.param("bot") === `bot${token}` ? core.state.filePaths.get(path) : undefined;
    if (!file) return c.json({ ok: false, error_code: 404, description: "Not Found" }, 404);
    const body = new Uint8Array(file.bytes ?? Buffer.from(file.content, "utf8"));
    return c.body(body, 200, { "content-type": file.mime_type ?? "application/octet-stream" });
  });
  app.all("/:bot/:method", async (c) => {
    const found = findMethod(c.req.param("method"));
    const call: ApiCall = { method: found?.name ?? c.req.param("method"), payload: {}, at: Date.now() };
    core.calls.push(call);
    let response: ApiResponse;
    try {
      if (c.req.param("bot") !== `bot${token}`) throw new ApiError(401, "Unauthorized");
      call.payload = await readPayload(c.req.raw);
      if (!found) {
        if (!warnedMethods.has(call.method)) {
          warnedMethods.add(call.method);
          console.warn(`[fake-telegram] "${call.method}" is not implemented by the fake; answering 404 Not Found`);
        }
        throw new ApiError(404, "Not Found");
      }
      const failure = takeInjected(found.name);
      if (failure) throw new ApiError(failure.error_code, failure.description, failure.parameters);
      const result = await found.handler({ core, params: new Params(call.payload), signal: c.req.raw.signal });
      // A copy: handlers return live state that later edits change.
      response = { ok: true, result: structuredClone(result) };
    } catch (error) {
      if (!(error instanceof ApiError)) console.error("[fake-telegram] handler crashed:", error);
      const failure = error instanceof ApiError ? error : new ApiError(500, `Internal Server Error: ${String(error)}`);
      response = { ok: false, ...failure.toJSON() };
      if (failure.error_code === 429) {
        stats.tooManyRequests.total++;
        stats.tooManyRequests.byMethod[call.method] = (stats.tooManyRequests.byMethod[call.method] ?? 0) + 1;
      }
    }
    call.response = response;
    for (const listener of [...listeners]) listener(call);
    return c.json(response, (response.ok ? 200 : response.error_code) as ContentfulStatusCode);
  });

  // overrideGlobalObjects: false keeps Request/Response untouched for the bot code in the same process.
  const server = createAdaptorServer({ fetch: app.fetch, overrideGlobalObjects: false }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${port}`,
    token,
    botInfo,
    stats,
    user(init) {
      let user = users.get(init.id);
      if (!user) {
        const record = core.state.addChat({
          id: init.id,
          is_bot: false,
          first_name: init.first_name ?? `User ${init.id}`,
          ...(init.username ? { username: init.username } : {}),
          ...(init.language_code ? { language_code: init.language_code } : {}),
        });
        user = new FakeUser(core, record);
        users.set(init.id, user);
      }
      return user;
    },
    group(init = {}) {
      const existing = init.id === undefined ? undefined : groups.get(init.id);
      return existing ?? createGroup(core, groups, init);
    },
    calls: (method) => core.calls.filter((call) => method === undefined || call.method.toLowerCase() === method.toLowerCase()),
    sentMessages: () => core.state.sent.map(snapshot),
    pushUpdate: (update) => updates.push(update),
    pendingUpdates: () => updates.size,
    webhook: () => {
      const secret = core.webhook.config?.secretToken;
      return { ...core.webhook.info(), ...(secret ? { secret_token: secret } : {}) };
    },
    commandsFor: (scope, languageCode) => core.commands.get(scope, languageCode),
    failNext(method, error, times = 1) {
      const key = method.toLowerCase();
      injected.set(key, [...(injected.get(key) ?? []), { error, remaining: times }]);
    },
    onCall(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      core.webhook.close();
      updates.endPoll();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
