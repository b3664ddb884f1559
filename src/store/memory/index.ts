import { randomUUID } from "node:crypto";
import type {
  AuditEntry,
  LedgerEntry,
  OrderRecord,
  Store,
  UserRecord,
} from "../types.js";

/**
 * The in-memory stand-in for Redis: same contracts, nothing survives a restart. Node runs one
 * callback at a time and nothing here awaits mid-operation, so each method is atomic as the
 * Redis scripts are. Records are copied in and out so callers cannot mutate stored state.
 */
const copy = <T>(v: T): T => structuredClone(v);

export function memoryStore(): Store {
  const users = new Map<number, UserRecord>();
  const wallets = new Map<string, number>();
  const entries = new Map<number, LedgerEntry[]>();
  const idem = new Map<string, LedgerEntry>();
  const totals = new Map<string, number>();
  const orders = new Map<string, OrderRecord>();
  const providerIndex = new Map<string, string>();
  const audit: AuditEntry[] = [];
  const kv = new Map<string, { value: string; expires?: number }>();
  const counters = new Map<string, Map<string, number>>();

  const live = (key: string) => {
    const item = kv.get(key);
    if (item?.expires !== undefined && item.expires <= Date.now()) {
      kv.delete(key);
      return undefined;
    }
    return item;
  };
  const indexOrder = (o: OrderRecord) => {
    if (o.providerOrderId) providerIndex.set(`${o.provider}:${o.providerOrderId}`, o.id);
  };
  const sortedOrders = () => [...orders.values()].sort((a, b) => a.createdAt - b.createdAt);

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
        const next: Record<string, unknown> = { ...u };
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) delete next[k];
          else if (v !== undefined) next[k] = copy(v);
        }
        users.set(id, next as unknown as UserRecord);
        return copy(next as unknown as UserRecord);
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
      async apply(input) {
        if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw new RangeError("ledger amount must be a non-zero integer");
        const seen = idem.get(input.key);
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
      },
      async entryByKey(key) {
        const e = idem.get(key);
        return e && copy(e);
      },
      async balances(userId) {
        const out: Record<string, number> = {};
        for (const [k, v] of wallets) {
          const [u, c] = k.split(":") as [string, string];
          if (Number(u) === userId) out[c] = v;
        }
        return out;
      },
      async entries(userId, opts = {}) {
        const all = [...(entries.get(userId) ?? [])].reverse();
        const offset = opts.offset ?? 0;
        return all.slice(offset, offset + (opts.limit ?? 10)).map(copy);
      },
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
      async transition(id, from, to, patch = {}, note) {
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
        const mine = sortedOrders().filter((o) => o.userId === userId).reverse();
        return mine.slice(offset, offset + (opts.limit ?? 10)).map(copy);
      },
      async countByUser(userId) {
        return [...orders.values()].filter((o) => o.userId === userId).length;
      },
      async idsInState(state) {
        return [...orders.values()].filter((o) => o.state === state).map((o) => o.id);
      },
      async since(at) {
        return sortedOrders().filter((o) => o.createdAt >= at).map(copy);
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
    kv: {
      async getJson<T>(key: string) {
        const item = live(key);
        return item ? (JSON.parse(item.value) as T) : undefined;
      },
      async setJson(key, value, ttlMs) {
        kv.set(key, { value: JSON.stringify(value), expires: ttlMs ? Date.now() + ttlMs : undefined });
      },
      async setIfAbsent(key, value, ttlMs) {
        if (live(key)) return false;
        kv.set(key, { value, expires: ttlMs ? Date.now() + ttlMs : undefined });
        return true;
      },
      async del(key) {
        kv.delete(key);
        counters.delete(key);
      },
      async incr(key, field, by = 1) {
        const c = counters.get(key) ?? counters.set(key, new Map()).get(key)!;
        c.set(field, (c.get(field) ?? 0) + by);
        return c.get(field)!;
      },
      async counters(key) {
        return Object.fromEntries(counters.get(key) ?? []);
      },
    },
    async ping() {
      return true;
    },
    async close() {},
  };
}
