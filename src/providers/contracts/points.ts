/** The points capability (vifox): registering resellers at the loyalty-points provider and awarding them points. */

/** A reseller registered as a user of the loyalty-points provider. Only the e-mail is required. */
export interface PointsUser {
  email: string;
  firstName?: string;
  lastName?: string;
  mobile?: string;
  postalCode?: string;
  address?: string;
  username?: string;
  referralCode?: string;
}

/**
 * A write answered "Duplicate transaction ID": a request with this transaction id was already
 * accepted. When it is a retry of the caller's own operation, that operation is done.
 */
export interface PointsDuplicate {
  kind: "duplicate";
}

export type RegisterUsersResult = { kind: "created"; existingEmails: string[] } | PointsDuplicate;

export interface PointsAward {
  email: string;
  /** Whole points, never 0; a negative number takes points back from the user. */
  points: number;
  description?: string;
  /** Our reference, echoed per user and kept in the user's history (reconciliation). */
  externalId?: string;
}

/** The provider's verdict on one award of a batch: an HTTP 200 carries one per user. */
export type PointsAwardOutcome = { email: string; externalId?: string; message: string } & (
  | { status: "awarded" }
  | { status: "insufficient_pool" }
  | { status: "insufficient_user_points" }
  | { status: "not_registered" }
  | { status: "user_limit_reached" }
  /** A per-user status the document does not list. */
  | { status: "other"; code: number }
);

export type AddPointsResult = { kind: "applied"; outcomes: PointsAwardOutcome[] } | PointsDuplicate;

export interface PointsHistoryEntry {
  id: number;
  /** Whose side of the movement this is: the user's, or the partner's (the pool). */
  userId: number;
  points: number;
  reason: string;
  type?: string;
  description?: string;
  externalId?: string;
  /** ISO time. */
  at: string;
}

export type UserPoints =
  | { status: "valid"; email: string; points: number; history: PointsHistoryEntry[] }
  | { status: "invalid"; email: string; message: string };

export interface UserPointsQuery {
  /** Absent or empty: every user of the partner account. */
  emails?: string[];
  withHistory?: boolean;
}

export type PointsUserInfo =
  | {
      status: "found";
      email: string;
      firstName?: string;
      lastName?: string;
      points: number;
      kycVerified: boolean;
      /** Who referred the user, when someone did. */
      parent?: { email: string; firstName?: string; lastName?: string; referralCode?: string };
    }
  | { status: "not_found"; email: string };

export interface LiquidityPool {
  /** Points the partner can still award. */
  points: number;
  /** The provider's current exchange rate, as it gives it. */
  rate: number;
}

/**
 * Loyalty points. Writes take a transaction id the caller made with `newTransactionId()` and
 * stored with its operation before the call, so that a retry sends the same one. Per-user
 * statuses are results; transport, auth and validation failures throw ProviderError.
 */
export interface PointsSource {
  newTransactionId(): string;
  registerUsers(users: PointsUser[], transactionId: string): Promise<RegisterUsersResult>;
  addPoints(awards: PointsAward[], transactionId: string): Promise<AddPointsResult>;
  /** Without e-mails, every user of the partner account: [] when it has none. */
  userPoints(query?: UserPointsQuery): Promise<UserPoints[]>;
  userInfo(email: string): Promise<PointsUserInfo>;
  liquidityPool(): Promise<LiquidityPool>;
}
