/**
 * The words every capability shares: which provider, and how much.
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
