import type { UserRecord, Users } from "../../store/types.js";
import type { AuditTrail } from "../audit.js";
import type { GrantableRole, Role } from "./permissions.js";

export type { Role } from "./permissions.js";

export interface TeamMember {
  id: number;
  role: Role;
  user?: UserRecord;
}

export type RoleChange = { ok: true; before: Role | undefined; after: Role | undefined } | { ok: false; reason: "owner" | "self" };

/**
 * Who is on the operator team. Owners are ADMIN_IDS (the environment only); the other roles live
 * on the user record in PostgreSQL, whose cache every process drops on a change (cached-users),
 * so a role given or taken in one process holds in the others at once.
 */
export function createTeam(deps: { users: Users; ownerIds: readonly number[]; audit: AuditTrail }) {
  const isOwner = (id: number) => deps.ownerIds.includes(id);
  const roleOf = (id: number, user: UserRecord | undefined): Role | undefined => (isOwner(id) ? "owner" : user?.teamRole);

  return {
    roleOf,
    isOwner,
    async members(): Promise<TeamMember[]> {
      const stored = await deps.users.team();
      const owners = await Promise.all(deps.ownerIds.map(async (id) => ({ id, role: "owner" as const, user: await deps.users.get(id) })));
      return [...owners, ...stored.filter((u) => !isOwner(u.id)).map((u) => ({ id: u.id, role: roleOf(u.id, u) ?? "support", user: u }))];
    },
    /** The ids whose role is one of `roles` (where alerts go when there is no operator group). */
    async idsWith(roles: readonly Role[]): Promise<number[]> {
      const all = await this.members();
      return all.filter((m) => roles.includes(m.role)).map((m) => m.id);
    },
    /** Gives or removes (none) a role. An owner's role comes from ADMIN_IDS and cannot be changed here. */
    async setRole(by: number, target: UserRecord, role: GrantableRole | "none"): Promise<RoleChange> {
      if (isOwner(target.id)) return { ok: false, reason: "owner" };
      const before = target.teamRole;
      const after = await deps.users.patch(target.id, { teamRole: role === "none" ? null : role });
      await deps.audit.record(by, "role", { target: String(target.id), before: before ?? "none", after: after?.teamRole ?? "none" });
      return { ok: true, before, after: after?.teamRole };
    },
  };
}

export type Team = ReturnType<typeof createTeam>;
