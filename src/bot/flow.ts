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

/**
 * The flow's user. A conversation is entered from a user's update and resumed only by that
 * user's updates (keyed by chat and user), so a step without a sender is a broken invariant.
 */
export function flowUser(ctx: FlowContext): number {
  const id = ctx.from?.id;
  if (id === undefined) throw new Error("a conversation step arrived without a sender");
  return id;
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
