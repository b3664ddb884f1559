import { randomUUID } from "node:crypto";
import type { UserStatus } from "./reseller-status.js";
import type { Tier } from "./tiers.js";
import type { Kv, UserRecord } from "../store/types.js";
import type { AuditTrail } from "./audit.js";
import type { Notifier } from "./notifications.js";
import type { Resellers } from "./resellers.js";

export type AccountAction = "approve" | "reject" | "ban" | "unban";

/** Which status each admin action may leave, where it leads, and what the user is told. */
const RULES: Record<AccountAction, { from: readonly UserStatus[]; to: UserStatus; notice: string }> = {
  approve: { from: ["pending", "rejected"], to: "active", notice: "registration-approved" },
  reject: { from: ["pending"], to: "rejected", notice: "registration-rejected" },
  ban: { from: ["pending", "active", "rejected"], to: "banned", notice: "account-banned" },
  unban: { from: ["banned"], to: "active", notice: "account-unbanned" },
};

export type AccountOutcome =
  | { kind: "changed"; before: UserRecord; after: UserRecord }
  /** The user's status does not allow this action (already decided, not banned, …). */
  | { kind: "unchanged"; user: UserRecord }
  /** Admins are configured by ADMIN_IDS; banning one from chat would be meaningless. */
  | { kind: "admin" }
  | { kind: "not_found" }
  /** Another admin is changing this user right now. */
  | { kind: "busy" };

const LOCK_TTL_MS = 10_000;
const LOCK_TRIES = 40;
const LOCK_WAIT_MS = 50;

/**
 * Admin changes to a reseller's account. Each runs under a short per-user lock in the store,
 * so two admins pressing Approve and Reject at the same moment (in two chats, or on two bot
 * processes) are serialised: the second sees the first's result instead of overwriting it and
 * the reseller is told one outcome.
 */
export function createAccounts(deps: { resellers: Resellers; kv: Kv; notifier: Notifier; audit: AuditTrail }) {
  const { resellers, kv, audit } = deps;

  async function locked<T>(userId: number, fn: () => Promise<T>): Promise<T | { kind: "busy" }> {
    const key = `lock:user:${userId}`;
    // Our own token: a holder that outlived its lease must not release the next holder's lock.
    const token = randomUUID();
    for (let i = 0; i < LOCK_TRIES; i++) {
      if (await kv.setIfAbsent(key, token, LOCK_TTL_MS)) {
        try {
          return await fn();
        } finally {
          await kv.deleteIf(key, token);
        }
      }
      await new Promise((r) => setTimeout(r, LOCK_WAIT_MS));
    }
    return { kind: "busy" };
  }

  return {
    change(action: AccountAction, userId: number, adminId: number): Promise<AccountOutcome> {
      if (action === "ban" && resellers.isAdmin(userId)) return Promise.resolve({ kind: "admin" });
      const rule = RULES[action];
      return locked(userId, async (): Promise<AccountOutcome> => {
        const user = await resellers.get(userId);
        if (!user) return { kind: "not_found" };
        if (!rule.from.includes(user.status)) return { kind: "unchanged", user };
        const r = await resellers.setStatus(userId, rule.to);
        if (!r) return { kind: "not_found" };
        await audit.record(adminId, action, {
          target: String(userId),
          before: { status: r.before.status },
          after: { status: r.after.status },
        });
        await deps.notifier.notifyUser({ userId, key: rule.notice });
        return { kind: "changed", ...r };
      });
    },

    setTier(userId: number, tier: Tier, adminId: number): Promise<AccountOutcome> {
      return locked(userId, async (): Promise<AccountOutcome> => {
        const user = await resellers.get(userId);
        if (!user) return { kind: "not_found" };
        if (user.tier === tier) return { kind: "unchanged", user };
        const r = await resellers.setTier(userId, tier);
        if (!r) return { kind: "not_found" };
        await audit.record(adminId, "tier", { target: String(userId), before: { tier: r.before.tier }, after: { tier: r.after.tier } });
        return { kind: "changed", ...r };
      });
    },
  };
}

export type Accounts = ReturnType<typeof createAccounts>;
