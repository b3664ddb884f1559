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
export type ProviderErrorKind =
  | "rejected"
  | "auth"
  | "not_found"
  | "rate_limited"
  | "timeout"
  | "unavailable"
  | "bad_response";

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
    return this.kind === "rejected" || this.kind === "auth" || this.kind === "not_found" || this.kind === "rate_limited";
  }
}

/** What the domain needs of the registry: the enabled adapters. */
export interface ProviderDirectory {
  list(): ProviderAdapter[];
  get(id: ProviderId): ProviderAdapter | undefined;
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
