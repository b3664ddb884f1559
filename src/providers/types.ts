/**
 * The adapter layer's boundary: one small interface per capability. Flows and the domain see
 * only these types; no adapter is imported by name outside providers/registry.ts.
 *
 * Money is always an integer in the currency's minor unit as defined in lib/money.ts
 * (IDR and MMK have no minor unit in practice, so there 1 = Rp 1 / 1 Ks).
 */

export type ProviderId = "xinstitute" | "gametopup" | "xen" | "vifox" | "xpay";

export interface Money {
  /** Integer, minor units. */
  amount: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

/** What an order of this product needs from the reseller. */
export type OrderInput =
  /** A subscription delivered to the customer's e-mail, bought in a quantity (xinstitute). */
  | { kind: "email" }
  /** A game top-up for a player id and, when the game has servers, a zone (gametopup). */
  | { kind: "player"; zone: "optional" | "required" | "none" };

export interface Product {
  provider: ProviderId;
  /** The provider's own product id (xinstitute product_id, gametopup kode). */
  sku: string;
  name: string;
  category: string;
  /** What the operator pays the provider for one unit. Never shown to resellers. */
  cost: Money;
  inStock: boolean;
  stock?: number;
  /** Free text from the provider (gametopup catatan, xinstitute subscription_type). */
  note?: string;
  input: OrderInput;
}

export interface PlaceOrderRequest {
  /** Our order id; gametopup's ref_id. Unique per order, stable across retries. */
  ref: string;
  sku: string;
  /** The unit cost the price was computed from (gametopup signs it into the order hash). */
  unitCost: Money;
  quantity: number;
  email?: string;
  playerId?: string;
  zone?: string;
}

/** Provider-neutral order state. */
export type ProviderOrderState = "pending" | "processing" | "completed" | "failed";

export interface PlaceOrderResult {
  providerOrderId: string;
  state: ProviderOrderState;
  /** What the provider says it charged the operator, when it says. */
  charged?: Money;
  productName?: string;
}

export interface ProviderOrderStatus {
  providerOrderId: string;
  state: ProviderOrderState;
  /** Provider's note (gametopup keterangan). */
  note?: string;
  nickname?: string;
  playerId?: string;
  zone?: string;
  productName?: string;
  price?: Money;
}

export interface AccountInfo {
  balance: Money;
  name?: string;
  plan?: string;
  status?: string;
  /** Provider-specific recent transactions, already parsed; used by reconciliation. */
  recentOrderIds?: string[];
}

/** A verified, parsed provider webhook delivery. */
export interface WebhookEvent {
  provider: ProviderId;
  /** Stable across the provider's retries of the same delivery: the dedupe key. */
  deliveryId: string;
  kind: "shipped" | "cancelled" | "failed_delivery";
  providerOrderId: string;
  trackingInfo?: string;
  shippingStatus?: string;
  at?: string;
}

export interface CatalogSource {
  listProducts(): Promise<Product[]>;
}

export interface OrderPlacer {
  placeOrder(req: PlaceOrderRequest): Promise<PlaceOrderResult>;
  /** Whether an order sent now would wait for the provider's documented rate limit. */
  busy?(): Promise<boolean>;
}

export interface StatusSource {
  getStatus(providerOrderId: string): Promise<ProviderOrderStatus>;
}

export interface AccountSource {
  getAccount(): Promise<AccountInfo>;
}

export interface WebhookSource {
  /** Constant-time check of the signature over the exact raw bytes. */
  verify(rawBody: Uint8Array, headers: Headers): boolean;
  /** Parses a verified body; throws ProviderError(kind "bad_response") when malformed. */
  parse(rawBody: Uint8Array): WebhookEvent;
}

export interface ProviderAdapter {
  id: ProviderId;
  catalog?: CatalogSource;
  ordering?: OrderPlacer;
  status?: StatusSource;
  account?: AccountSource;
  webhooks?: WebhookSource;
  points?: PointsSource; // vifox
  licences?: LicenceSource; // xen
  licenceAccount?: LicenceAccountSource; // xen
  licenceWebhooks?: LicenceWebhookSource; // xen
  payments?: PaymentsSource; // xpay
}

/**
 * Why a provider call failed.
 * - rejected: the provider answered and refused (the action definitely did not happen).
 * - auth: bad key, plan, IP not whitelisted (definitely did not happen; operator must act).
 * - not_found: unknown product / transaction.
 * - rate_limited: 429 after the client's own waiting; retryAfterMs when given.
 * - timeout / unavailable / bad_response: we cannot tell whether the action happened.
 */
export type ProviderErrorKind = "rejected" | "auth" | "not_found" | "rate_limited" | "timeout" | "unavailable" | "bad_response";

export class ProviderError extends Error {
  readonly provider: ProviderId;
  readonly endpoint: string;
  readonly kind: ProviderErrorKind;
  /** Machine code for the reason, e.g. "insufficient_balance", "product_unavailable". */
  readonly code: string;
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  constructor(init: {
    provider: ProviderId;
    endpoint: string;
    kind: ProviderErrorKind;
    code: string;
    message: string;
    httpStatus?: number;
    retryAfterMs?: number;
  }) {
    super(init.message);
    this.name = "ProviderError";
    this.provider = init.provider;
    this.endpoint = init.endpoint;
    this.kind = init.kind;
    this.code = init.code;
    this.httpStatus = init.httpStatus;
    this.retryAfterMs = init.retryAfterMs;
  }

  /** True when the provider certainly did not carry the action out (safe to refund). */
  get definite(): boolean {
    // "unreachable": no connection was made, so the provider never saw the request.
    return (
      this.kind === "rejected" ||
      this.kind === "auth" ||
      this.kind === "not_found" ||
      this.kind === "rate_limited" ||
      this.code === "unreachable"
    );
  }
}

/** Codes of errors raised before any request went out (no rate-limit slot, the shared limiter down): certainly not sent. */
export const NOT_SENT_CODES: ReadonlySet<string> = new Set(["client_queue_full", "limiter_unavailable"]);

/** What the domain needs of the registry: the enabled adapters. */
export interface ProviderDirectory {
  list(): ProviderAdapter[];
  get(id: ProviderId): ProviderAdapter | undefined;
}

// --- vifox capability ---

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

// --- xen capability ---

/**
 * A licence key's state. "invalid": the provider says not valid, yet neither revoked nor
 * expired (its document does not say when that happens).
 */
export type LicenceState = "valid" | "revoked" | "expired" | "invalid" | "not_found";

export interface LicenceExtension {
  name: string;
  slug?: string;
  version?: string;
}

/** The public verification of one key. */
export interface LicenceVerification {
  key: string;
  state: LicenceState;
  /** The forum domain the licence is bound to. */
  domain?: string;
  /** ISO 8601, UTC. Absent when the provider gives none (no expiry, or unreadable). */
  expiresAt?: string;
  extension?: LicenceExtension;
}

/** One of the operator's own licences. */
export interface Licence {
  key: string;
  /** Absent when the provider's list item does not say. */
  state?: Exclude<LicenceState, "not_found">;
  domain?: string;
  expiresAt?: string;
  extension?: LicenceExtension;
  lastVerifiedAt?: string;
  verifyCount?: number;
}

/** What a heartbeat answered. */
export interface LicenceHeartbeat {
  key: string;
  state?: Exclude<LicenceState, "not_found">;
  domain?: string;
  lastVerifiedAt?: string;
  verifyCount?: number;
}

export interface LicenceSource {
  /** Whether text could be a key at all, without a call: the bot answers a malformed key itself. */
  isPlausibleKey(key: string): boolean;
  /** Public. An unknown key is `state: "not_found"`, not an error. */
  verify(key: string): Promise<LicenceVerification>;
  /** Public: the published extensions. */
  listExtensions(): Promise<LicenceExtension[]>;
  listLicences(): Promise<Licence[]>;
  /** Records a check from the forum; `domain` must match the licence's (else rejected, domain_mismatch). */
  heartbeat(key: string, domain?: string): Promise<LicenceHeartbeat>;
}

export interface LicenceAccount {
  id: string;
  email?: string;
  name?: string;
  username?: string;
  createdAt?: string;
}

export interface LicenceOrder {
  id: string;
  status?: string;
  amount?: Money;
  licenseKey?: string;
  extension?: LicenceExtension;
  createdAt?: string;
}

export interface LicenceAccountSource {
  me(): Promise<LicenceAccount>;
  /** The provider's last 100 orders of the account. */
  orders(): Promise<LicenceOrder[]>;
}

export type XenWebhookKind =
  | "license.activated"
  | "license.revoked"
  | "license.domain_changed"
  | "order.paid"
  | "order.refunded"
  | "subscription.created"
  | "subscription.canceled";

/** A verified, parsed xen webhook delivery. */
export interface XenWebhookEvent {
  provider: "xen";
  /** Stable across redeliveries of the same delivery: the dedupe key. */
  deliveryId: string;
  kind: XenWebhookKind;
  licenseKey?: string;
  domain?: string;
  orderId?: string;
  extension?: LicenceExtension;
  amount?: Money;
  customerEmail?: string;
  /** ISO 8601, UTC. */
  at?: string;
}

export interface LicenceWebhookSource {
  /** Constant-time check of X-Webhook-Signature over the exact raw bytes. */
  verify(rawBody: Uint8Array, headers: Headers): boolean;
  /** Parses a verified body; throws ProviderError(kind "bad_response") when malformed or of an unknown event. */
  parse(rawBody: Uint8Array): XenWebhookEvent;
}

// --- xpay capability ---

/** Where a deposit bill stands. Only "paid" may ever credit a wallet. */
export type BillStatus = "unpaid" | "paid" | "expired" | "cancelled";

export interface CreateBillRequest {
  /** Integer, minor units of `currency` (lib/money.ts); must be positive. */
  amount: number;
  currency: string;
  /** Our deposit id: unique per deposit, stable across retries; searchBills finds a bill by it. */
  reference: string;
  description?: string;
}

export interface Bill {
  /** The payment provider's bill id. */
  id: string;
  reference: string;
  amount: Money;
  status: BillStatus;
  /** Where the payer pays, when the provider gives a link. */
  payUrl?: string;
  /** Free-text payment instructions, when the provider gives them. */
  instructions?: string;
  /** Epoch milliseconds. */
  expiresAt?: number;
  paidAt?: number;
  createdAt?: number;
}

export interface BillQuery {
  reference?: string;
  status?: BillStatus;
}

/**
 * A payment-provider notification, never trusted for amounts or status: it only says which bill
 * to re-read from the API before anything is credited.
 */
export interface PaymentHint {
  billId?: string;
  reference?: string;
}

export interface PaymentsSource {
  createBill(req: CreateBillRequest): Promise<Bill>;
  getBill(id: string): Promise<Bill>;
  /** Answers the bill as it stands after the cancel. */
  cancelBill(id: string): Promise<Bill>;
  searchBills(query: BillQuery): Promise<Bill[]>;
  /** Reads an unsigned notification body; throws ProviderError(kind "bad_response") when it names no bill. */
  parseHint(rawBody: Uint8Array | string): PaymentHint;
}
