/**
 * Free text from a provider (a note, a nickname, a tracking number, a product name) is bounded
 * where it enters: trimmed and cut to a length a chat message can carry, so that no answer of
 * any length reaches an order record, a queued notification or a message as it came.
 * Identifiers (order ids, product codes, licence keys) are not passed through here: cutting one
 * would change what it names.
 */
import { z } from "zod";

/** Longest provider text kept, in UTF-16 code units (Telegram's unit), the ellipsis included. */
export const PROVIDER_TEXT_MAX = 500;
export const ELLIPSIS = "…";

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/**
 * Trims `value` and, when it is longer than `max`, cuts it at a character boundary (never inside
 * an emoji or a surrogate pair) and ends it with "…". Blank text gives undefined.
 */
export function boundText(value: string, max = PROVIDER_TEXT_MAX): string | undefined {
  const text = value.trim();
  if (text === "") return undefined;
  if (text.length <= max) return text;
  const budget = max - ELLIPSIS.length;
  let end = 0;
  // Only the head is segmented (a whole 64 KiB note costs ~13 ms): a grapheme boundary depends
  // on what precedes it and on the one code point after it, so the head, taken one code point
  // past the budget, has the text's boundaries up to the budget.
  for (const { segment, index } of graphemes.segment(text.slice(0, max + 2))) {
    if (index + segment.length > budget) break;
    end = index + segment.length;
  }
  return `${text.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/**
 * A provider's optional free text: absent, null and blank all mean "not given"; numbers are kept
 * as their decimal text (gametopup sends some "String" fields as numbers).
 */
export const providerText = (max = PROVIDER_TEXT_MAX) =>
  z
    .union([z.string(), z.number()])
    .nullish()
    .transform((v) => (v === null || v === undefined ? undefined : boundText(String(v), max)));

/** A provider's required free text (a product's name): bounded like the rest, and not blank. */
export const providerName = (max = PROVIDER_TEXT_MAX) =>
  z
    .string()
    .transform((v) => boundText(v, max))
    .pipe(z.string().min(1));
