/**
 * /promo's arguments (SPEC §7), parsed strictly and without throwing, as args.ts does:
 *   add <CODE> <n%|amount CUR> [uses=N] [per=N] [until=YYYY-MM-DD] [min=amount] [product=<id>]
 *   list · off <CODE> · <CODE>
 * A percent has at most two decimals (10%, 12.5%); its discount rounds down to the currency's
 * unit, so the price rounds up. `min=` of an amount code is in the code's currency; a percent
 * code has no currency of its own, so its minimum names one (min=50000IDR) and it then applies
 * to orders in that currency only. `until=` is the last day the code works (UTC).
 */
import { normaliseCode } from "../../../domain/promos.js";
import type { NewPromo } from "../../../store/types.js";
import { type Parsed, parseAmount, parseCurrency } from "./args.js";

export type PromoArgs =
  | { op: "list" }
  | { op: "show"; code: string }
  | { op: "off"; code: string }
  | { op: "add"; promo: Omit<NewPromo, "createdBy"> };

const RESERVED = new Set(["ADD", "LIST", "OFF"]);
/** adminCommand shows the command's own usage line for this key. */
const USAGE = "usage";
const usage = <T>(): Parsed<T> => ({ ok: false, error: { key: USAGE } });
const fail = <T>(key: string, args?: Record<string, string | number>): Parsed<T> => ({ ok: false, error: { key, args } });
const DAY_MS = 24 * 3600_000;
const MAX_COUNT = 1_000_000;

function codeOf(text: string | undefined): Parsed<string> {
  const code = text === undefined ? undefined : normaliseCode(text);
  if (code === undefined || RESERVED.has(code)) return fail("promo-bad-code", { code: text ?? "" });
  return { ok: true, value: code };
}

/** 1–100 %, two decimals at most, to basis points. */
function percentOf(text: string): number | undefined {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?%$/.exec(text);
  if (!m) return undefined;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bp > 0 && bp <= 10_000 ? bp : undefined;
}

/** The end of day `YYYY-MM-DD` (UTC), as the instant the code stops working. */
function endOfDay(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const start = Date.parse(`${text}T00:00:00Z`);
  if (Number.isNaN(start) || new Date(start).toISOString().slice(0, 10) !== text) return undefined;
  return start + DAY_MS;
}

export function parsePromoArgs(text: string): Parsed<PromoArgs> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const [op, ...rest] = words;
  if (op === undefined || op.toLowerCase() === "list") return words.length <= 1 ? { ok: true, value: { op: "list" } } : usage();
  if (op.toLowerCase() === "off") {
    if (rest.length !== 1) return usage();
    const code = codeOf(rest[0]);
    return code.ok ? { ok: true, value: { op: "off", code: code.value } } : code;
  }
  if (op.toLowerCase() !== "add") {
    if (rest.length > 0) return usage();
    const code = codeOf(op);
    return code.ok ? { ok: true, value: { op: "show", code: code.value } } : code;
  }
  return parseAdd(rest);
}

function parseAdd(words: string[]): Parsed<PromoArgs> {
  const [rawCode, value, ...tail] = words;
  if (rawCode === undefined || value === undefined) return usage();
  const code = codeOf(rawCode);
  if (!code.ok) return code;
  let discount: NewPromo["discount"];
  let opts = tail;
  if (value.endsWith("%")) {
    const bp = percentOf(value);
    if (bp === undefined) return fail("promo-bad-percent", { value });
    discount = { kind: "percent", bp };
  } else {
    const [cur, ...more] = tail;
    if (cur === undefined || cur.includes("=")) return usage();
    const currency = parseCurrency(cur);
    if (!currency.ok) return currency;
    const amount = parseAmount(value, currency.value);
    if (!amount.ok) return amount;
    discount = { kind: "amount", amount: amount.value, currency: currency.value };
    opts = more;
  }
  const promo: Omit<NewPromo, "createdBy"> = { code: code.value, discount };
  const seen = new Set<string>();
  for (const opt of opts) {
    const eq = opt.indexOf("=");
    const key = eq > 0 ? opt.slice(0, eq).toLowerCase() : "";
    const v = opt.slice(eq + 1);
    if (!["uses", "per", "until", "min", "product"].includes(key) || v === "") return fail("promo-bad-option", { option: opt });
    if (seen.has(key)) return fail("promo-bad-option", { option: opt });
    seen.add(key);
    if (key === "uses" || key === "per") {
      if (!/^\d{1,7}$/.test(v) || Number(v) < 1 || Number(v) > MAX_COUNT) return fail("promo-bad-option", { option: opt });
      if (key === "uses") promo.maxUses = Number(v);
      else promo.perReseller = Number(v);
    } else if (key === "until") {
      const until = endOfDay(v);
      if (until === undefined) return fail("promo-bad-option", { option: opt });
      promo.until = until;
    } else if (key === "min") {
      const m = /^(.*?)([A-Za-z]{3,5})?$/.exec(v);
      const named = m?.[2]?.toUpperCase();
      const currency = discount.kind === "amount" ? discount.currency : named;
      if (currency === undefined) return fail("promo-min-currency", { option: opt });
      if (named !== undefined && named !== currency) return fail("promo-min-currency", { option: opt });
      const cur = parseCurrency(currency);
      if (!cur.ok) return cur;
      const amount = parseAmount(m?.[1] ?? "", cur.value);
      if (!amount.ok) return amount;
      promo.min = { amount: amount.value, currency: cur.value };
    } else {
      if (!/^(?:[a-z]{2,20}:)?[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(v)) return fail("promo-bad-option", { option: opt });
      promo.product = v;
    }
  }
  if (promo.maxUses !== undefined && promo.perReseller !== undefined && promo.perReseller > promo.maxUses)
    return fail("promo-bad-option", { option: `per=${promo.perReseller}` });
  return { ok: true, value: { op: "add", promo } };
}
