/** The reseller API's records: keys (as hashes), each reseller's API settings, ref_id claims and callback events. */

export interface ApiKeyRecord {
  id: string;
  resellerId: number;
  /** SHA-256 (hex) of the key; the key itself is never stored. */
  keyHash: string;
  /** The key's prefix and last characters, enough to recognise it in /api. */
  keyHint: string;
  /** Signs the callbacks (HMAC-SHA256), so it is kept as it is. */
  callbackSecret: string;
  createdAt: number;
  revokedAt?: number;
}

export interface LastCallback {
  at: number;
  eventId: string;
  ok: boolean;
  /** The receiver's HTTP status; absent when it never answered. */
  status?: number;
  /** Why it failed, as a short code (timeout, refused, blocked_address…). */
  error?: string;
}

export interface ApiSettings {
  resellerId: number;
  callbackUrl?: string;
  /** IPs and CIDR ranges (IPv4 or IPv6); empty: any address. */
  allowedIps: string[];
  /** API orders pushed in chat too. */
  notifyInChat: boolean;
  lastCallback?: LastCallback;
}

export interface ApiOrderRef {
  resellerId: number;
  refId: string;
  orderId: string;
  bodyHash: string;
  createdAt: number;
}

export interface ApiEvent {
  eventId: string;
  orderId: string;
  resellerId: number;
  /** Order of the events of one order. */
  seq: number;
  /** The JSON body exactly as it is sent (and signed), on every attempt. */
  body: string;
  createdAt: number;
  deliveredAt?: number;
  givenUpAt?: number;
  attempts: number;
}

export interface ApiRecords {
  /** Adds a live key, revoking the reseller's live one in the same step (create and rotate). */
  replaceKey(key: ApiKeyRecord): Promise<void>;
  /** The key with this hash, revoked or not. */
  keyByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  /** The key with this hash and its reseller's settings, in one read (every API request makes it). */
  keyWithSettings(keyHash: string): Promise<{ key: ApiKeyRecord; settings: ApiSettings } | undefined>;
  liveKey(resellerId: number): Promise<ApiKeyRecord | undefined>;
  /** Revokes the live key; false when there was none. */
  revokeKey(resellerId: number, at: number): Promise<boolean>;

  settings(resellerId: number): Promise<ApiSettings>;
  patchSettings(resellerId: number, patch: Partial<Omit<ApiSettings, "resellerId">>): Promise<ApiSettings>;

  /**
   * Claims (reseller, ref_id) for `ref.orderId` unless it is claimed; returns the claim that
   * holds, this one or the earlier one (whose order id and body hash every later request answers with).
   */
  claimRef(ref: ApiOrderRef): Promise<ApiOrderRef>;
  refByOrder(orderId: string): Promise<ApiOrderRef | undefined>;
  ref(resellerId: number, refId: string): Promise<ApiOrderRef | undefined>;

  /** Records an event unless its (order, seq) exists; false when it did. */
  addEvent(event: ApiEvent): Promise<boolean>;
  /** The order's events not yet delivered nor given up, in seq order. */
  openEvents(orderId: string): Promise<ApiEvent[]>;
  /** Every open event's order id (the sweep that finds deliveries nobody queued). */
  ordersWithOpenEvents(limit: number): Promise<string[]>;
  /** One attempt made: delivered, given up, or only counted. */
  markEvent(eventId: string, outcome: { deliveredAt?: number; givenUpAt?: number }): Promise<void>;
}
