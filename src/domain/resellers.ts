import type { Locale } from "./locale.js";
import type { UserStatus } from "./reseller-status.js";
import type { Tier } from "./tiers.js";
import type { Store, UserPatch, UserRecord } from "../store/types.js";
import type { Notifier } from "./notifications.js";

export interface TelegramProfile {
  id: number;
  firstName: string;
  username?: string;
  languageCode?: string;
}

export type BuyBlock = "pending" | "banned" | "rejected";

export interface Resellers {
  /** Registers on first contact; refreshes the name and username on later ones. */
  register(profile: TelegramProfile): Promise<{ user: UserRecord; created: boolean }>;
  get(id: number): Promise<UserRecord | undefined>;
  /** Resolves "123456" or "@name" to a known user. */
  resolve(ref: string): Promise<UserRecord | undefined>;
  setStatus(id: number, status: UserStatus): Promise<{ before: UserRecord; after: UserRecord } | undefined>;
  setTier(id: number, tier: Tier): Promise<{ before: UserRecord; after: UserRecord } | undefined>;
  setLocale(id: number, locale: Locale): Promise<void>;
  markBlocked(id: number, blocked: boolean): Promise<void>;
  isAdmin(id: number): boolean;
  /** Why this user may not buy now, or undefined when they may. */
  /** The account's own standing; maintenance is the maintenance module's (domain/maintenance.ts). */
  buyBlock(user: UserRecord): BuyBlock | undefined;
}

export function createResellers(deps: {
  store: Store;
  adminIds: readonly number[];
  registration: "approval" | "open";
  notifier: Notifier;
}): Resellers {
  const { store, adminIds } = deps;
  const isAdmin = (id: number) => adminIds.includes(id);

  async function update(id: number, patch: UserPatch) {
    const before = await store.users.get(id);
    if (!before) return undefined;
    const after = await store.users.patch(id, patch);
    return after && { before, after };
  }

  return {
    isAdmin,
    get: (id) => store.users.get(id),
    async register(profile) {
      const fresh: UserRecord = {
        id: profile.id,
        firstName: profile.firstName,
        username: profile.username,
        telegramLanguage: profile.languageCode,
        status: isAdmin(profile.id) || deps.registration === "open" ? "active" : "pending",
        tier: "member",
        createdAt: Date.now(),
      };
      // Every update registers its sender: a known one (nearly all) costs one read, not an insert attempt and a read.
      const known = await store.users.get(profile.id);
      const { user, created } = known ? { user: known, created: false } : await store.users.createIfAbsent(fresh);
      if (created) {
        if (user.status === "pending") {
          await deps.notifier.notifyAdmins(
            "admin-new-registration",
            { userId: String(user.id), name: user.firstName, username: user.username ? `@${user.username}` : "-" },
            `registration:${user.id}`,
            [
              [
                { key: "btn-approve", action: { kind: "approve-reseller", userId: user.id } },
                { key: "btn-reject", action: { kind: "reject-reseller", userId: user.id } },
              ],
            ],
          );
        }
        return { user, created };
      }
      // Keep the profile current, touching only its own fields: an admin's change to status or
      // tier made at the same moment must survive. A message from the user also means they
      // no longer block the bot; an admin listed in ADMIN_IDS later is active from then on.
      const patch: UserPatch = {};
      if (user.firstName !== profile.firstName) patch.firstName = profile.firstName;
      if (user.username !== profile.username) patch.username = profile.username ?? null;
      if (user.telegramLanguage !== profile.languageCode) patch.telegramLanguage = profile.languageCode ?? null;
      if (user.blockedAt !== undefined) patch.blockedAt = null;
      if (isAdmin(user.id) && user.status === "pending") patch.status = "active";
      if (Object.keys(patch).length === 0) return { user, created };
      return { user: (await store.users.patch(user.id, patch)) ?? user, created };
    },
    async resolve(ref) {
      const t = ref.trim();
      if (/^\d{1,15}$/.test(t)) return store.users.get(Number(t));
      if (/^@?[A-Za-z0-9_]{3,32}$/.test(t)) return store.users.byUsername(t);
      return undefined;
    },
    setStatus: (id, status) => update(id, { status }),
    setTier: (id, tier) => update(id, { tier }),
    async setLocale(id, locale) {
      await store.users.patch(id, { locale });
    },
    async markBlocked(id, blocked) {
      await store.users.patch(id, { blockedAt: blocked ? Date.now() : null });
    },
    buyBlock(user) {
      if (user.status !== "active") return user.status;
      return undefined;
    },
  };
}
