import { randomUUID } from "node:crypto";
import type { Ledger, LedgerEntry, LedgerInput, LedgerResult } from "../types.js";
import { promoRefusal, recordPromoUse } from "./promos.js";
import { copy, type MemoryTables, orderEntry } from "./tables.js";

/** Wallets and their entries; an order's debit reads the order's state. */
export function memoryLedger(t: Pick<MemoryTables, "wallets" | "entries" | "orders" | "promos" | "promoUses">): Ledger {
  const { wallets, entries, orders } = t;
  const idem = new Map<string, LedgerEntry>();
  const totals = new Map<string, number>();

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
    const seen = idem.get(input.key) ?? orderEntry(t, input.orderId, input.type);
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

  return {
    apply: async (input) => applyEntry(input),
    async debitOrder(input) {
      // Nothing awaits in between: the state read and the debit are one step, as under the row lock.
      // A retried key is answered as its duplicate first, as PostgreSQL's store does.
      const { promo, ...entryInput } = input;
      if (idem.has(input.key)) return applyEntry(entryInput);
      const state = orders.get(input.orderId)?.state;
      if (state !== "pending") return { ok: false, reason: "not_pending", state };
      // The promo's use and the debit in one step, both or neither (SPEC §7).
      const refusal = promo && promoRefusal(t, promo, input.userId);
      if (refusal) return { ok: false, reason: "promo", refusal };
      const result = applyEntry(entryInput);
      if (promo && result.ok && !result.duplicate) recordPromoUse(t, promo, input.userId, input.orderId);
      return result;
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
  };
}
