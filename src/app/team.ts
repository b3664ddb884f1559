import type { Config } from "../config.js";
import { createAccounts } from "../domain/accounts.js";
import { createAuditTrail } from "../domain/audit.js";
import { createResellers } from "../domain/resellers.js";
import { createTeam } from "../domain/team/index.js";
import type { Foundation } from "./foundation.js";

/** Who is who: resellers and their registration, the operator team and its roles, account changes, the audit trail. */
export function buildTeam(config: Config, f: Foundation) {
  const audit = createAuditTrail(f.store.audit);
  const resellers = createResellers({ store: f.store, adminIds: config.adminIds, registration: config.registration, notifier: f.notifier });
  const accounts = createAccounts({ resellers, kv: f.store.kv, notifier: f.notifier, audit });
  const team = createTeam({ users: f.store.users, ownerIds: config.adminIds, audit });
  return { audit, resellers, accounts, team };
}

export type Team = ReturnType<typeof buildTeam>;
