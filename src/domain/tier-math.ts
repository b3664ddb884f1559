/** The pure parts of volume tiers (SPEC §7): which tier 30-day sales reach, and what is left for the next. */
import { isCurrency, parseMajorToMinor } from "../lib/money.js";
import { TIERS, type Tier } from "./tiers.js";

export const rankOf = (tier: Tier): number => TIERS.indexOf(tier);

/** The highest tier whose threshold any currency's sales reach, or undefined when none. */
export function tierReached(sales: Record<string, number>, thresholds: Record<string, Partial<Record<Tier, number>>>): Tier | undefined {
  let best: Tier | undefined;
  for (const [currency, byTier] of Object.entries(thresholds)) {
    const sold = sales[currency] ?? 0;
    for (const [tier, amount] of Object.entries(byTier) as [Tier, number][]) {
      if (sold >= amount && (best === undefined || rankOf(tier) > rankOf(best))) best = tier;
    }
  }
  return best;
}

/** The tier to promote to: the one reached when it is above the current one; never lower. */
export function promotionTo(current: Tier, reached: Tier | undefined): Tier | undefined {
  return reached !== undefined && rankOf(reached) > rankOf(current) ? reached : undefined;
}

export interface TierProgress {
  currency: string;
  tier: Tier;
  /** Minor units still to sell in 30 days. */
  missing: number;
}

/** Per currency with thresholds: the next tier above the current one and how much is missing for it. */
export function progressToNext(
  current: Tier,
  sales: Record<string, number>,
  thresholds: Record<string, Partial<Record<Tier, number>>>,
): TierProgress[] {
  const out: TierProgress[] = [];
  for (const [currency, byTier] of Object.entries(thresholds).sort(([a], [b]) => a.localeCompare(b))) {
    const next = (Object.entries(byTier) as [Tier, number][])
      .filter(([tier]) => rankOf(tier) > rankOf(current))
      .sort(([a], [b]) => rankOf(a) - rankOf(b))[0];
    if (!next) continue;
    const missing = next[1] - (sales[currency] ?? 0);
    if (missing > 0) out.push({ currency, tier: next[0], missing });
  }
  return out;
}

export type TiersAutoArgs =
  | { ok: true; currency: string; thresholds: Partial<Record<Tier, number>> }
  | { ok: false; error: "usage" | "currency" | "tier" | "amount" | "order"; token?: string };

/**
 * `/tiers auto reseller=5000000 vip=20000000 IDR` (amounts in whole units as people write them);
 * `/tiers auto off IDR` clears the currency. Higher tiers need higher thresholds.
 */
export function parseTiersAuto(words: readonly string[]): TiersAutoArgs {
  const currency = words.at(-1)?.toUpperCase();
  if (!currency || words.length < 2) return { ok: false, error: "usage" };
  if (!isCurrency(currency)) return { ok: false, error: "currency", token: currency };
  const pairs = words.slice(0, -1);
  if (pairs.length === 1 && pairs[0]?.toLowerCase() === "off") return { ok: true, currency, thresholds: {} };
  const thresholds: Partial<Record<Tier, number>> = {};
  for (const pair of pairs) {
    const m = /^([a-z]+)=(.+)$/i.exec(pair);
    if (!m?.[1] || !m[2]) return { ok: false, error: "usage", token: pair };
    const tier = m[1].toLowerCase() as Tier;
    if (!TIERS.includes(tier) || tier === "member") return { ok: false, error: "tier", token: m[1] };
    const amount = parseMajorToMinor(m[2], currency);
    if (amount === undefined || amount <= 0) return { ok: false, error: "amount", token: m[2] };
    thresholds[tier] = amount;
  }
  const ordered = (Object.entries(thresholds) as [Tier, number][]).sort(([a], [b]) => rankOf(a) - rankOf(b));
  for (let i = 1; i < ordered.length; i++) {
    if ((ordered[i]?.[1] ?? 0) <= (ordered[i - 1]?.[1] ?? 0)) return { ok: false, error: "order" };
  }
  return { ok: true, currency, thresholds };
}
