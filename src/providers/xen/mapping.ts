/** xen's parsed answers to the types of providers/types.ts. Pure. */
import { decimalToMinorCeil, isCurrency } from "../../lib/money.js";
import type { Licence, LicenceExtension, LicenceOrder, LicenceState, Money } from "../types.js";
import type { XenExtension, XenLicenceItem, XenOrderItem } from "./schemas.js";

export interface LicenceFlags {
  valid?: boolean;
  revoked?: boolean;
  expired?: boolean;
  status?: string;
}

/**
 * The flags to one state. Assumption: `valid: false` with neither flag set (the document does not
 * say when that happens) is "invalid", never "valid". Revoked wins over expired (a revoked licence stays revoked once it
 * also runs out), and both over `valid`. Without flags, a status word is read.
 */
export function licenceState(f: LicenceFlags): Exclude<LicenceState, "not_found"> | undefined {
  if (f.revoked) return "revoked";
  if (f.expired) return "expired";
  if (f.valid === true) return "valid";
  if (f.valid === false) return "invalid";
  switch (f.status?.toLowerCase()) {
    case "active":
    case "valid":
      return "valid";
    case "revoked":
      return "revoked";
    case "expired":
      return "expired";
    default:
      return undefined;
  }
}

/** A string names the extension by its slug (the webhook payload may carry one). */
export function toExtension(e: XenExtension | string | null | undefined): LicenceExtension | undefined {
  if (!e) return undefined;
  if (typeof e === "string") return { name: e, slug: e };
  return defined({ name: e.name, slug: e.slug, version: e.version });
}

export function toLicence(item: XenLicenceItem): Licence | undefined {
  const key = (item.key ?? item.license_key)?.trim();
  if (!key) return undefined;
  return defined({
    key,
    state: licenceState(item),
    domain: item.domain,
    expiresAt: item.expires_at,
    extension: toExtension(item.extension),
    lastVerifiedAt: item.last_verified_at,
    verifyCount: item.verify_count ?? undefined,
  });
}

export function toOrder(item: XenOrderItem): LicenceOrder {
  return defined({
    id: item.id,
    status: item.status,
    amount: money(item.total ?? item.amount, item.currency),
    licenseKey: item.license_key,
    extension: toExtension(item.extension),
    createdAt: item.created_at,
  });
}

/** A major-unit amount and its code to Money; undefined when either is missing or the code unknown. */
export function money(value: number | null | undefined, currency: string | undefined): Money | undefined {
  if (value == null || !currency) return undefined;
  const code = currency.toUpperCase();
  return isCurrency(code) ? { amount: decimalToMinorCeil(value, code), currency: code } : undefined;
}

/** The object without its undefined entries (results compare and print cleanly). */
export function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
