import type { Composer, Context, Filter, NextFunction } from "grammy";
import type { Codec } from "./codec.js";

export type ButtonContext<C extends Context> = Filter<C, "callback_query:data">;

/**
 * Handles one button family: the data is unpacked by the family's codec and the handler gets its
 * values (and `next`, to pass the update on); data of any other family passes on, in the end to
 * features/unhandled.ts.
 */
export function onButton<C extends Context, T>(
  composer: Composer<C>,
  codec: Codec<T>,
  handler: (ctx: ButtonContext<C>, value: T, next: NextFunction) => unknown,
) {
  composer.on("callback_query:data", async (ctx, next) => {
    const value = codec.unpack(ctx.callbackQuery.data);
    if (value === undefined) return next();
    await handler(ctx, value, next);
  });
}
