import type { MaintenanceEntry, MaintenanceRecords } from "../types.js";

export function memoryMaintenance(): MaintenanceRecords {
  const entries = new Map<string, MaintenanceEntry>();
  const key = (scope: string, target: string) => `${scope}\u0000${target}`;
  return {
    async list() {
      return [...entries.values()].sort((a, b) => a.setAt - b.setAt).map((e) => ({ ...e }));
    },
    async set(e, opts) {
      const k = key(e.scope, e.target);
      if (opts?.ifAbsent && entries.has(k)) return false;
      entries.set(k, { ...e });
      return true;
    },
    async clear(scope, target, opts) {
      const k = key(scope, target);
      const e = entries.get(k);
      if (!e || (opts?.autoOnly && !e.auto)) return false;
      entries.delete(k);
      return true;
    },
  };
}
