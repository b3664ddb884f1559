/** The pure parts of referrals (SPEC §7): codes, the commission, the admin's percentage. */
import type { OrderRecord } from "../store/types.js";

/** A referral code is the referrer's Telegram id in base 36: nothing to store, nothing to guess that is not a user. */
export const referralCode = (userId: number): string => userId.toString(36);

/** The referrer's id from a /start payload "r_<code>", or undefined when it is not one. */
export function referrerFromPayload(payload: string | undefined): number | undefined {
  const m = /^r_([0-9a-z]{1,11})$/.exec(payload?.trim() ?? "");
  if (!m?.[1]) return undefined;
  const id = Number.parseInt(m[1], 36);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** "2.5" or "2,5" or "10" percent as basis points (250, 250, 1000); undefined unless 0–100 with at most 2 decimals. */
export function parsePercentBasisPoints(text: string): number | undefined {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?%?$/.exec(text.trim());
  if (!m?.[1]) return undefined;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return bp <= 10_000 ? bp : undefined;
}

/** Basis points as the percentage people write ("2.5"). */
export const basisPointsText = (bp: number): string => (bp % 100 === 0 ? String(bp / 100) : (bp / 100).toFixed(2).replace(/0$/, ""));

/** Adds calendar months (UTC), for the window after binding in which commissions are paid. */
export function addMonths(at: number, months: number): number {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime();
}

/**
 * The referrer's commission on a delivered order, in the order's currency's minor units:
 * `basisPoints` of the margin (sale price − provider cost − discount), rounded down; 0 when off,
 * The order's price is what the reseller paid, a promo discount already taken off (SPEC §7's
 * margin), so the discount is never subtracted again here.
 * outside the window after binding, without a margin, or when cost and price are in different
 * currencies (no exchange rate is known here).
 */
export function commissionFor(
  order: Pick<OrderRecord, "price" | "cost" | "createdAt">,
  settings: { basisPoints: number; months: number },
  boundAt: number,
): number {
  if (settings.basisPoints <= 0) return 0;
  if (order.cost.currency !== order.price.currency) return 0;
  if (order.createdAt < boundAt || order.createdAt >= addMonths(boundAt, settings.months)) return 0;
  const margin = order.price.amount - order.cost.amount;
  if (margin <= 0) return 0;
  return Math.floor((margin * settings.basisPoints) / 10_000);
}

/** Of a commission `amount`, what a reversal can take from a balance without going below zero, and what is left over. */
export function reversalSplit(amount: number, balance: number): { take: number; shortfall: number } {
  const take = Math.max(0, Math.min(amount, balance));
  return { take, shortfall: amount - take };
}
