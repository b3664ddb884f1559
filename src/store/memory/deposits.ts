import type { DepositRecord, Deposits } from "../types.js";
import { copy, type MemoryTables } from "./tables.js";

/** Deposits; the reports read the paid ones from the same table. */
export function memoryDeposits(t: Pick<MemoryTables, "deposits">): Deposits {
  const all = t.deposits;
  const change = (id: string, fn: (d: DepositRecord) => DepositRecord | undefined) => {
    const d = all.get(id);
    const next = d && fn(d);
    if (!next) return undefined;
    const stored = { ...next, updatedAt: Date.now() };
    all.set(id, stored);
    return copy(stored);
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
  };
}
