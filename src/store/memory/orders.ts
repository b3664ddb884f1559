import type { OrderRecord, Orders, OrderState } from "../types.js";
import { copy, type MemoryTables, orderEntry } from "./tables.js";

/** Orders, found by id or by their provider's order id; failing an uncharged order reads the ledger. */
export function memoryOrders(t: Pick<MemoryTables, "orders" | "entries">): Orders {
  const orders = t.orders;
  const providerIndex = new Map<string, string>();
  const indexOrder = (o: OrderRecord) => {
    if (o.providerOrderId) providerIndex.set(`${o.provider}:${o.providerOrderId}`, o.id);
  };
  const sortedOrders = () => [...orders.values()].sort((a, b) => a.createdAt - b.createdAt);

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
    failUncharged: async (id, patch, note) => (orderEntry(t, id, "debit") ? undefined : move(id, ["pending"], "failed", patch, note)),
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
  };
}
