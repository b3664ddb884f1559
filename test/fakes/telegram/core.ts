import type { MenuButton, UserFromGetMe } from "grammy/types";
import type { ApiFailure } from "./api-error.js";
import type { CommandStore } from "./commands.js";
import type { Params, Payload } from "./params.js";
import type { RateLimiter } from "./rate-limit.js";
import type { FakeState } from "./state.js";
import type { UpdateQueue } from "./updates.js";
import type { Webhook } from "./webhook.js";

export type ApiResponse = { ok: true; result: unknown } | ({ ok: false } & ApiFailure);

/** One request the bot made, with what the fake answered (absent while a long poll is held). */
export interface ApiCall {
  method: string;
  /** Parameters as received; an uploaded file appears as { filename, content, size }. */
  payload: Payload;
  /** Epoch milliseconds. */
  at: number;
  response?: ApiResponse;
}

/** Everything the method handlers and fake users share. */
export interface FakeCore {
  botInfo: UserFromGetMe;
  state: FakeState;
  updates: UpdateQueue;
  webhook: Webhook;
  commands: CommandStore;
  menuButtons: Map<string, MenuButton>;
  /** Undefined when rate limiting is off. */
  limiter: RateLimiter | undefined;
  calls: ApiCall[];
}

export interface MethodContext {
  core: FakeCore;
  params: Params;
  /** Aborts when the client disconnects (grammY aborts its long poll on bot.stop()). */
  signal: AbortSignal;
}

export type MethodHandler = (context: MethodContext) => unknown;
