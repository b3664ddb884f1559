/**
 * Licence checks (xen): a reseller's lookup of a key, shared through a short cache, and the
 * provider's signed events turned into chat messages for admins and the resellers who looked
 * the key up. No grammY, no HTTP: the bot and the webhook route call in here.
 */
import type { Logger } from "../observability/logger.js";
import {
  ProviderError,
  type LicenceSource,
  type LicenceVerification,
  type ProviderDirectory,
  type XenWebhookEvent,
  type XenWebhookKind,
} from "../providers/types.js";
import type { Kv, LicenceLinks, Users } from "../store/types.js";
import { money, type MessageArg, type MessageArgs, type Notifier } from "./notifications.js";

export type LicenceLookup =
  /** xen is not configured. */
  | { kind: "off" }
  /** Not shaped like a key: answered without a call. */
  | { kind: "malformed" }
  /** The provider's verdict (state "not_found" included). */
  | { kind: "checked"; licence: LicenceVerification }
  /** The provider could not answer now; the reseller may ask again later. */
  | { kind: "failed"; reason: "rate_limited" | "unavailable"; retryAfterMs?: number };

/** One admin and one reseller message per event kind (locales/*.ftl, `# --- xen ---`). */
export const XEN_EVENT_MESSAGES: Record<XenWebhookKind, { admin: string; reseller: string }> = {
  "license.activated": { admin: "xen-admin-license-activated", reseller: "xen-reseller-license-activated" },
  "license.revoked": { admin: "xen-admin-license-revoked", reseller: "xen-reseller-license-revoked" },
  "license.domain_changed": { admin: "xen-admin-license-domain-changed", reseller: "xen-reseller-license-domain-changed" },
  "order.paid": { admin: "xen-admin-order-paid", reseller: "xen-reseller-order-paid" },
  "order.refunded": { admin: "xen-admin-order-refunded", reseller: "xen-reseller-order-refunded" },
  "subscription.created": { admin: "xen-admin-subscription-created", reseller: "xen-reseller-subscription-created" },
  "subscription.canceled": { admin: "xen-admin-subscription-canceled", reseller: "xen-reseller-subscription-canceled" },
};

/** The document's limit is 60 calls a minute: one answer per key serves every asker for a minute. */
export const LICENCE_CACHE_TTL_MS = 60_000;
/** How long a reseller waits for xen; a slower answer still lands in the cache for the next ask. */
export const LICENCE_WAIT_MS = 6_000;

export interface Licences {
  enabled(): boolean;
  /** Checks a key for a reseller (linked to it when `link`) or an admin. */
  lookup(key: string, by: { userId: number; link: boolean }): Promise<LicenceLookup>;
  /** A verified xen webhook: queues the admins' and the linked resellers' messages. */
  applyWebhook(event: XenWebhookEvent): Promise<"applied">;
}

export function createLicences(deps: {
  providers: ProviderDirectory;
  kv: Kv;
  links: LicenceLinks;
  users: Users;
  notifier: Notifier;
  logger: Logger;
  cacheTtlMs?: number;
  waitMs?: number;
}): Licences {
  const source = (): LicenceSource | undefined => deps.providers.get("xen")?.licences;
  const ttl = deps.cacheTtlMs ?? LICENCE_CACHE_TTL_MS;
  // Concurrent asks in this process share one call; other processes share the cache in the kv.
  const inFlight = new Map<string, Promise<LicenceVerification>>();

  function verify(src: LicenceSource, key: string): Promise<LicenceVerification> {
    let p = inFlight.get(key);
    if (!p) {
      p = (async () => {
        const cached = await deps.kv.getJson<LicenceVerification>(cacheKey(key));
        if (cached) return cached;
        const fresh = await src.verify(key);
        await deps.kv.setJson(cacheKey(key), fresh, ttl);
        return fresh;
      })().finally(() => inFlight.delete(key));
      inFlight.set(key, p);
    }
    return p;
  }

  async function lookup(raw: string, by: { userId: number; link: boolean }): Promise<LicenceLookup> {
    const src = source();
    if (!src) return { kind: "off" };
    const key = raw.trim();
    if (!src.isPlausibleKey(key)) return { kind: "malformed" };
    let licence: LicenceVerification;
    try {
      // A call that outlives the wait goes on and fills the cache for the next ask.
      licence = await within(verify(src, key), deps.waitMs ?? LICENCE_WAIT_MS);
    } catch (err) {
      deps.logger.warn({ err, provider: "xen" }, "licence lookup failed");
      if (err instanceof ProviderError && err.kind === "rate_limited")
        return { kind: "failed", reason: "rate_limited", retryAfterMs: err.retryAfterMs };
      if (err instanceof ProviderError && err.code === "invalid_license_key") return { kind: "malformed" };
      return { kind: "failed", reason: "unavailable" };
    }
    // Only a key the provider knows is worth news: a typo would link the reseller to nothing.
    if (by.link && licence.state !== "not_found") await deps.links.link(key, by.userId);
    return { kind: "checked", licence };
  }

  async function applyWebhook(event: XenWebhookEvent): Promise<"applied"> {
    const keys = XEN_EVENT_MESSAGES[event.kind];
    const dedupe = `xen:${event.deliveryId}`;
    await deps.notifier.notifyAdmins(keys.admin, adminArgs(event), dedupe);
    if (!event.licenseKey) return "applied";
    for (const userId of await deps.links.users(event.licenseKey)) {
      // Someone suspended or refused since their lookup hears nothing more from us.
      const user = await deps.users.get(userId);
      if (user?.status !== "active") continue;
      await deps.notifier.notifyUser({ userId, key: keys.reseller, args: resellerArgs(event), dedupeKey: `${dedupe}:reseller:${userId}` });
    }
    return "applied";
  }

  return { enabled: () => source() !== undefined, lookup, applyWebhook };
}

const cacheKey = (key: string) => `licence:xen:${key}`;

const or = (v: string | undefined): string => v ?? "-";

function extensionArg(e: XenWebhookEvent["extension"]): string {
  if (!e) return "-";
  return e.version ? `${e.name} ${e.version}` : e.name;
}

/** Resellers see the licence, never what the operator paid xen nor the buyer's e-mail. */
function resellerArgs(e: XenWebhookEvent): MessageArgs {
  return { key: or(e.licenseKey), domain: or(e.domain), extension: extensionArg(e.extension) };
}

function adminArgs(e: XenWebhookEvent): MessageArgs {
  const amount: MessageArg = e.amount ? money(e.amount.amount, e.amount.currency) : "-";
  return { ...resellerArgs(e), orderId: or(e.orderId), amount, email: or(e.customerEmail) };
}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const late = new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`xen gave no answer within ${ms} ms`)), ms)));
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}
