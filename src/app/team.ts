import type { Config } from "../config.js";
import { createAccounts } from "../domain/accounts.js";
import { createAuditTrail } from "../domain/audit.js";
import { createResellers } from "../domain/resellers.js";
import type { Foundation } from "./foundation.js";

/** Who is who: resellers and their registration, the admins' account changes, the audit trail. */
export function buildTeam(config: Config, f: Foundation) {
  const audit = createAuditTrail(f.store.audit);
  const resellers = createResellers({ store: f.store, adminIds: config.adminIds, registration: config.registration, notifier: f.notifier });
  const accounts = createAccounts({ resellers, kv: f.store.kv, notifier: f.notifier, audit });
  return { audit, resellers, accounts };
}

export type Team = ReturnType<typeof buildTeam>;
