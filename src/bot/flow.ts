import { type Conversation, createConversation } from "@grammyjs/conversations";
import type { Middleware } from "grammy";
import type { BaseContext, BotContext, FlowContext } from "./context.js";

export type Flow = Conversation<BotContext, FlowContext>;

/** A conversation's id with the arguments it is entered with, so `enter` is checked by the compiler. */
export interface FlowRef<A extends unknown[]> {
  readonly id: string;
  enter(ctx: BotContext, ...args: A): Promise<void>;
}

export function flowRef<A extends unknown[] = []>(id: string): FlowRef<A> {
  return { id, enter: (ctx, ...args) => ctx.conversation.enter(id, ...args) };
}

/** A conversation built for its ref; bot/index.ts installs it. */
export type FlowRegistration = Middleware<BotContext>;

export function registerFlow<A extends unknown[]>(
  ref: FlowRef<A>,
  builder: (conversation: Flow, ctx: FlowContext, ...args: A) => Promise<unknown>,
  opts: { maxMinutes: number },
): FlowRegistration {
  return createConversation<BaseContext, FlowContext>(builder, { id: ref.id, maxMillisecondsToWait: opts.maxMinutes * 60_000 });
}
