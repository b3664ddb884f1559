/** The licences capability (xen): verifying licence keys, the operator's licences and orders, and licence webhooks. */
import type { Money } from "./money.js";

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
