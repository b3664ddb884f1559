/** The saved customer: a player id or e-mail a reseller bought for lately. */
export type SavedCustomerKind = "player" | "email";

/** A customer a reseller bought for lately: a player id (with its zone) or an e-mail. */
export interface SavedCustomer {
  id: number;
  userId: number;
  kind: SavedCustomerKind;
  /** The player id or the e-mail. */
  value: string;
  zone?: string;
  /** What the provider reported for the player, when it did. */
  nickname?: string;
  usedAt: number;
}

export interface SavedCustomers {
  /**
   * Records a use: inserts the customer or moves it to the front (a nickname given replaces the
   * one kept; none given keeps it), then keeps only the newest `keep` of the user's `kind`.
   */
  remember(c: Omit<SavedCustomer, "id">, keep: number): Promise<void>;
  /** Sets the nickname of a saved player (no-op when that player is not saved). */
  setNickname(userId: number, playerId: string, zone: string | undefined, nickname: string): Promise<void>;
  /** Newest first. */
  list(userId: number, kind: SavedCustomerKind, limit: number): Promise<SavedCustomer[]>;
  /** Removes one of the user's own saved customers; false when it was not theirs or is gone. */
  forget(userId: number, id: number): Promise<boolean>;
}
