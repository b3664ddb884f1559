import type { Locale, Store, Tier, UserRecord, UserStatus } from "../store/types.js";
import type { Notifier } from "./notifications.js";

export interface TelegramProfile {
  id: number;
  firstName: string;
  username?: string;
  languageCode?: string;
}

export type BuyBlock = "pending" | "banned" | "rejected" | "maintenance";

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
  buyBlock(user: UserRecord, maintenance: boolean): BuyBlock | undefined;
}

export function createResellers(deps: {
  store: Store;
  adminIds: readonly number[];
  registration: "approval" | "open";
  notifier: Notifier;
}): Resellers {
  const { store, adminIds } = deps;
  const isAdmin = (id: number) => adminIds.includes(id);

  async function update(id: number, change: (u: UserRecord) => UserRecord) {
    const before = await store.users.get(id);
    if (!before) return undefined;
    const after = change(before);
    await store.users.save(after);
    return { before, after };
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
      const { user, created } = await store.users.createIfAbsent(fresh);
      if (created) {
        if (user.status === "pending") {
          await deps.notifier.notifyAdmins(
            "admin-new-registration",
            { userId: String(user.id), name: user.firstName, username: user.username ? `@${user.username}` : "-" },
            `registration:${user.id}`,
            [[{ key: "btn-approve", data: `appr:${user.id}` }, { key: "btn-reject", data: `rej:${user.id}` }]],
          );
        }
        return { user, created };
      }
      // Keep the profile current; an admin listed in ADMIN_IDS later is active from then on.
      const next: UserRecord = {
        ...user,
        firstName: profile.firstName,
        username: profile.username,
        telegramLanguage: profile.languageCode,
        status: isAdmin(user.id) && user.status === "pending" ? "active" : user.status,
        blockedAt: undefined,
      };
      if (JSON.stringify(next) !== JSON.stringify(user)) await store.users.save(next);
      return { user: next, created };
    },
    async resolve(ref) {
      const t = ref.trim();
      if (/^\d{1,15}$/.test(t)) return store.users.get(Number(t));
      if (/^@?[A-Za-z0-9_]{3,32}$/.test(t)) return store.users.byUsername(t);
      return undefined;
    },
    setStatus: (id, status) => update(id, (u) => ({ ...u, status })),
    setTier: (id, tier) => update(id, (u) => ({ ...u, tier })),
    async setLocale(id, locale) {
      await update(id, (u) => ({ ...u, locale }));
    },
    async markBlocked(id, blocked) {
      await update(id, (u) => ({ ...u, blockedAt: blocked ? Date.now() : undefined }));
    },
    buyBlock(user, maintenance) {
      if (user.status !== "active") return user.status;
      if (maintenance && !isAdmin(user.id)) return "maintenance";
      return undefined;
    },
  };
}
