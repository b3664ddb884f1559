import type { Tier } from "../../domain/tiers.js";
import type { CommissionRecord, GrowthRecords, GrowthSettings, ReferralBinding } from "../types.js";
import { copy, type MemoryTables } from "./tables.js";

const DELIVERED = new Set(["completed", "shipped"]);

const add = (out: Record<string, number>, currency: string, n: number) => {
  out[currency] = (out[currency] ?? 0) + n;
};

/** Referrals and tiers in memory; nothing awaits mid-method, so each is atomic. */
export function memoryGrowth(tables: Pick<MemoryTables, "orders">): GrowthRecords {
  const s: GrowthSettings = { referralBasisPoints: 0, referralMonths: 12, thresholds: {} };
  const bindings = new Map<number, ReferralBinding>();
  const commissions = new Map<string, CommissionRecord & { reversedAt?: number }>();
  const delivered = (since: number) =>
    [...tables.orders.values()].filter((o) => o.createdAt >= since && DELIVERED.has(o.state) && o.refundedAt === undefined);
  return {
    async settings() {
      return copy(s);
    },
    async setReferral(patch) {
      if (patch.basisPoints !== undefined) s.referralBasisPoints = patch.basisPoints;
      if (patch.months !== undefined) s.referralMonths = patch.months;
    },
    async setThresholds(currency, thresholds: Partial<Record<Tier, number>>) {
      if (Object.keys(thresholds).length === 0) delete s.thresholds[currency];
      else s.thresholds[currency] = { ...thresholds };
    },
    async bind(userId, referrerId, at) {
      if (userId === referrerId || bindings.has(userId)) return false;
      bindings.set(userId, { userId, referrerId, boundAt: at });
      return true;
    },
    async referrerOf(userId) {
      return copy(bindings.get(userId));
    },
    async joined(referrerId) {
      return [...bindings.values()].filter((b) => b.referrerId === referrerId).length;
    },
    async recordCommission(c) {
      if (!commissions.has(c.orderId)) commissions.set(c.orderId, { ...c, reversed: 0, shortfall: 0 });
    },
    async commission(orderId) {
      const c = commissions.get(orderId);
      if (!c) return undefined;
      const { reversedAt: _, ...record } = c;
      return copy(record);
    },
    async recordReversal(orderId, reversed, shortfall, at) {
      const c = commissions.get(orderId);
      if (c && c.reversedAt === undefined) Object.assign(c, { reversed, shortfall, reversedAt: at });
    },
    async earned(referrerId, since) {
      const out: Record<string, number> = {};
      for (const c of commissions.values()) {
        if (c.referrerId === referrerId && (since === undefined || c.at >= since)) add(out, c.currency, c.amount - c.reversed);
      }
      return out;
    },
    async shortfalls(referrerId) {
      const out: Record<string, number> = {};
      for (const c of commissions.values()) if (c.referrerId === referrerId && c.shortfall > 0) add(out, c.currency, c.shortfall);
      return out;
    },
    async commissionTotals(since, until) {
      const out: Record<string, number> = {};
      for (const c of commissions.values()) if (c.at >= since && c.at < until) add(out, c.currency, c.amount - c.reversed);
      return out;
    },
    async completedSales(userId, since) {
      const out: Record<string, number> = {};
      for (const o of delivered(since)) if (o.userId === userId) add(out, o.price.currency, o.price.amount);
      return out;
    },
    async sellersSince(since) {
      return [...new Set(delivered(since).map((o) => o.userId))];
    },
  };
}
