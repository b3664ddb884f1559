/**
 * Currencies and integer money. Amounts are integers in the currency's minor unit. We use the
 * exponents people actually trade in, not always ISO 4217's: IDR and MMK are written without
 * decimals, so their minor unit is the whole unit.
 */
const EXPONENTS: Record<string, number> = {
  IDR: 0,
  MMK: 0,
  VND: 0,
  JPY: 0,
  KRW: 0,
  USD: 2,
  EUR: 2,
  SGD: 2,
  MYR: 2,
  THB: 2,
  PHP: 2,
  USDT: 2,
};

export const CURRENCIES = Object.keys(EXPONENTS);

export function isCurrency(code: string): boolean {
  return Object.hasOwn(EXPONENTS, code);
}

export function exponentOf(currency: string): number {
  const e = EXPONENTS[currency];
  if (e === undefined) throw new RangeError(`unknown currency ${currency}`);
  return e;
}

/**
 * A provider's decimal amount to integer minor units, rounded up: a cost is never understated.
 * Works on the decimal string so 37500.1 does not become 3750010.000000002 on the way.
 */
export function decimalToMinorCeil(value: number, currency: string): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`bad amount ${value}`);
  const exp = exponentOf(currency);
  const [whole, frac = ""] = value.toFixed(8).split(".") as [string, string?];
  const kept = frac.slice(0, exp).padEnd(exp, "0");
  const rest = frac.slice(exp);
  const minor = Number(whole + kept);
  return /[1-9]/.test(rest) ? minor + 1 : minor;
}

/**
 * Parses what a person types ("50000", "50.000", "50,000", "12.50" for USD) into minor units.
 * Returns undefined for anything that is not a positive amount with at most the currency's
 * decimals.
 */
export function parseMajorToMinor(text: string, currency: string): number | undefined {
  const exp = exponentOf(currency);
  const t = text.trim().replace(/[\s_]/g, "");
  let whole: string;
  let frac = "";
  if (exp === 0) {
    // Separators are grouping only: 50.000 and 50,000 both mean fifty thousand.
    if (!/^\d{1,3}([.,]\d{3})*$|^\d+$/.test(t)) return undefined;
    whole = t.replace(/[.,]/g, "");
  } else {
    const [, digits, decimals = ""] = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/.exec(t) ?? [];
    if (digits === undefined) return undefined;
    whole = digits.replace(/,/g, "");
    frac = decimals;
    if (frac.length > exp) return undefined;
  }
  const minor = Number(whole + frac.padEnd(exp, "0"));
  if (!Number.isSafeInteger(minor) || minor <= 0) return undefined;
  return minor;
}

/** Rounds a minor amount up to a whole number of `unit` minor units (e.g. to Rp 100). */
export function roundUpTo(minor: number, unit: number): number {
  if (unit <= 1) return minor;
  return Math.ceil(minor / unit) * unit;
}

// Latin digits in every locale: resellers type amounts and ids in them, so they must read them too.
export const LOCALE_TAGS: Record<string, string> = { en: "en-US", id: "id-ID", my: "my-MM-u-nu-latn" };

/**
 * Intl formatters by their options. Building one costs far more than formatting with it (it was
 * 15% of a /balance reply's CPU); the keys are our few locales × currencies, so the map stays small.
 */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(tag: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${tag}|${options.style ?? ""}|${options.currency ?? ""}|${options.minimumFractionDigits ?? ""}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(tag, options);
    if (formatters.size < 1000) formatters.set(key, f);
  }
  return f;
}

/** Formats a plain number for a reader's locale (grouping), in Latin digits. */
export function formatNumber(n: number, locale: string): string {
  return numberFormat(LOCALE_TAGS[locale] ?? locale, {}).format(n);
}

/** Formats minor units for a reader's locale: Rp 50.000 for id, MMK 37,500 for en. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const exp = exponentOf(currency);
  const tag = LOCALE_TAGS[locale] ?? locale;
  const major = minor / 10 ** exp;
  try {
    return numberFormat(tag, { style: "currency", currency, minimumFractionDigits: exp, maximumFractionDigits: exp }).format(major);
  } catch {
    // Codes Intl does not know (USDT): number plus code.
    const n = numberFormat(tag, { minimumFractionDigits: exp, maximumFractionDigits: exp }).format(major);
    return `${n} ${currency}`;
  }
}
