import type { MaintenanceEntry, MaintenanceRecords, MaintenanceScope } from "../types.js";
import type { Pool } from "./pool.js";

interface Row {
  scope: MaintenanceScope;
  target: string;
  note: string | null;
  set_by: string | null;
  set_at: Date;
  auto: boolean;
}

const toEntry = (r: Row): MaintenanceEntry => ({
  scope: r.scope,
  target: r.target,
  note: r.note ?? undefined,
  setBy: r.set_by === null ? undefined : Number(r.set_by),
  setAt: r.set_at.getTime(),
  auto: r.auto,
});

export function postgresMaintenance(pool: Pool): MaintenanceRecords {
  return {
    async list() {
      const r = await pool.query<Row>("SELECT scope, target, note, set_by, set_at, auto FROM maintenance ORDER BY set_at, scope, target");
      return r.rows.map(toEntry);
    },
    async set(e, opts) {
      const conflict = opts?.ifAbsent
        ? "DO NOTHING"
        : "DO UPDATE SET note = EXCLUDED.note, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at, auto = EXCLUDED.auto";
      const r = await pool.query(
        `INSERT INTO maintenance (scope, target, note, set_by, set_at, auto) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (scope, target) ${conflict}`,
        [e.scope, e.target, e.note ?? null, e.setBy ?? null, new Date(e.setAt), e.auto],
      );
      return (r.rowCount ?? 0) > 0;
    },
    async clear(scope, target, opts) {
      const r = await pool.query(`DELETE FROM maintenance WHERE scope = $1 AND target = $2${opts?.autoOnly ? " AND auto" : ""}`, [
        scope,
        target,
      ]);
      return (r.rowCount ?? 0) > 0;
    },
  };
}
