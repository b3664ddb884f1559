import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { type Parsed, parseCurrency, splitWords } from "./args.js";
import { adminCommand, adminId, replyLines } from "./command.js";
import type { AdminKit } from "./kit.js";

export type PayeeArgs = { op: "list" } | { op: "add"; currency: string; label: string; details: string } | { op: "remove"; id: number };

const MAX_LABEL = 40;
const MAX_DETAILS = 300;
/** adminCommand shows the command's own usage line for this key. */
const USAGE = "usage";
const usage = (): Parsed<PayeeArgs> => ({ ok: false, error: { key: USAGE } });

/** `list` (or nothing), `add <currency> <label> <details…>`, `remove <id>`. */
export function parsePayeeArgs(text: string): Parsed<PayeeArgs> {
  const { words, rest } = splitWords(text, 3);
  const [op, a, b] = words;
  if (op === undefined || op === "list") return words.length <= 1 ? { ok: true, value: { op: "list" } } : usage();
  if (op === "remove")
    return a !== undefined && /^\d{1,9}$/.test(a) && b === undefined ? { ok: true, value: { op, id: Number(a) } } : usage();
  if (op !== "add" || a === undefined || b === undefined || rest === "") return usage();
  const currency = parseCurrency(a);
  if (!currency.ok) return currency;
  if (b.length > MAX_LABEL || rest.length > MAX_DETAILS)
    return { ok: false, error: { key: "payee-too-long", args: { label: MAX_LABEL, details: MAX_DETAILS } } };
  return { ok: true, value: { op, currency: currency.value, label: b, details: rest } };
}

/** /payee: the operator's accounts resellers transfer to, per currency (SPEC §6). */
export function payeeCommands(kit: AdminKit) {
  const c = new Composer<BotContext>();
  adminCommand(c, "payee", parsePayeeArgs, async (ctx, a) => {
    if (a.op === "add") {
      const p = await kit.payees.add(adminId(ctx), a);
      return ctx.reply(ctx.tr("payee-added", { id: p.id, currency: p.currency, label: p.label, details: p.details }));
    }
    if (a.op === "remove")
      return ctx.reply(ctx.tr((await kit.payees.remove(adminId(ctx), a.id)) ? "payee-removed" : "payee-not-found", { id: a.id }));
    const list = await kit.payees.list();
    if (list.length === 0) return ctx.reply(ctx.tr("payee-none"));
    await replyLines(ctx, [
      ctx.tr("payee-title"),
      ...list.map((p) => ctx.tr("payee-line", { id: p.id, currency: p.currency, label: p.label, details: p.details })),
    ]);
  });
  return c;
}
