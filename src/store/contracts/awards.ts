/** The points award record: the loyalty points one completed order earns, and how sending them went. */
export type PointsAwardState = "pending" | "awarded" | "limit_reached" | "failed";

/** The loyalty points one completed order earns its reseller. */
export interface PointsAwardRecord {
  orderId: string;
  userId: number;
  email: string;
  points: number;
  /** Sent with the award; stored before each call so a retry of that call reuses it. */
  transactionId: string;
  state: PointsAwardState;
  attempts: number;
  note?: string;
  createdAt: number;
  updatedAt: number;
}

export interface PointsAwards {
  /** One award per order: creates it unless the order has one, and returns the stored one. */
  claim(award: PointsAwardRecord): Promise<{ award: PointsAwardRecord; created: boolean }>;
  get(orderId: string): Promise<PointsAwardRecord | undefined>;
  /** Changes a pending award (a new transaction id, an attempt counted, its final state). */
  update(
    orderId: string,
    patch: Partial<Pick<PointsAwardRecord, "transactionId" | "state" | "attempts" | "note" | "email">>,
  ): Promise<PointsAwardRecord | undefined>;
  /** Pending awards, oldest first. */
  pending(): Promise<PointsAwardRecord[]>;
  /** Newest first. */
  byUser(userId: number, limit?: number): Promise<PointsAwardRecord[]>;
}
