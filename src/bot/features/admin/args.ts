import { GRANTABLE_ROLES, type GrantableRole } from "../../../domain/team/permissions.js";
/**
 * Strict parsing of admin command arguments. Every parser takes the text after the command
 * and returns a value or an error naming a locale message: "usage" means the shape is wrong
 * and the command's own usage text is shown; other keys explain what exactly was wrong.
 * Nothing here throws, whatever the input.
 */
import { z } from "zod";
import { money, type MessageArgs } from "../../../domain/notifications.js";
import { CURRENCIES, isCurrency, parseMajorToMinor } from "../../../lib/money.js";
import { TIERS, type Tier } from "../../../domain/tiers.js";
import { escapeHtml } from "../../i18n.js";

export interface ArgError {
  key: string;
  args?: MessageArgs;
}
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ArgError };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(key: string, args?: MessageArgs): Parsed<T> => ({ ok: false, error: { key, args } });
const usage = <T>(): Parsed<T> => fail("usage");

/** A typo guard (one stray zero too many) that also keeps every sum exact in Redis's doubles. */
export const MAX_ADMIN_AMOUNT = 1_000_000_000_000;
export const MAX_NOTE_LENGTH = 200;
/** Telegram allows 4096 characters after HTML escaping; the broadcast template adds a few. */
export const MAX_BROADCAST_LENGTH = 4000;
export const MAX_AUDIT_ROWS = 50;
export const DEFAULT_AUDIT_ROWS = 10;

/** A Telegram user id, or an @username (Telegram's rules: a letter first, 3–32 characters here). */
export const userRef = z.string().regex(/^(?:[1-9]\d{0,14}|@[A-Za-z][A-Za-z0-9_]{2,31})$/);
const tier = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.enum(TIERS as [Tier, ...Tier[]]));
/** 0–1000 %, at most two decimals (markups are stored in basis points); "12,5" and "12.5%" accepted. */
const percent = z
  .string()
  .regex(/^\d{1,4}(?:[.,]\d{1,2})?%?$/)
  .transform((s) => Number(s.replace("%", "").replace(",", ".")))
  .pipe(z.number().min(0).max(1000));
/** Our order id or a provider's transaction id, as /status accepts them. */
const orderRef = z.string().regex(/^[A-Za-z0-9_-]{4,64}$/);
/** "sku" or "provider:sku". */
const productRef = z
  .string()
  .regex(/^(?:[a-z]{2,20}:)?[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/)
  .transform((s) => {
    const i = s.indexOf(":");
    return i < 0 ? { sku: s } : { provider: s.slice(0, i), sku: s.slice(i + 1) };
  });

/** Whitespace-separated words of the whole text. */
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
const word = z.string();

/** Splits off the first `n` words; the rest is free text (a note). */
export function splitWords(text: string, n: number): { words: string[]; rest: string } {
  const out: string[] = [];
  let rest = text.trim();
  while (out.length < n && rest !== "") {
    // rest is trimmed and not empty: it starts with a word.
    const [all, first = ""] = /^(\S+)\s*/.exec(rest) ?? [rest, rest];
    out.push(first);
    rest = rest.slice(all.length);
  }
  return { words: out, rest };
}

/** For commands that take nothing: anything after them is a mistake worth pointing out. */
export function parseNone(text: string): Parsed<undefined> {
  return text.trim() === "" ? ok(undefined) : fail("admin-no-arguments");
}

/** `<user>` */
export function parseUserRef(text: string): Parsed<string> {
  const w = z.tuple([userRef]).safeParse(words(text));
  return w.success ? ok(w.data[0]) : usage();
}

export function parseCurrency(text: string): Parsed<string> {
  const code = text.toUpperCase();
  return /^[A-Z]{3,5}$/.test(code) && isCurrency(code)
    ? ok(code)
    : fail("admin-bad-currency", { currency: text, known: CURRENCIES.join(", ") });
}

/** An amount as people write it ("50000", "50.000", "12.50" for USD) in a known currency, to minor units. */
export function parseAmount(text: string, currency: string): Parsed<number> {
  const minor = parseMajorToMinor(text, currency);
  if (minor === undefined) return fail("admin-bad-amount", { amount: text, currency });
  if (minor > MAX_ADMIN_AMOUNT) return fail("admin-amount-too-large", { max: money(MAX_ADMIN_AMOUNT, currency) });
  return ok(minor);
}

export interface WalletArgs {
  ref: string;
  amount: number;
  currency: string;
  note?: string;
}

/** `<user> <amount> <currency> [note]` */
export function parseWalletArgs(text: string): Parsed<WalletArgs> {
  const { words: w, rest } = splitWords(text, 3);
  const [ref, amountText, currencyText] = w;
  if (ref === undefined || amountText === undefined || currencyText === undefined || !userRef.safeParse(ref).success) return usage();
  const currency = parseCurrency(currencyText);
  if (!currency.ok) return currency;
  const amount = parseAmount(amountText, currency.value);
  if (!amount.ok) return amount;
  const note = rest.replace(/\s+/g, " ").trim();
  if (note.length > MAX_NOTE_LENGTH) return fail("admin-note-too-long", { max: MAX_NOTE_LENGTH });
  return ok({ ref, amount: amount.value, currency: currency.value, ...(note ? { note } : {}) });
}

function parseTier(text: string): Parsed<Tier> {
  const t = tier.safeParse(text);
  return t.success ? ok(t.data) : fail("admin-bad-tier", { tier: text, tiers: TIERS.join(", ") });
}

/** `<user> <tier>` */
export function parseTierArgs(text: string): Parsed<{ ref: string; tier: Tier }> {
  const w = z.tuple([userRef, word]).safeParse(words(text));
  if (!w.success) return usage();
  const [ref, typed] = w.data;
  const t = parseTier(typed);
  return t.ok ? ok({ ref, tier: t.value }) : t;
}

/** `<tier> <percent>` */
export function parseMarkupArgs(text: string): Parsed<{ tier: Tier; percent: number }> {
  const w = z.tuple([word, word]).safeParse(words(text));
  if (!w.success) return usage();
  const [typedTier, typedPercent] = w.data;
  const t = parseTier(typedTier);
  if (!t.ok) return t;
  const p = percent.safeParse(typedPercent);
  return p.success ? ok({ tier: t.value, percent: p.data }) : fail("admin-bad-percent", { percent: typedPercent });
}

export interface PriceArgs {
  product: { provider?: string; sku: string };
  /** The amount as typed: its currency is the product's, known only once it is found. */
  amount: string | "auto";
}

/** `<product id> <amount|auto>` */
export function parsePriceArgs(text: string): Parsed<PriceArgs> {
  const w = z.tuple([productRef, word]).safeParse(words(text));
  if (!w.success) return usage();
  const [product, typed] = w.data;
  const amount = typed.toLowerCase() === "auto" ? "auto" : typed;
  if (amount !== "auto" && !/^\d[\d.,_]*$/.test(amount)) return usage();
  return ok({ product, amount });
}

/** `<order id>` */
export function parseOrderRef(text: string): Parsed<string> {
  const w = z.tuple([orderRef]).safeParse(words(text));
  return w.success ? ok(w.data[0]) : usage();
}

/** A provider's own order id as its webhooks carry it. */
const providerOrderRef = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/);

/** `<order id> <provider order id>` */
export function parseLinkArgs(text: string): Parsed<{ ref: string; providerOrderId: string }> {
  const w = z.tuple([orderRef, providerOrderRef]).safeParse(words(text));
  if (!w.success) return usage();
  const [ref, providerOrderId] = w.data;
  return ok({ ref, providerOrderId });
}

export type BroadcastArgs = { kind: "send"; text: string } | { kind: "progress" };

/** `<text>`, or the text of the message `/broadcast` replies to; nothing at all asks for progress. */
export function parseBroadcast(text: string, repliedText?: string): Parsed<BroadcastArgs> {
  const body = text.trim() || repliedText?.trim() || "";
  if (body === "") return ok({ kind: "progress" });
  if (escapeHtml(body).length > MAX_BROADCAST_LENGTH) return fail("admin-broadcast-too-long", { max: MAX_BROADCAST_LENGTH });
  return ok({ kind: "send", text: body });
}

export type MaintenanceArgs =
  | { kind: "list" }
  | { kind: "set"; scope: "bot" | "provider" | "product"; target: string; on: boolean; note?: string };

/** A provider id as the registry names them. */
const providerWord = /^[a-z]{2,20}$/;
/** A product id as /price and the price list show it: `provider:sku`. */
const productWord = /^([a-z]{2,20}):([A-Za-z0-9][A-Za-z0-9_.-]{0,63})$/;
const onOff = (w: string | undefined) => (w?.toLowerCase() === "on" ? true : w?.toLowerCase() === "off" ? false : undefined);

/**
 * `on|off [note]` (the whole bot), `<provider> on|off [note]`, `<provider:sku> on|off [note]`;
 * nothing lists what is in maintenance. Whether the provider or product exists is the handler's.
 */
export function parseMaintenance(text: string): Parsed<MaintenanceArgs> {
  const first = splitWords(text, 1);
  const head = first.words[0];
  if (head === undefined) return ok({ kind: "list" });
  let scope: "bot" | "provider" | "product";
  let target = "";
  let on = onOff(head);
  let rest = first.rest;
  if (on !== undefined) scope = "bot";
  else {
    const second = splitWords(first.rest, 1);
    on = onOff(second.words[0]);
    if (on === undefined) return usage();
    rest = second.rest;
    const product = productWord.exec(head);
    if (product) {
      scope = "product";
      target = `${product[1]}:${product[2]}`;
    } else if (providerWord.test(head.toLowerCase())) {
      scope = "provider";
      target = head.toLowerCase();
    } else return usage();
  }
  const note = rest.replace(/\s+/g, " ").trim();
  if (note.length > MAX_NOTE_LENGTH) return fail("admin-note-too-long", { max: MAX_NOTE_LENGTH });
  return ok({ kind: "set", scope, target, on, ...(note ? { note } : {}) });
}

/** `[n]`, 1–50, default 10. */
export function parseAuditCount(text: string): Parsed<number> {
  const t = text.trim();
  if (t === "") return ok(DEFAULT_AUDIT_ROWS);
  if (!/^\d{1,3}$/.test(t)) return usage();
  const n = Number(t);
  return n >= 1 && n <= MAX_AUDIT_ROWS ? ok(n) : fail("admin-bad-audit-count", { max: MAX_AUDIT_ROWS });
}

export type RoleArgs = { list: true } | { list: false; ref: string; role: GrantableRole | "none" };

/** `/role` alone lists the team; `/role <user> <role>` gives one (none removes it). */
export function parseRoleArgs(text: string): Parsed<RoleArgs> {
  const { words, rest } = splitWords(text, 2);
  if (words.length === 0) return ok({ list: true });
  const [ref = "", role = ""] = words;
  if (words.length !== 2 || rest || !userRef.safeParse(ref).success) return usage();
  if (role !== "none" && !(GRANTABLE_ROLES as readonly string[]).includes(role)) return fail("team-role-unknown", { role });
  return ok({ list: false, ref, role: role as GrantableRole | "none" });
}
