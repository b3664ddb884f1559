import { randomUUID } from "node:crypto";
import { salesRows } from "../sales.js";
import type { UserStatus } from "../../domain/reseller-status.js";
import type {
  AuditEntry,
  LedgerDifference,
  LedgerEntry,
  LedgerInput,
  LedgerResult,
  OrderRecord,
  OrderState,
  Records,
  UserRecord,
} from "../types.js";
import { memoryCustomers } from "./customers.js";
import { memoryAwards, memoryDeposits, memoryLicenceLinks, memoryUnmatched } from "./extras.js";
import { memoryLowBalance } from "./low-balance.js";
import { moneyTotals, salesByDay } from "./day-reports.js";
import { memoryPricing } from "./pricing.js";

export { memoryKv } from "./kv.js";

/**
 * The in-memory stand-in for PostgreSQL: same contracts, nothing survives a restart. Node runs
 * one callback at a time and nothing here awaits mid-operation, so each method is atomic as the
 * SQL statements are. Records are copied in and out so callers cannot mutate stored state.
 */
const copy = <T>(v: T): T => structuredClone(v);

export function memoryRecords(): Records {
  const users = new Map<number, UserRecord>();
  const wallets = new Map<string, number>();
  const entries = new Map<number, LedgerEntry[]>();
  const idem = new Map<string, LedgerEntry>();
  const totals = new Map<string, number>();
  const orders = new Map<string, OrderRecord>();
  const providerIndex = new Map<string, string>();
  const audit: AuditEntry[] = [];
  const indexOrder = (o: OrderRecord) => {
    if (o.providerOrderId) providerIndex.set(`${o.provider}:${o.providerOrderId}`, o.id);
  };
  const sortedOrders = () => [...orders.values()].sort((a, b) => a.createdAt - b.createdAt);
  const allEntries = () => [...entries.values()].flat();
  const deposits = memoryDeposits();
  // An order is charged at most once and refunded at most once, as PostgreSQL's unique indexes say.
  const orderEntry = (orderId: string | undefined, type: LedgerEntry["type"]) =>
    orderId && (type === "debit" || type === "refund") ? allEntries().find((e) => e.orderId === orderId && e.type === type) : undefined;

  const balancesOf = (userId: number) => {
    const out: Record<string, number> = {};
    for (const [k, v] of wallets) {
      const [u, c] = k.split(":") as [string, string];
      if (Number(u) === userId) out[c] = v;
    }
    return out;
  };
  const entriesOf = (userId: number, opts: { offset?: number; limit?: number; before?: string } = {}) => {
    let all = [...(entries.get(userId) ?? [])].reverse();
    if (opts.before !== undefined) {
      const at = all.findIndex((e) => e.id === opts.before);
      all = at === -1 ? [] : all.slice(at + 1);
    }
    const offset = opts.offset ?? 0;
    return all.slice(offset, offset + (opts.limit ?? 10)).map(copy);
  };

  const applyEntry = (input: LedgerInput): LedgerResult => {
    if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw new RangeError("ledger amount must be a non-zero integer");
    // As the database's CHECK: a debit is a purchase, negative and tied to its order.
    if (input.type === "debit" && (input.amount > 0 || !input.orderId)) throw new RangeError("a debit is negative and names its order");
    const seen = idem.get(input.key) ?? orderEntry(input.orderId, input.type);
    if (seen) return { ok: true, entry: copy(seen), duplicate: true };
    const wk = `${input.userId}:${input.currency}`;
    const balance = wallets.get(wk) ?? 0;
    if (input.amount < 0 && balance + input.amount < 0) return { ok: false, reason: "insufficient", balance };
    const entry: LedgerEntry = { id: randomUUID(), at: Date.now(), ...input, balanceAfter: balance + input.amount };
    wallets.set(wk, entry.balanceAfter);
    entries.set(input.userId, [...(entries.get(input.userId) ?? []), entry]);
    idem.set(input.key, entry);
    const tk = `${input.currency}:${input.type}`;
    totals.set(tk, (totals.get(tk) ?? 0) + input.amount);
    return { ok: true, entry: copy(entry), duplicate: false };
  };
  /** Compare-and-set on the state, with its event appended. */
  const move = (id: string, from: readonly OrderState[], to: OrderState, patch: Partial<OrderRecord>, note?: string) => {
    const o = orders.get(id);
    if (!o || !from.includes(o.state)) return undefined;
    const now = Date.now();
    const next: OrderRecord = {
      ...o,
      ...copy(patch),
      state: to,
      updatedAt: now,
      history: [...o.history, note === undefined ? { at: now, state: to } : { at: now, state: to, note }],
    };
    orders.set(id, next);
    indexOrder(next);
    return copy(next);
  };

  return {
    kind: "memory",
    users: {
      async get(id) {
        const u = users.get(id);
        return u && copy(u);
      },
      async createIfAbsent(user) {
        const existing = users.get(user.id);
        if (existing) return { user: copy(existing), created: false };
        users.set(user.id, copy(user));
        return { user: copy(user), created: true };
      },
      async save(user) {
        users.set(user.id, copy(user));
      },
      async patch(id, patch) {
        const u = users.get(id);
        if (!u) return undefined;
        const next: UserRecord = { ...u };
        for (const [k, v] of Object.entries(patch)) {
          // null clears a field, undefined leaves it: the contract of the PostgreSQL store.
          if (v === null) Reflect.deleteProperty(next, k);
          else if (v !== undefined) Object.assign(next, { [k]: copy(v) });
        }
        users.set(id, next);
        return copy(next);
      },
      async byUsername(username) {
        const name = username.replace(/^@/, "").toLowerCase();
        const u = [...users.values()].find((x) => x.username?.toLowerCase() === name);
        return u && copy(u);
      },
      async all() {
        return [...users.values()].map(copy);
      },
    },
    ledger: {
      apply: async (input) => applyEntry(input),
      async debitOrder(input) {
        // Nothing awaits in between: the state read and the debit are one step, as under the row lock.
        // A retried key is answered as its duplicate first, as PostgreSQL's store does.
        const state = orders.get(input.orderId)?.state;
        return state === "pending" || idem.has(input.key) ? applyEntry(input) : { ok: false, reason: "not_pending", state };
      },
      async entryByKey(key) {
        const e = idem.get(key);
        return e && copy(e);
      },
      balances: async (userId) => balancesOf(userId),
      entries: async (userId, opts) => entriesOf(userId, opts),
      wallet: async (userId, recent) => ({ balances: balancesOf(userId), entries: entriesOf(userId, { limit: recent }) }),
      async totals() {
        return Object.fromEntries(totals);
      },
    },
    orders: {
      async create(order) {
        if (orders.has(order.id)) return false;
        orders.set(order.id, copy(order));
        indexOrder(order);
        return true;
      },
      async get(id) {
        const o = orders.get(id);
        return o && copy(o);
      },
      async byProviderOrderId(provider, providerOrderId) {
        const id = providerIndex.get(`${provider}:${providerOrderId}`);
        const o = id ? orders.get(id) : undefined;
        return o && copy(o);
      },
      transition: async (id, from, to, patch = {}, note) => move(id, from, to, patch, note),
      failUncharged: async (id, patch, note) => (orderEntry(id, "debit") ? undefined : move(id, ["pending"], "failed", patch, note)),
      async releaseSending(id, note) {
        const o = orders.get(id);
        if (o?.state !== "pending" || o.sentAt === undefined) return undefined;
        const now = Date.now();
        const { sentAt: _released, ...rest } = o;
        const next: OrderRecord = { ...rest, updatedAt: now, history: [...o.history, { at: now, state: "pending", note }] };
        orders.set(id, next);
        return copy(next);
      },
      async claimSending(id, note) {
        const o = orders.get(id);
        if (o?.state !== "pending" || o.sentAt !== undefined) return undefined;
        const now = Date.now();
        const next: OrderRecord = { ...o, sentAt: now, updatedAt: now, history: [...o.history, { at: now, state: "pending", note }] };
        orders.set(id, next);
        return copy(next);
      },
      async patch(id, patch) {
        const o = orders.get(id);
        if (!o) return undefined;
        const next = { ...o, ...copy(patch), updatedAt: Date.now() };
        orders.set(id, next);
        indexOrder(next);
        return copy(next);
      },
      async byUser(userId, opts = {}) {
        const offset = opts.offset ?? 0;
        const mine = sortedOrders()
          .filter((o) => o.userId === userId)
          .reverse();
        return mine.slice(offset, offset + (opts.limit ?? 10)).map(copy);
      },
      async countByUser(userId) {
        return [...orders.values()].filter((o) => o.userId === userId).length;
      },
      async idsInState(state) {
        return sortedOrders()
          .filter((o) => o.state === state)
          .map((o) => o.id);
      },
    },
    audit: {
      async append(entry) {
        audit.push(copy(entry));
      },
      async recent(n) {
        return audit.slice(-n).reverse().map(copy);
      },
    },
    pricing: memoryPricing(),
    deposits,
    awards: memoryAwards(),
    licenceLinks: memoryLicenceLinks(),
    unmatched: memoryUnmatched(),
    customers: memoryCustomers(),
    lowBalance: memoryLowBalance(),
    reports: {
      async resellersByStatus(excludeIds) {
        const out: Partial<Record<UserStatus, number>> = {};
        for (const u of users.values()) if (!excludeIds.includes(u.id)) out[u.status] = (out[u.status] ?? 0) + 1;
        return out;
      },
      async sales(since, until = Date.now() + 1) {
        return salesRows([...orders.values()].filter((o) => o.createdAt >= since && o.createdAt < until));
      },
      async ledgerCheck() {
        const diffs: LedgerDifference[] = [];
        const sums = new Map<string, number>();
        for (const e of allEntries()) sums.set(`${e.userId}:${e.currency}`, (sums.get(`${e.userId}:${e.currency}`) ?? 0) + e.amount);
        for (const k of new Set([...wallets.keys(), ...sums.keys()])) {
          const [u, currency] = k.split(":") as [string, string];
          const expected = sums.get(k) ?? 0;
          const actual = wallets.get(k) ?? 0;
          if (expected !== actual) diffs.push({ kind: "balance", userId: Number(u), currency, orderId: null, expected, actual });
        }
        const debits = new Map<string, LedgerEntry[]>();
        for (const e of allEntries()) if (e.type === "debit" && e.orderId) debits.set(e.orderId, [...(debits.get(e.orderId) ?? []), e]);
        for (const [orderId, list] of debits) {
          if (list.length > 1)
            diffs.push({
              kind: "debits_per_order",
              userId: list[0]!.userId,
              currency: list[0]!.currency,
              orderId,
              expected: 1,
              actual: list.length,
            });
        }
        for (const r of allEntries().filter((e) => e.type === "refund")) {
          const d = r.orderId ? debits.get(r.orderId)?.[0] : undefined;
          const base = { userId: r.userId, currency: r.currency, orderId: r.orderId ?? null, actual: r.amount };
          if (!d) diffs.push({ kind: "refund_without_debit", ...base, expected: 0 });
          else if (d.amount !== -r.amount || d.currency !== r.currency || d.userId !== r.userId)
            diffs.push({ kind: "refund_amount", ...base, expected: -d.amount });
        }
        return diffs;
      },
      async refunds(since, until) {
        return moneyTotals(allEntries().filter((e) => e.type === "refund" && e.at >= since && e.at < until));
      },
      async depositsPaid(since, until) {
        return moneyTotals(deposits.paidBetween(since, until).map((d) => d.amount));
      },
      async salesByDay(since, until, timeZone) {
        return salesByDay(
          [...orders.values()].filter((o) => o.createdAt >= since && o.createdAt < until),
          timeZone,
        );
      },
    },
    async ping() {
      return true;
    },
    async close() {},
  };
}
