import type { WebhookEvent } from "../../providers/types.js";
import type { DepositRecord, Deposits, LicenceLinks, PointsAwardRecord, PointsAwards, UnmatchedEvents } from "../types.js";

/** In memory, like the rest of memoryRecords: each method runs to completion without awaiting. */
const copy = <T>(v: T): T => structuredClone(v);

/** Deposits, plus what the memory reports read: the paid ones settled in [since, until). */
export function memoryDeposits(): Deposits & { paidBetween(since: number, until: number): DepositRecord[] } {
  const all = new Map<string, DepositRecord>();
  const change = (id: string, fn: (d: DepositRecord) => DepositRecord | undefined) => {
    const d = all.get(id);
    const next = d && fn(d);
    if (!next) return undefined;
    all.set(id, { ...next, updatedAt: Date.now() });
    return copy(all.get(id)!);
  };
  const newest = () => [...all.values()].sort((a, b) => b.createdAt - a.createdAt);
  return {
    async create(d) {
      if (all.has(d.id)) return false;
      all.set(d.id, copy(d));
      return true;
    },
    async get(id) {
      const d = all.get(id);
      return d && copy(d);
    },
    async byBillId(billId) {
      const d = [...all.values()].find((x) => x.billId === billId);
      return d && copy(d);
    },
    async attachBill(id, bill) {
      return change(id, (d) => (d.state === "open" ? { ...d, ...bill } : undefined));
    },
    async settle(id, to) {
      return change(id, (d) => (d.state === "open" ? { ...d, state: to, settledAt: Date.now() } : undefined));
    },
    async open() {
      return newest()
        .reverse()
        .filter((d) => d.state === "open")
        .map(copy);
    },
    async byUser(userId, opts = {}) {
      const offset = opts.offset ?? 0;
      return newest()
        .filter((d) => d.userId === userId)
        .slice(offset, offset + (opts.limit ?? 10))
        .map(copy);
    },
    paidBetween(since, until) {
      return [...all.values()]
        .filter((d) => d.state === "paid" && d.settledAt !== undefined && d.settledAt >= since && d.settledAt < until)
        .map(copy);
    },
  };
}

export function memoryAwards(): PointsAwards {
  const all = new Map<string, PointsAwardRecord>();
  return {
    async claim(a) {
      const existing = all.get(a.orderId);
      if (existing) return { award: copy(existing), created: false };
      all.set(a.orderId, copy(a));
      return { award: copy(a), created: true };
    },
    async get(orderId) {
      const a = all.get(orderId);
      return a && copy(a);
    },
    async update(orderId, patch) {
      const a = all.get(orderId);
      if (a?.state !== "pending") return undefined;
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const next = { ...a, ...defined, updatedAt: Date.now() };
      all.set(orderId, next);
      return copy(next);
    },
    async pending() {
      return [...all.values()]
        .filter((a) => a.state === "pending")
        .sort((a, b) => a.createdAt - b.createdAt)
        .map(copy);
    },
    async byUser(userId, limit = 10) {
      return [...all.values()]
        .filter((a) => a.userId === userId)
        .sort((a, b) => b.createdAt - a.createdAt)
        .slice(0, limit)
        .map(copy);
    },
  };
}

export function memoryLicenceLinks(): LicenceLinks {
  const links = new Map<string, Set<number>>();
  return {
    async link(key, userId) {
      links.set(key, (links.get(key) ?? new Set()).add(userId));
    },
    async users(key) {
      return [...(links.get(key) ?? [])].sort((a, b) => a - b);
    },
  };
}

export function memoryUnmatched(): UnmatchedEvents {
  const events = new Map<string, WebhookEvent>();
  return {
    async keep(e) {
      const k = `${e.provider}:${e.deliveryId}`;
      if (!events.has(k)) events.set(k, copy(e));
    },
    async take(provider, providerOrderId) {
      const mine = [...events].filter(([, e]) => e.provider === provider && e.providerOrderId === providerOrderId);
      for (const [k] of mine) events.delete(k);
      return mine.map(([, e]) => e);
    },
  };
}
