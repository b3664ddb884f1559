import type { Payee, Transfers } from "../../store/types.js";
import type { AuditTrail } from "../audit.js";

/** The operator's accounts resellers pay into (/payee), each change audited. */
export function createPayees(deps: { transfers: Transfers; audit: AuditTrail }) {
  const { transfers, audit } = deps;
  return {
    list: (currency?: string) => transfers.payees(currency),
    async add(by: number, p: { currency: string; label: string; details: string }): Promise<Payee> {
      const payee = await transfers.addPayee({ ...p, createdBy: by });
      await audit.record(by, "payee_add", {
        target: String(payee.id),
        after: { currency: p.currency, label: p.label, details: p.details },
      });
      return payee;
    },
    async remove(by: number, id: number): Promise<boolean> {
      const removed = await transfers.removePayee(id);
      if (removed) await audit.record(by, "payee_remove", { target: String(id) });
      return removed;
    },
  };
}

export type Payees = ReturnType<typeof createPayees>;
