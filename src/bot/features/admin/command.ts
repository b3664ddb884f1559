import type { CommandContext, Composer, Filter } from "grammy";
import type { UserRecord } from "../../../store/types.js";
import type { AdminCommand } from "../../../domain/team/permissions.js";
import type { BotContext } from "../../context.js";
import type { Parsed } from "./args.js";
import type { AdminKit } from "./kit.js";

export type { AdminCommand } from "../../../domain/team/permissions.js";
/** An admin command's context: a message (never a channel post), so it has a sender and a chat. */
export type AdminCommandContext = CommandContext<Filter<BotContext, "message">>;

/**
 * Registers one admin command: its argument text is parsed strictly first, and a parse error
 * is answered with the command's usage (`admin-usage-<name>`) or the parser's own message.
 * Only installed behind the admin gate (index.ts), so `run` always has an admin sender.
 */
export function adminCommand<T>(
  c: Composer<BotContext>,
  name: AdminCommand,
  parse: (text: string, ctx: BotContext) => Parsed<T>,
  run: (ctx: AdminCommandContext, args: T) => Promise<unknown>,
): void {
  c.on("message").command(name, async (ctx) => {
    const parsed = parse(ctx.match, ctx);
    if (!parsed.ok) {
      const { key, args } = parsed.error;
      return void (await ctx.reply(key === "usage" ? ctx.tr(`admin-usage-${name}`) : ctx.tr(key, { command: name, ...args })));
    }
    await run(ctx, parsed.value);
  });
}

/** The admin's id (a command's or a button's sender). */
export const adminId = (ctx: { from: { id: number } }): number => ctx.from.id;

/** Resolves `<user>` (an id or an @username we have seen) or tells the admin we don't know them. */
export async function findUser(kit: AdminKit, ctx: BotContext, ref: string): Promise<UserRecord | undefined> {
  const user = await kit.resellers.resolve(ref);
  if (!user) await ctx.reply(ctx.tr("admin-user-not-found", { ref }));
  return user;
}

/** A user as most admin messages name them. Ids go to Fluent as strings: numbers would be grouped (1,234). */
export const who = (u: UserRecord) => ({ name: u.firstName, userId: String(u.id) });

const MAX_MESSAGE = 4000;

/**
 * Sends lines in as few messages as Telegram's 4096-character limit allows. A line is never
 * split (that could cut an HTML tag in two); callers keep single lines short.
 */
export async function replyLines(ctx: BotContext, lines: readonly string[]): Promise<void> {
  let chunk = "";
  for (const line of lines) {
    if (chunk && chunk.length + 1 + line.length > MAX_MESSAGE) {
      await ctx.reply(chunk);
      chunk = line;
    } else {
      chunk = chunk ? `${chunk}\n${line}` : line;
    }
  }
  if (chunk.trim()) await ctx.reply(chunk);
}
