/** Referrals and volume tiers (SPEC §7): binding, commissions and their reversal, promotions. */
import type { Logger } from "../observability/logger.js";
import type { GrowthSettings, OrderRecord, Store, UserRecord } from "../store/types.js";
import { money, type Notifier } from "./notifications.js";
import { commissionFor, referralCode, referrerFromPayload, reversalSplit } from "./referral-math.js";
import { progressToNext, promotionTo, tierReached, type TierProgress } from "./tier-math.js";
import type { Tier } from "./tiers.js";

const DAY_MS = 24 * 3600_000;
/** Volume tiers count the completed sales of this many days. */
export const TIER_WINDOW_MS = 30 * DAY_MS;
const DELIVERED = new Set(["completed", "shipped"]);

export const commissionKey = (orderId: string) => `referral:${orderId}`;
export const reversalKey = (orderId: string) => `referral-reversal:${orderId}`;

export interface Growth {
  /** A new user's /start payload: binds them to the referrer it names, once; false when it names nobody (or them). */
  bindFromStart(user: UserRecord, payload: string | undefined): Promise<boolean>;
  /**
   * The one hook of a delivered order (transitions' completion point): the referrer's commission
   * (once per order, by its ledger key) and the reseller's tier promotion. Idempotent: a poll,
   * a webhook and a reconciliation may all call it for the same order.
   */
  orderDelivered(order: OrderRecord): Promise<void>;
  /** An admin refunded an order: the commission goes back, as far as the referrer's balance allows. */
  orderRefunded(order: OrderRecord): Promise<void>;
  /** Promotes a reseller whose 30-day sales reach a higher tier; returns the new tier when promoted. */
  promote(userId: number): Promise<Tier | undefined>;
  /** The daily pass over everyone who sold in the window. */
  promoteAll(): Promise<number>;
  /** What /balance shows: per currency the next tier and what is missing. */
  progress(user: UserRecord): Promise<TierProgress[]>;
  /** What /referral shows a reseller: their code, how many joined, and what they kept this month and in all. */
  summary(userId: number): Promise<ReferralSummary>;
  settings(): Promise<GrowthSettings>;
  setReferral(patch: { basisPoints?: number; months?: number }): Promise<void>;
  setThresholds(currency: string, thresholds: Partial<Record<Tier, number>>): Promise<void>;
  /** What refunds could not take back from this referrer (shown on /user). */
  shortfalls(userId: number): Promise<Record<string, number>>;
  /** Commissions kept in [since, until) per currency: profit's deduction. */
  commissionTotals(since: number, until: number): Promise<Record<string, number>>;
}

export interface ReferralSummary {
  code: string;
  joined: number;
  month: Record<string, number>;
  all: Record<string, number>;
}

/** The first instant of the UTC calendar month of `at`. */
export const monthStart = (at: number): number => {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
};

export function createGrowth(deps: { store: Store; notifier: Notifier; logger: Logger; now?: () => number }): Growth {
  const { store, notifier, logger } = deps;
  const now = deps.now ?? Date.now;

  async function commission(order: OrderRecord) {
    const binding = await store.growth.referrerOf(order.userId);
    if (!binding) return;
    const key = commissionKey(order.id);
    let entry = await store.ledger.entryByKey(key);
    if (!entry) {
      // The order as it is now: a refund that got there first means no commission.
      const current = await store.orders.get(order.id);
      if (!current || !DELIVERED.has(current.state) || current.refundedAt !== undefined) return;
      const settings = await store.growth.settings();
      const amount = commissionFor(
        current,
        { basisPoints: settings.referralBasisPoints, months: settings.referralMonths },
        binding.boundAt,
      );
      if (amount <= 0) return;
      const result = await store.ledger.apply({
        userId: binding.referrerId,
        currency: current.price.currency,
        amount,
        type: "credit",
        reason: "referral",
        actor: "system",
        key,
        note: `order ${current.id}`,
      });
      if (!result.ok) throw new Error("a commission credit can never be refused for funds");
      entry = result.entry;
      // A refund that landed between the read above and this credit found nothing to take back:
      // take it back now (the reversal is keyed by the order, so two of them take it once).
      const after = await store.orders.get(order.id);
      if (after?.refundedAt !== undefined) {
        await store.growth.recordCommission({
          orderId: order.id,
          referrerId: binding.referrerId,
          userId: order.userId,
          currency: entry.currency,
          amount: entry.amount,
          at: entry.at,
        });
        await reverse(after);
        return;
      }
      if (!result.duplicate) {
        await notifier.notifyUser({
          userId: binding.referrerId,
          key: "referral-earned",
          args: { amount: money(amount, current.price.currency), orderId: current.id },
          dedupeKey: key,
        });
      }
    }
    // Also after a duplicate: a crash between the credit and this row is healed by the next signal.
    await store.growth.recordCommission({
      orderId: order.id,
      referrerId: binding.referrerId,
      userId: order.userId,
      currency: entry.currency,
      amount: entry.amount,
      at: entry.at,
    });
  }

  async function promote(userId: number): Promise<Tier | undefined> {
    const settings = await store.growth.settings();
    if (Object.keys(settings.thresholds).length === 0) return undefined;
    const user = await store.users.get(userId);
    if (user?.status !== "active") return undefined;
    const sales = await store.growth.completedSales(userId, now() - TIER_WINDOW_MS);
    const to = promotionTo(user.tier, tierReached(sales, settings.thresholds));
    if (!to) return undefined;
    await store.users.patch(userId, { tier: to });
    logger.info({ userId, from: user.tier, to }, "reseller promoted by volume");
    await notifier.notifyUser({
      userId,
      key: "tier-promoted",
      args: { tier: to },
      dedupeKey: `tier-promoted:${userId}:${user.tier}:${to}:${Math.floor(now() / DAY_MS)}`,
    });
    return to;
  }

  /** Takes a refunded order's commission back, as far as the referrer's balance allows (never below zero). */
  async function reverse(order: OrderRecord) {
    const credit = await store.ledger.entryByKey(commissionKey(order.id));
    if (!credit) return;
    await store.growth.recordCommission({
      orderId: order.id,
      referrerId: credit.userId,
      userId: order.userId,
      currency: credit.currency,
      amount: credit.amount,
      at: credit.at,
    });
    const key = reversalKey(order.id);
    // The balance can move between the read and the debit: read again and retry on a refusal.
    for (let attempt = 0; attempt < 5; attempt++) {
      const done = await store.ledger.entryByKey(key);
      if (done) {
        await store.growth.recordReversal(order.id, -done.amount, credit.amount + done.amount, done.at);
        return;
      }
      const balance = (await store.ledger.balances(credit.userId))[credit.currency] ?? 0;
      const { take, shortfall } = reversalSplit(credit.amount, balance);
      if (take === 0) {
        await store.growth.recordReversal(order.id, 0, shortfall, now());
        break;
      }
      const result = await store.ledger.apply({
        userId: credit.userId,
        currency: credit.currency,
        amount: -take,
        type: "adjustment",
        reason: "referral-reversal",
        actor: "system",
        key,
        note: `order ${order.id}`,
      });
      if (result.ok) {
        // A duplicate is another caller's reversal: record what it took.
        const took = -result.entry.amount;
        await store.growth.recordReversal(order.id, took, credit.amount - took, result.entry.at);
        break;
      }
    }
    const c = await store.growth.commission(order.id);
    if (c && c.shortfall > 0) {
      logger.warn({ orderId: order.id, referrerId: credit.userId, shortfall: c.shortfall }, "referral commission not fully taken back");
    }
  }

  return {
    async bindFromStart(user, payload) {
      const referrerId = referrerFromPayload(payload);
      if (referrerId === undefined || referrerId === user.id) return false;
      if (!(await store.users.get(referrerId))) return false;
      return store.growth.bind(user.id, referrerId, now());
    },

    async orderDelivered(order) {
      // Each part on its own: a failed promotion must not lose the commission, nor the reverse.
      await commission(order).catch((err: unknown) => logger.error({ err, orderId: order.id }, "referral commission failed"));
      await promote(order.userId).catch((err: unknown) => logger.error({ err, orderId: order.id }, "tier promotion failed"));
    },

    orderRefunded: (order) => reverse(order),

    promote,

    async promoteAll() {
      let promoted = 0;
      for (const userId of await store.growth.sellersSince(now() - TIER_WINDOW_MS)) {
        if (await promote(userId).catch((err: unknown) => logger.error({ err, userId }, "tier promotion failed"))) promoted++;
      }
      return promoted;
    },

    async progress(user) {
      const settings = await store.growth.settings();
      if (Object.keys(settings.thresholds).length === 0) return [];
      const sales = await store.growth.completedSales(user.id, now() - TIER_WINDOW_MS);
      return progressToNext(user.tier, sales, settings.thresholds);
    },

    async summary(userId) {
      const [joined, month, all] = await Promise.all([
        store.growth.joined(userId),
        store.growth.earned(userId, monthStart(now())),
        store.growth.earned(userId),
      ]);
      return { code: referralCode(userId), joined, month, all };
    },
    settings: () => store.growth.settings(),
    setReferral: (patch) => store.growth.setReferral(patch),
    setThresholds: (currency, thresholds) => store.growth.setThresholds(currency, thresholds),
    shortfalls: (userId) => store.growth.shortfalls(userId),
    commissionTotals: (since, until) => store.growth.commissionTotals(since, until),
  };
}
