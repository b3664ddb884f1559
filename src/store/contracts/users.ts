/** The user record: a reseller (or admin) as the bot knows them. */
import type { Locale } from "../../domain/locale.js";
import type { UserStatus } from "../../domain/reseller-status.js";
import type { GrantableRole } from "../../domain/team/permissions.js";
import type { Tier } from "../../domain/tiers.js";

export interface UserRecord {
  id: number;
  username?: string;
  firstName: string;
  /** Chosen with /language; otherwise negotiated from Telegram's language_code. */
  locale?: Locale;
  telegramLanguage?: string;
  status: UserStatus;
  /** The reseller's own e-mail (loyalty points registration), when they gave one. */
  email?: string;
  /** When `email` was registered at the loyalty-points provider (cleared when the e-mail changes). */
  pointsRegisteredAt?: number;
  tier: Tier;
  createdAt: number;
  /** Set when Telegram answered 403 to a message: the user blocked the bot. */
  blockedAt?: number;
  /** A role in the operator team, given with /role (owners are ADMIN_IDS and never stored). */
  teamRole?: GrantableRole;
}

/** Fields to set; null removes an optional field. */
export type UserPatch = { [K in Exclude<keyof UserRecord, "id">]?: UserRecord[K] | null };

export interface Users {
  get(id: number): Promise<UserRecord | undefined>;
  /**
   * Atomically merges fields into a stored user; returns the result, or undefined when absent.
   * Writers touching different fields (a profile refresh, an admin's approval) never undo each other.
   */
  patch(id: number, patch: UserPatch): Promise<UserRecord | undefined>;
  /** Creates the user unless present; returns the stored record and whether it was created. */
  createIfAbsent(user: UserRecord): Promise<{ user: UserRecord; created: boolean }>;
  save(user: UserRecord): Promise<void>;
  byUsername(username: string): Promise<UserRecord | undefined>;
  all(): Promise<UserRecord[]>;
  /** Everyone with a team role. */
  team(): Promise<UserRecord[]>;
}
