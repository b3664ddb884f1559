import type { AuditEntry, AuditLog } from "../types.js";
import type { Pool } from "./pool.js";

interface Row {
  at: Date;
  actor: number;
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
  note: string | null;
}

export function postgresAudit(pool: Pool): AuditLog {
  return {
    async append(e) {
      await pool.query("INSERT INTO audit_log (at, actor, action, target, before, after, note) VALUES ($1, $2, $3, $4, $5, $6, $7)", [
        new Date(e.at),
        e.actor,
        e.action,
        e.target ?? null,
        e.before === undefined ? null : JSON.stringify(e.before),
        e.after === undefined ? null : JSON.stringify(e.after),
        e.note ?? null,
      ]);
    },
    async recent(n) {
      const r = await pool.query<Row>("SELECT * FROM audit_log ORDER BY seq DESC LIMIT $1", [n]);
      return r.rows.map(
        (row): AuditEntry => ({
          at: row.at.getTime(),
          actor: row.actor,
          action: row.action,
          ...(row.target !== null && { target: row.target }),
          ...(row.before !== null && { before: row.before }),
          ...(row.after !== null && { after: row.after }),
          ...(row.note !== null && { note: row.note }),
        }),
      );
    },
  };
}
