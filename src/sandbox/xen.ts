/**
 * A fake xen (document 001) for SANDBOX=true and the tests: Bearer keys (xs_live_ + 32 hex, only
 * their SHA-256 kept, as the document says) with scopes, the 60/min sliding window per key with
 * the documented 429, public licence verification, heartbeats that record last_verified_at and
 * verify_count, /me, /extensions, /licenses, /orders, the documented error envelope, and signed
 * webhooks. Written from the document: it computes hashes and signatures itself.
 */
import { createHash } from "node:crypto";
import { Hono, type Context } from "hono";
import { FakeHarness, SlidingWindow, type FailSpec, type FakeEnv, type LoggedRequest } from "./harness.js";
import { randomCode, randomSecret } from "./random.js";
import { listen } from "./serve.js";
import { XenWebhookSender, type XenFakeEvent, type XenForgery, type XenWebhookDelivery } from "./xen-webhooks.js";

export type XenEndpoint = "me" | "extensions" | "licenses" | "license" | "heartbeat" | "orders";
export type XenScope = "me:read" | "licenses:read" | "licenses:verify" | "orders:read";
export const XEN_ALL_SCOPES: XenScope[] = ["me:read", "licenses:read", "licenses:verify", "orders:read"];

export interface XenSeedExtension {
  name: string;
  slug: string;
  version: string;
  published: boolean;
}

export interface XenFakeLicence {
  key: string;
  /** Extension slug. */
  extension: string;
  domain: string | null;
  /** Unix ms; null: never expires. */
  expiresAt: number | null;
  revoked: boolean;
  createdAt: number;
  lastVerifiedAt: number | null;
  verifyCount: number;
}

export interface XenFakeOrder {
  id: number;
  status: "paid" | "refunded";
  /** Major units, as the fake's assumed order shape writes it. */
  total: number;
  currency: string;
  licenseKey: string | null;
  extension: string;
  customerEmail: string;
  createdAt: number;
}

export const XEN_EXTENSIONS: XenSeedExtension[] = [
  // The document's example: name "Teams", slug "extension", version "1.0.0".
  { name: "Teams", slug: "extension", version: "1.0.0", published: true },
  { name: "Resource Manager Pro", slug: "resource-manager-pro", version: "2.3.1", published: true },
  { name: "Beta Tools", slug: "beta-tools", version: "0.1.0", published: false },
];

const DAY = 86_400_000;

/** The seed, relative to now so "valid" and "expired" stay true whenever the fake starts. */
export function xenSeedLicences(now = Date.now()): XenFakeLicence[] {
  const base = { revoked: false, createdAt: now - 90 * DAY, lastVerifiedAt: null, verifyCount: 0 };
  return [
    { ...base, key: "XS-ABC-DEF-GHI", extension: "extension", domain: "forum.example.com", expiresAt: now + 365 * DAY },
    {
      ...base,
      key: "XS-REV-OKE-D01",
      extension: "resource-manager-pro",
      domain: "revoked.example.net",
      expiresAt: now + 200 * DAY,
      revoked: true,
    },
    { ...base, key: "XS-EXP-IRE-D01", extension: "extension", domain: "old.example.org", expiresAt: now - 30 * DAY },
    { ...base, key: "XS-NEW-UNB-OUND", extension: "resource-manager-pro", domain: null, expiresAt: null },
  ];
}

export interface XenFakeOptions {
  /** Default: a fresh xs_live_ + 32 hex. */
  apiKey?: string;
  webhookSecret?: string;
  host?: string;
  port?: number;
  webhookUrl?: string;
  /** Documented: 60 per minute per key, sliding window. false: none (tests that are not about it). */
  rateLimit?: { max: number; windowMs: number } | false;
  licences?: XenFakeLicence[];
}

export interface XenControl {
  failNext(endpoint: XenEndpoint, spec: FailSpec, times?: number): void;
  setLatency(endpoint: XenEndpoint, ms: number): void;
  requests(endpoint?: XenEndpoint): LoggedRequest[];
  /** The scopes of the fake's key (default: all four); fewer gives insufficient_scope. */
  setScopes(scopes: XenScope[]): void;
  /** Another valid key with its own scopes and its own rate-limit window. */
  issueKey(scopes?: XenScope[]): string;
  addLicence(l: { key?: string; extension?: string; domain?: string | null; expiresAt?: number | null; revoked?: boolean }): string;
  licence(key: string): XenFakeLicence | undefined;
  licences(): XenFakeLicence[];
  /** Revokes; with a webhook URL set, sends license.revoked. */
  revokeLicence(key: string): Promise<XenWebhookDelivery | undefined>;
  /** Moves the licence to another domain; with a webhook URL set, sends license.domain_changed. */
  changeDomain(key: string, domain: string): Promise<XenWebhookDelivery | undefined>;
  /** Records a paid order (and a new licence for it); with a webhook URL set, sends order.paid. */
  addOrder(o: {
    extension?: string;
    total?: number;
    currency?: string;
    customerEmail?: string;
  }): Promise<{ order: XenFakeOrder; delivery?: XenWebhookDelivery }>;
  orders(): XenFakeOrder[];
  setWebhookUrl(url: string | undefined): void;
  /** Any of the seven events with a payload of the assumed shape; `forge` spoils it on purpose. */
  sendWebhook(
    event: XenFakeEvent,
    data: Record<string, unknown>,
    opts?: { forge?: XenForgery; id?: string | null },
  ): Promise<XenWebhookDelivery>;
  /** The same bytes and headers again. */
  redeliver(index: number): Promise<XenWebhookDelivery>;
  deliveries(): XenWebhookDelivery[];
  reset(): void;
}

export interface XenFake {
  /** The host: the adapter appends /api/v1. */
  url: string;
  apiKey: string;
  webhookSecret: string;
  control: XenControl;
  close(): Promise<void>;
}

const ACCOUNT = { id: 42, email: "user@example.com", name: "John Doe", username: "john-doe", created_at: "2026-01-15 10:32:11" };
const KEY_FORMAT = /^xs_live_[0-9a-f]{32}$/;

type Route = {
  method: "GET" | "POST";
  /** undefined: public. */
  scope?: XenScope;
} & ({ endpoint: "license" | "heartbeat"; key: string } | { endpoint: Exclude<XenEndpoint, "license" | "heartbeat">; key?: undefined });

export async function startXenFake(opts: XenFakeOptions = {}): Promise<XenFake> {
  const apiKey = opts.apiKey ?? `xs_live_${randomSecret().slice(0, 32)}`;
  const webhookSecret = opts.webhookSecret ?? `whsec_${randomSecret().slice(0, 40)}`;
  const limit = opts.rateLimit === false ? undefined : (opts.rateLimit ?? { max: 60, windowMs: 60_000 });
  const harness = new FakeHarness<XenEndpoint>();
  const sender = new XenWebhookSender(webhookSecret);
  sender.url = opts.webhookUrl;

  const seedLicences = () => new Map((opts.licences ?? xenSeedLicences()).map((l) => [l.key, { ...l }]));
  const seedOrders = () => {
    const t = Date.now();
    return [
      {
        id: 1001,
        status: "paid",
        total: 49,
        currency: "EUR",
        licenseKey: "XS-ABC-DEF-GHI",
        extension: "extension",
        customerEmail: "user@example.com",
        createdAt: t - 90 * DAY,
      },
      {
        id: 1002,
        status: "refunded",
        total: 29.9,
        currency: "EUR",
        licenseKey: null,
        extension: "resource-manager-pro",
        customerEmail: "user@example.com",
        createdAt: t - 10 * DAY,
      },
    ] satisfies XenFakeOrder[];
  };
  // Only the SHA-256 of a key is kept, as the document says of the real service.
  let keys = new Map<string, Set<XenScope>>([[sha256(apiKey), new Set(XEN_ALL_SCOPES)]]);
  let licences = seedLicences();
  let orders: XenFakeOrder[] = seedOrders();
  let windows = new Map<string, SlidingWindow>();

  const app = new Hono<FakeEnv>();
  app.use(
    "*",
    harness.middleware((path) => route(path, "GET")?.endpoint ?? route(path, "POST")?.endpoint),
  );

  app.all("*", async (c) => {
    // The raw (still encoded) path: a key may hold "/" or "?" once decoded.
    const path = new URL(c.req.url).pathname;
    const r = route(path, c.req.method);
    if (!r) {
      // Assumption: unknown paths and wrong methods answer in the same envelope (not_found, method_not_allowed).
      if (route(path, c.req.method === "GET" ? "POST" : "GET")) return error(c, 405, "method_not_allowed", "Method not allowed.");
      return error(c, 404, "not_found", "Not found.");
    }
    // Assumption: the document gives codes without statuses: 401 for missing_authorization and
    // invalid_token, 403 for insufficient_scope, 404 for license_not_found. A key is checked, then
    // counted, then its scope: a request with an unknown key is not counted against anyone.
    let bucket: string;
    if (r.scope) {
      const token = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header("authorization") ?? "")?.[1];
      if (!token) return error(c, 401, "missing_authorization", "Missing Authorization header.");
      const scopes = KEY_FORMAT.test(token) ? keys.get(sha256(token)) : undefined;
      if (!scopes) return error(c, 401, "invalid_token", "Invalid or revoked API token.");
      bucket = `key:${sha256(token)}`;
      const limited = hit(bucket);
      if (limited) return limited(c);
      if (!scopes.has(r.scope)) return error(c, 403, "insufficient_scope", `This token lacks the required scope: ${r.scope}.`);
    } else {
      // Assumption: keyless public calls are counted per client address, in the same 60/min.
      bucket = `ip:${c.env.incoming.socket.remoteAddress ?? "?"}`;
      const limited = hit(bucket);
      if (limited) return limited(c);
    }
    switch (r.endpoint) {
      case "me":
        return c.json({ data: ACCOUNT });
      case "extensions":
        return c.json({ data: XEN_EXTENSIONS.filter((e) => e.published).map(({ name, slug, version }) => ({ name, slug, version })) });
      case "licenses":
        return c.json({ data: [...licences.values()].map(licenceItem) });
      case "license": {
        const l = licences.get(r.key);
        if (!l) return notFound(c);
        const { valid, revoked, expired, domain, expires_at, extension } = licenceItem(l);
        return c.json({ data: { valid, revoked, expired, domain, expires_at, extension } });
      }
      case "heartbeat":
        return heartbeat(c, r.key);
      case "orders":
        return c.json({
          data: [...orders]
            .sort((a, b) => b.createdAt - a.createdAt)
            .slice(0, 100)
            .map(orderItem),
        });
    }
  });

  async function heartbeat(c: Context<FakeEnv>, key: string) {
    const raw = await c.req.text();
    let domain: string | undefined;
    if (raw.trim() !== "") {
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        // Assumption: the document lists no error for a bad body; a 400 with an invalid_request code.
        return error(c, 400, "invalid_request", "Body must be JSON.");
      }
      const d = (body as { domain?: unknown } | null)?.domain;
      if (d !== undefined && (typeof d !== "string" || d.trim() === ""))
        return error(c, 400, "invalid_request", "domain must be a non-empty string.");
      domain = typeof d === "string" ? d.trim().toLowerCase() : undefined;
    }
    const l = licences.get(key);
    if (!l) return notFound(c);
    if (domain !== undefined) {
      // Assumption: a licence not yet bound takes the first domain that checks in.
      if (l.domain === null) l.domain = domain;
      // Assumption: the document names domain_mismatch without a status; 403 is chosen.
      else if (l.domain.toLowerCase() !== domain) return error(c, 403, "domain_mismatch", "The domain does not match this license.");
    }
    // Assumption: a revoked or expired licence's heartbeat is still recorded; its flags tell the forum.
    l.lastVerifiedAt = Date.now();
    l.verifyCount += 1;
    const { valid, revoked, expired, domain: bound, expires_at, last_verified_at, verify_count } = licenceItem(l);
    return c.json({ data: { valid, revoked, expired, domain: bound, expires_at, last_verified_at, verify_count } });
  }

  /**
   * undefined when allowed; else the documented 429. Assumption: the X-RateLimit headers are sent
   * only on the 429, where the document shows them.
   */
  function hit(bucket: string) {
    if (!limit) return undefined;
    let w = windows.get(bucket);
    if (!w) windows.set(bucket, (w = new SlidingWindow(limit.max, limit.windowMs)));
    const r = w.hit();
    if (r.ok) return undefined;
    const message =
      limit.windowMs === 60_000 ? `Rate limit exceeded (${limit.max}/min).` : `Rate limit exceeded (${limit.max}/${limit.windowMs} ms).`;
    return (c: Context<FakeEnv>) =>
      c.json({ error: { code: "rate_limited", message } }, 429, {
        "X-RateLimit-Limit": String(limit.max),
        "X-RateLimit-Remaining": "0",
        "Retry-After": String(Math.max(1, Math.ceil(r.retryAfterMs / 1000))),
      });
  }

  function licenceItem(l: XenFakeLicence) {
    const expired = l.expiresAt !== null && l.expiresAt <= Date.now();
    const ext = XEN_EXTENSIONS.find((e) => e.slug === l.extension);
    return {
      key: l.key,
      valid: !l.revoked && !expired,
      revoked: l.revoked,
      expired,
      domain: l.domain,
      expires_at: l.expiresAt === null ? null : xenTime(l.expiresAt),
      extension: ext ? { name: ext.name, slug: ext.slug, version: ext.version } : null,
      last_verified_at: l.lastVerifiedAt === null ? null : xenTime(l.lastVerifiedAt),
      verify_count: l.verifyCount,
      created_at: xenTime(l.createdAt),
    };
  }

  function orderItem(o: XenFakeOrder) {
    const ext = XEN_EXTENSIONS.find((e) => e.slug === o.extension);
    return {
      id: o.id,
      status: o.status,
      total: o.total,
      currency: o.currency,
      license_key: o.licenseKey,
      extension: ext ? { name: ext.name, slug: ext.slug, version: ext.version } : null,
      created_at: xenTime(o.createdAt),
    };
  }

  function error(c: Context<FakeEnv>, status: number, code: string, message: string) {
    return c.json({ error: { code, message } }, status as 400);
  }

  function notFound(c: Context<FakeEnv>) {
    return error(c, 404, "license_not_found", "License key not found.");
  }

  function find(key: string): XenFakeLicence {
    const l = licences.get(key);
    if (!l) throw new Error(`xen fake: no licence ${key}`);
    return l;
  }

  /** A payload of the assumed shape (see providers/xen/schemas.ts for the same assumption). */
  function emit(event: XenFakeEvent, data: Record<string, unknown>, forge?: XenForgery, id: string | null = `evt_${randomCode(16)}`) {
    return sender.send(event, { ...(id === null ? {} : { id }), event, created_at: xenTime(Date.now()), data }, forge);
  }

  function licenceData(l: XenFakeLicence) {
    const { key, domain, extension } = licenceItem(l);
    return { license_key: key, domain, extension };
  }

  const control: XenControl = {
    failNext: (e, spec, times) => harness.failNext(e, spec, times),
    setLatency: (e, ms) => harness.setLatency(e, ms),
    requests: (e) => harness.requests(e),
    setScopes: (scopes) => void keys.set(sha256(apiKey), new Set(scopes)),
    issueKey(scopes = XEN_ALL_SCOPES) {
      const key = `xs_live_${randomSecret().slice(0, 32)}`;
      keys.set(sha256(key), new Set(scopes));
      return key;
    },
    addLicence(l) {
      const key = l.key ?? `XS-${randomCode(3)}-${randomCode(3)}-${randomCode(3)}`;
      licences.set(key, {
        key,
        extension: l.extension ?? "extension",
        domain: l.domain ?? null,
        expiresAt: l.expiresAt === undefined ? Date.now() + 365 * DAY : l.expiresAt,
        revoked: l.revoked ?? false,
        createdAt: Date.now(),
        lastVerifiedAt: null,
        verifyCount: 0,
      });
      return key;
    },
    licence: (key) => {
      const l = licences.get(key);
      return l ? { ...l } : undefined;
    },
    licences: () => [...licences.values()].map((l) => ({ ...l })),
    async revokeLicence(key) {
      const l = find(key);
      l.revoked = true;
      return sender.url ? emit("license.revoked", licenceData(l)) : undefined;
    },
    async changeDomain(key, domain) {
      const l = find(key);
      const previous = l.domain;
      l.domain = domain;
      return sender.url ? emit("license.domain_changed", { ...licenceData(l), previous_domain: previous }) : undefined;
    },
    async addOrder(o) {
      const extension = o.extension ?? "extension";
      const licenseKey = control.addLicence({ extension });
      const order: XenFakeOrder = {
        id: Math.max(1000, ...orders.map((x) => x.id)) + 1,
        status: "paid",
        total: o.total ?? 49,
        currency: o.currency ?? "EUR",
        licenseKey,
        extension,
        customerEmail: o.customerEmail ?? ACCOUNT.email,
        createdAt: Date.now(),
      };
      orders.push(order);
      if (!sender.url) return { order: { ...order } };
      const ext = orderItem(order).extension;
      const delivery = await emit("order.paid", {
        order_id: order.id,
        license_key: licenseKey,
        extension: ext,
        amount: order.total,
        currency: order.currency,
        customer_email: order.customerEmail,
      });
      return { order: { ...order }, delivery };
    },
    orders: () => orders.map((o) => ({ ...o })),
    setWebhookUrl: (url) => void (sender.url = url),
    sendWebhook: (event, data, o = {}) => emit(event, data, o.forge, o.id === undefined ? undefined : o.id),
    redeliver: (i) => sender.redeliver(i),
    deliveries: () => sender.list(),
    reset() {
      harness.reset();
      sender.clear();
      keys = new Map([[sha256(apiKey), new Set(XEN_ALL_SCOPES)]]);
      licences = seedLicences();
      orders = seedOrders();
      windows = new Map();
    },
  };

  const server = await listen(app, { host: opts.host, port: opts.port });
  return {
    url: server.url,
    apiKey,
    webhookSecret,
    control,
    async close() {
      harness.releaseHanging();
      await server.close();
    },
  };
}

/** Which endpoint a raw path and method name; the licence key decoded from its segment. */
function route(rawPath: string, method: string): Route | undefined {
  const p = rawPath.replace(/\/+$/, "");
  const m = method.toUpperCase();
  if (p === "/api/v1/me") return m === "GET" ? { endpoint: "me", method: "GET", scope: "me:read" } : undefined;
  if (p === "/api/v1/extensions") return m === "GET" ? { endpoint: "extensions", method: "GET" } : undefined;
  if (p === "/api/v1/licenses") return m === "GET" ? { endpoint: "licenses", method: "GET", scope: "licenses:read" } : undefined;
  if (p === "/api/v1/orders") return m === "GET" ? { endpoint: "orders", method: "GET", scope: "orders:read" } : undefined;
  const beat = /^\/api\/v1\/licenses\/([^/]+)\/heartbeat$/.exec(p)?.[1];
  if (beat !== undefined)
    return m === "POST" ? { endpoint: "heartbeat", method: "POST", scope: "licenses:verify", key: decode(beat) } : undefined;
  const one = /^\/api\/v1\/licenses\/([^/]+)$/.exec(p)?.[1];
  if (one !== undefined) return m === "GET" ? { endpoint: "license", method: "GET", key: decode(one) } : undefined;
  return undefined;
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The document's timestamp format, "2026-01-15 10:32:11" (UTC). */
function xenTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}
