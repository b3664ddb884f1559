import type { MoneyTotal, PromoClaim, Promos, PromoTakeRefusal, PromoUse } from "../types.js";
import { copy, type MemoryTables } from "./tables.js";

type PromoTables = Pick<MemoryTables, "promos" | "promoUses">;

const liveUses = (t: PromoTables, code: string, userId?: number) =>
  [...t.promoUses.values()].filter((u) => u.code === code && u.releasedAt === undefined && (userId === undefined || u.userId === userId));

/** Why a use cannot be taken now, as PostgreSQL's conditional UPDATE and count decide it. */
export function promoRefusal(t: PromoTables, claim: PromoClaim, userId: number): PromoTakeRefusal | undefined {
  const p = t.promos.get(claim.code);
  if (!p) return "unknown";
  if (!p.active) return "off";
  if (p.until !== undefined && p.until <= Date.now()) return "expired";
  if (p.maxUses !== undefined && p.used >= p.maxUses) return "used_up";
  if (p.perReseller !== undefined && liveUses(t, claim.code, userId).length >= p.perReseller) return "per_reseller";
  return undefined;
}

/** Records a use promoRefusal allowed; called in the same synchronous step as the debit. */
export function recordPromoUse(t: PromoTables, claim: PromoClaim, userId: number, orderId: string) {
  const p = t.promos.get(claim.code);
  if (!p) return;
  t.promos.set(p.code, { ...p, used: p.used + 1 });
  t.promoUses.set(orderId, { orderId, code: claim.code, userId, discount: claim.discount, currency: claim.currency, at: Date.now() });
}

const totals = (uses: PromoUse[]): MoneyTotal[] => {
  const by = new Map<string, MoneyTotal>();
  for (const u of uses) {
    const t = by.get(u.currency) ?? { currency: u.currency, count: 0, sum: 0 };
    by.set(u.currency, { currency: u.currency, count: t.count + 1, sum: t.sum + u.discount });
  }
  return [...by.values()].sort((a, b) => a.currency.localeCompare(b.currency));
};

export function memoryPromos(t: PromoTables): Promos {
  return {
    async add(p) {
      if (t.promos.has(p.code)) return false;
      t.promos.set(p.code, copy({ ...p, active: true, used: 0, createdAt: Date.now() }));
      return true;
    },
    async get(code) {
      const p = t.promos.get(code);
      return p && copy(p);
    },
    async list() {
      return [...t.promos.values()].sort((a, b) => b.createdAt - a.createdAt || a.code.localeCompare(b.code)).map(copy);
    },
    async turnOff(code) {
      const p = t.promos.get(code);
      if (!p) return undefined;
      const off = { ...p, active: false };
      t.promos.set(code, off);
      return copy(off);
    },
    usesBy: async (code, userId) => liveUses(t, code, userId).length,
    given: async (code) => totals(liveUses(t, code)),
    async useOf(orderId) {
      const u = t.promoUses.get(orderId);
      return u && copy(u);
    },
    async release(orderId) {
      const u = t.promoUses.get(orderId);
      if (!u || u.releasedAt !== undefined) return false;
      t.promoUses.set(orderId, { ...u, releasedAt: Date.now() });
      const p = t.promos.get(u.code);
      if (p) t.promos.set(p.code, { ...p, used: Math.max(0, p.used - 1) });
      return true;
    },
    discounts: async (since, until) =>
      totals([...t.promoUses.values()].filter((u) => u.releasedAt === undefined && u.at >= since && u.at < until)),
  };
}
