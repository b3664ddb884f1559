import type { Money } from "../providers/types.js";
import type { PromoClaim, PromoDiscount, PromoRecord, Promos, PromoTakeRefusal } from "../store/types.js";
import type { Draft, Drafts } from "./drafts.js";

/** Why a code does not apply to a card: one line each (locales: promo-no-<reason>). */
export type PromoReason = PromoTakeRefusal | "min" | "product" | "currency" | "no_saving";

/** A code applied to a price: what is taken off, and whether the provider's cost held it back. */
export interface PromoSaving {
  discount: number;
  /** The discount was cut so the price stays at the provider's cost. */
  clamped: boolean;
}

/**
 * The discount of `d` on `price`. A percent rounds DOWN to the minor unit (so the price rounds
 * up, never in the reseller's favour by a fraction); any discount is cut so that the price never
 * goes below the provider's cost (SPEC §7).
 */
export function discountOf(d: PromoDiscount, price: Money, cost: Money): PromoSaving {
  const raw = d.kind === "percent" ? Math.floor((price.amount * d.bp) / 10_000) : d.amount;
  const room = cost.currency === price.currency ? Math.max(0, price.amount - cost.amount) : 0;
  const discount = Math.min(raw, room);
  return { discount, clamped: discount < raw };
}

/** "provider:sku" matches that product; "sku" matches it at any provider. */
export const productMatches = (ref: string, provider: string, sku: string) =>
  ref.includes(":") ? ref === `${provider}:${sku}` : ref === sku;

/** The checks a card can make now; the ones that race (uses left, on, expiry) are made again at the debit. */
export function checkPromo(
  p: PromoRecord | undefined,
  card: { provider: string; sku: string; price: Money; cost: Money },
  usedByReseller: number,
  now = Date.now(),
): { ok: true; saving: PromoSaving } | { ok: false; reason: PromoReason } {
  if (!p) return { ok: false, reason: "unknown" };
  if (!p.active) return { ok: false, reason: "off" };
  if (p.until !== undefined && p.until <= now) return { ok: false, reason: "expired" };
  if (p.maxUses !== undefined && p.used >= p.maxUses) return { ok: false, reason: "used_up" };
  if (p.perReseller !== undefined && usedByReseller >= p.perReseller) return { ok: false, reason: "per_reseller" };
  if (p.product !== undefined && !productMatches(p.product, card.provider, card.sku)) return { ok: false, reason: "product" };
  if (p.discount.kind === "amount" && p.discount.currency !== card.price.currency) return { ok: false, reason: "currency" };
  if (p.min && (p.min.currency !== card.price.currency || card.price.amount < p.min.amount)) {
    return { ok: false, reason: p.min.currency !== card.price.currency ? "currency" : "min" };
  }
  const saving = discountOf(p.discount, card.price, card.cost);
  if (saving.discount <= 0) return { ok: false, reason: "no_saving" };
  return { ok: true, saving };
}

/** Codes are compared upper-case; anything but letters, digits, - and _ names no code. */
export const normaliseCode = (text: string): string | undefined => {
  const code = text.trim().toUpperCase();
  return /^[A-Z0-9_-]{2,32}$/.test(code) ? code : undefined;
};

export type ApplyOutcome =
  | { ok: true; draft: Draft; saving: PromoSaving; full: Money }
  | { ok: false; reason: PromoReason | "expired_card" };

export function createPromoService(deps: { promos: Promos; drafts: Pick<Drafts, "get" | "withPromo"> }) {
  const { promos, drafts } = deps;

  /** Checks a typed code against one card and, when it applies, stores the card at its new price. */
  async function applyToDraft(draftId: string, userId: number, typed: string): Promise<ApplyOutcome> {
    const draft = await drafts.get(draftId);
    if (!draft || draft.userId !== userId) return { ok: false, reason: "expired_card" };
    const code = normaliseCode(typed);
    const promo = code === undefined ? undefined : await promos.get(code);
    const full = draft.promo?.fullPrice ?? draft.price;
    const used = promo ? await promos.usesBy(promo.code, userId) : 0;
    const checked = checkPromo(promo, { provider: draft.provider, sku: draft.sku, price: full, cost: draft.cost }, used);
    if (!checked.ok || !promo) return { ok: false, reason: checked.ok ? "unknown" : checked.reason };
    const next = await drafts.withPromo(draft, {
      code: promo.code,
      discount: checked.saving.discount,
      fullPrice: full,
      ...(checked.saving.clamped && { clamped: true }),
    });
    return { ok: true, draft: next, saving: checked.saving, full };
  }

  /** The claim an order's debit takes with it, from its draft. */
  const claimOf = (d: Pick<Draft, "promo" | "price">): PromoClaim | undefined =>
    d.promo && { code: d.promo.code, discount: d.promo.discount, currency: d.price.currency };

  return { applyToDraft, claimOf, ...promos };
}

export type PromoService = ReturnType<typeof createPromoService>;
