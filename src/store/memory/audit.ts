import type { AuditEntry, AuditLog } from "../types.js";
import { copy } from "./tables.js";

export function memoryAudit(): AuditLog {
  const audit: AuditEntry[] = [];
  return {
    async append(entry) {
      audit.push(copy(entry));
    },
    async recent(n) {
      return audit.slice(-n).reverse().map(copy);
    },
  };
}
