import type { Ledger, Payee, ReviewCard, TransferDeposit, Transfers } from "../types.js";
import { copy } from "./tables.js";
import { moneyTotals } from "./totals.js";

/**
 * Transfer deposits and payees. An approval moves the state before its first await, so a racer
 * in this process sees it decided (as PostgreSQL's row lock makes it); the credit follows under
 * the deposit's key, and a refused credit (never for a credit) puts the state back.
 */
export function memoryTransfers(ledger: Ledger): Transfers {
  const payees = new Map<number, Payee>();
  const deposits = new Map<string, TransferDeposit>();
  const cards = new Map<string, ReviewCard[]>();
  let nextPayee = 1;

  const change = (id: string, fn: (d: TransferDeposit) => TransferDeposit | undefined) => {
    const d = deposits.get(id);
    const next = d && fn(d);
    if (!next) return undefined;
    const stored = { ...next, updatedAt: Date.now() };
    deposits.set(id, stored);
    return copy(stored);
  };
  const oldest = () => [...deposits.values()].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));

  return {
    async addPayee(p) {
      const payee: Payee = { ...p, id: nextPayee++, createdAt: Date.now() };
      payees.set(payee.id, payee);
      return copy(payee);
    },
    async payees(currency) {
      return [...payees.values()].filter((p) => currency === undefined || p.currency === currency).map(copy);
    },
    async removePayee(id) {
      return payees.delete(id);
    },

    async create(d) {
      if (deposits.has(d.id)) return false;
      deposits.set(d.id, copy({ ...d, updatedAt: d.createdAt }));
      return true;
    },
    async get(id) {
      const d = deposits.get(id);
      return d && copy(d);
    },
    async openCount(userId) {
      return [...deposits.values()].filter((d) => d.userId === userId && d.state === "submitted").length;
    },
    async firstWithSlip(fileUniqueId, exceptId) {
      const d = oldest().find((x) => x.slip.fileUniqueId === fileUniqueId && x.id !== exceptId);
      return d && copy(d);
    },
    async changeAmount(id, amount) {
      return change(id, (d) => (d.state === "submitted" ? { ...d, claimedAmount: d.claimedAmount ?? d.amount, amount } : undefined));
    },
    async approve(id, by, credit) {
      const before = deposits.get(id);
      const moved = change(id, (d) =>
        d.state === "submitted" ? { ...d, state: "approved", reviewedBy: by, reviewedAt: Date.now() } : undefined,
      );
      if (!moved || !before) return { kind: "decided", deposit: before && copy(before) };
      const r = await ledger.apply({ ...credit, type: "credit", amount: moved.amount, currency: moved.currency, userId: moved.userId });
      if (!r.ok) {
        deposits.set(id, before);
        throw new Error("a credit can never be refused for funds");
      }
      return { kind: "approved", deposit: moved, entry: r.entry };
    },
    async reject(id, by, reason) {
      return change(id, (d) =>
        d.state === "submitted" ? { ...d, state: "rejected", reviewedBy: by, reviewedAt: Date.now(), reason } : undefined,
      );
    },
    async addCard(depositId, card) {
      const list = cards.get(depositId) ?? [];
      if (!list.some((c) => c.chatId === card.chatId && c.messageId === card.messageId)) cards.set(depositId, [...list, { ...card }]);
    },
    async cards(depositId) {
      return (cards.get(depositId) ?? []).map(copy);
    },
    async unreviewedSince(before) {
      return oldest()
        .filter((d) => d.state === "submitted" && (d.raisedAt ?? d.createdAt) < before)
        .map(copy);
    },
    async markRaised(id, seen, at) {
      return change(id, (d) => (d.state === "submitted" && d.raisedAt === seen ? { ...d, raisedAt: at } : undefined)) !== undefined;
    },
    async approvedTotals(since, until) {
      const approved = oldest().filter(
        (d) => d.state === "approved" && d.reviewedAt !== undefined && d.reviewedAt >= since && d.reviewedAt < until,
      );
      return moneyTotals(approved.map((d) => ({ currency: d.currency, amount: d.amount })));
    },
  };
}
