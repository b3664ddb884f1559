/**
 * The xen adapter against the fake xen over real HTTP.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { createMetrics } from "../../src/observability/metrics.js";
import type { RateLimiterOptions } from "../../src/providers/rate-limiter.js";
import { ProviderError, type ProviderAdapter } from "../../src/providers/types.js";
import { createXenAdapter } from "../../src/providers/xen/index.js";
import { startXenFake, type XenFake } from "../../src/sandbox/xen.js";

let fake: XenFake;

beforeAll(async () => {
  fake = await startXenFake({ rateLimit: false });
});
afterEach(() => fake.control.reset());
afterAll(async () => fake.close());

type XenAdapter = Required<Pick<ProviderAdapter, "licences" | "licenceAccount" | "licenceWebhooks">>;

function build(over: { apiKey?: string; rateLimit?: RateLimiterOptions; target?: XenFake; baseUrl?: string } = {}) {
  const target = over.target ?? fake;
  const metrics = createMetrics();
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (s: string) => void lines.push(s) } });
  const adapter = createXenAdapter(
    {
      baseUrl: over.baseUrl ?? target.url,
      apiKey: over.apiKey ?? target.apiKey,
      webhookSecret: target.webhookSecret,
      rateLimit: over.rateLimit ?? { max: 1000, windowMs: 1000 },
    },
    { metrics, logger, timeouts: { orderMs: 300, readMs: 300 }, retry: { baseDelayMs: 10 } },
  ) as XenAdapter & ProviderAdapter;
  return { adapter, metrics, lines };
}

async function caught(p: Promise<unknown>): Promise<ProviderError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ProviderError) return e;
    throw e;
  }
  throw new Error("expected a ProviderError");
}

const xenError = (code: string, message: string) => ({ error: { code, message } });
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.000Z$/;

describe("xen happy paths", () => {
  it("me: the documented account, with the Bearer key", async () => {
    const { adapter } = build();
    expect(await adapter.licenceAccount.me()).toEqual({
      id: "42",
      email: "user@example.com",
      name: "John Doe",
      username: "john-doe",
      createdAt: "2026-01-15T10:32:11.000Z",
    });
    const [req] = fake.control.requests("me");
    expect(req?.path).toBe("/api/v1/me");
    expect(req?.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(fake.apiKey).toMatch(/^xs_live_[0-9a-f]{32}$/);
  });

  it("extensions: public (no Authorization), published only", async () => {
    const { adapter } = build();
    expect(await adapter.licences.listExtensions()).toEqual([
      { name: "Teams", slug: "extension", version: "1.0.0" },
      { name: "Resource Manager Pro", slug: "resource-manager-pro", version: "2.3.1" },
    ]);
    const [req] = fake.control.requests("extensions");
    expect(req?.headers.authorization).toBeUndefined();
  });

  it("licences: the account's licences with their states", async () => {
    const { adapter } = build();
    const list = await adapter.licences.listLicences();
    expect(list.map((l) => [l.key, l.state])).toEqual([
      ["XS-ABC-DEF-GHI", "valid"],
      ["XS-REV-OKE-D01", "revoked"],
      ["XS-EXP-IRE-D01", "expired"],
      ["XS-NEW-UNB-OUND", "valid"],
    ]);
    expect(list[0]).toMatchObject({
      domain: "forum.example.com",
      extension: { name: "Teams", slug: "extension", version: "1.0.0" },
      verifyCount: 0,
    });
    expect(list[0]!.expiresAt).toMatch(ISO);
    // No domain bound yet and no expiry: nothing invented.
    expect(list[3]).toEqual({
      key: "XS-NEW-UNB-OUND",
      state: "valid",
      extension: { name: "Resource Manager Pro", slug: "resource-manager-pro", version: "2.3.1" },
      verifyCount: 0,
    });
  });

  it("orders: newest first, amounts in integer minor units", async () => {
    const { adapter } = build();
    const orders = await adapter.licenceAccount.orders();
    expect(orders).toHaveLength(2);
    expect(orders[0]).toMatchObject({
      id: "1002",
      status: "refunded",
      amount: { amount: 2990, currency: "EUR" },
      extension: { slug: "resource-manager-pro" },
    });
    expect(orders[0]!.licenseKey).toBeUndefined();
    expect(orders[1]).toMatchObject({
      id: "1001",
      status: "paid",
      amount: { amount: 4900, currency: "EUR" },
      licenseKey: "XS-ABC-DEF-GHI",
    });
    expect(orders[1]!.createdAt).toMatch(ISO);
  });

  it("a base URL already ending in /api/v1 is not doubled", async () => {
    const { adapter } = build({ baseUrl: `${fake.url}/api/v1/` });
    expect((await adapter.licenceAccount.me()).id).toBe("42");
  });
});

describe("xen licence verification (public)", () => {
  it("valid: domain, expiry, extension, and no Authorization header", async () => {
    const { adapter } = build();
    const v = await adapter.licences.verify(" XS-ABC-DEF-GHI ");
    expect(v).toMatchObject({
      key: "XS-ABC-DEF-GHI",
      state: "valid",
      domain: "forum.example.com",
      extension: { name: "Teams", slug: "extension", version: "1.0.0" },
    });
    expect(Date.parse(v.expiresAt!)).toBeGreaterThan(Date.now());
    const [req] = fake.control.requests("license");
    expect(req?.path).toBe("/api/v1/licenses/XS-ABC-DEF-GHI");
    expect(req?.headers.authorization).toBeUndefined();
  });

  it("revoked and expired", async () => {
    const { adapter } = build();
    expect(await adapter.licences.verify("XS-REV-OKE-D01")).toMatchObject({ state: "revoked", domain: "revoked.example.net" });
    const expired = await adapter.licences.verify("XS-EXP-IRE-D01");
    expect(expired.state).toBe("expired");
    expect(Date.parse(expired.expiresAt!)).toBeLessThan(Date.now());
  });

  it("unknown key: state not_found (the fake's 404 license_not_found), one request", async () => {
    const { adapter } = build();
    expect(await adapter.licences.verify("XS-NOP-NOP-NOP")).toEqual({ key: "XS-NOP-NOP-NOP", state: "not_found" });
    const reqs = fake.control.requests("license");
    expect(reqs).toHaveLength(1);
    expect(reqs[0]!.status).toBe(404);
  });

  it("another 404 (a wrong base URL) is an error, not a missing licence", async () => {
    const { adapter } = build({ baseUrl: `${fake.url}/wrong` });
    expect(await caught(adapter.licences.verify("XS-ABC-DEF-GHI"))).toMatchObject({
      kind: "not_found",
      code: "not_found",
      httpStatus: 404,
    });
  });

  it("the key is one URL-encoded path segment: '/', '?', '#' and spaces cannot reach another endpoint", async () => {
    const { adapter } = build();
    const odd = "XS-A/../../me?x=1#y z";
    expect((await adapter.licences.verify(odd)).state).toBe("not_found");
    const [req] = fake.control.requests("license");
    // The log shows Hono's decodeURI'd path: the space is back, the reserved characters stay encoded.
    expect(req?.path).toBe("/api/v1/licenses/XS-A%2F..%2F..%2Fme%3Fx%3D1%23y z");
    expect(fake.control.requests("me")).toHaveLength(0);
    // And the fake decodes it back to the very same key.
    fake.control.addLicence({ key: odd, domain: "odd.example.com" });
    expect(await adapter.licences.verify(odd)).toMatchObject({ key: odd, state: "valid", domain: "odd.example.com" });
  });

  it("'..' or an empty key is refused before any call", async () => {
    const { adapter } = build();
    expect(await caught(adapter.licences.verify(".."))).toMatchObject({ kind: "rejected", code: "invalid_license_key" });
    expect(await caught(adapter.licences.heartbeat("  "))).toMatchObject({ kind: "rejected", code: "invalid_license_key" });
    expect(fake.control.requests()).toHaveLength(0);
  });

  it("a licence revoked at the provider reads revoked at once", async () => {
    const { adapter } = build();
    expect((await adapter.licences.verify("XS-ABC-DEF-GHI")).state).toBe("valid");
    await fake.control.revokeLicence("XS-ABC-DEF-GHI");
    expect((await adapter.licences.verify("XS-ABC-DEF-GHI")).state).toBe("revoked");
  });
});

describe("xen heartbeat", () => {
  it("records last_verified_at and verify_count; the domain is sent as JSON, or no body at all", async () => {
    const { adapter } = build();
    const t0 = Date.now() - 1000;
    const first = await adapter.licences.heartbeat("XS-ABC-DEF-GHI", "forum.example.com");
    expect(first).toMatchObject({ key: "XS-ABC-DEF-GHI", state: "valid", domain: "forum.example.com", verifyCount: 1 });
    expect(Date.parse(first.lastVerifiedAt!)).toBeGreaterThanOrEqual(t0);
    const second = await adapter.licences.heartbeat("XS-ABC-DEF-GHI");
    expect(second.verifyCount).toBe(2);
    expect(fake.control.licence("XS-ABC-DEF-GHI")).toMatchObject({ verifyCount: 2 });

    const [a, b] = fake.control.requests("heartbeat");
    expect(a).toMatchObject({ method: "POST", path: "/api/v1/licenses/XS-ABC-DEF-GHI/heartbeat", body: { domain: "forum.example.com" } });
    expect(a!.headers.authorization).toBe(`Bearer ${fake.apiKey}`);
    expect(a!.headers["content-type"]).toContain("application/json");
    expect(b!.rawBody).toBe("");
  });

  it("another domain: rejected domain_mismatch, nothing recorded", async () => {
    const { adapter } = build();
    const err = await caught(adapter.licences.heartbeat("XS-ABC-DEF-GHI", "evil.example.com"));
    expect(err).toMatchObject({ kind: "rejected", code: "domain_mismatch", httpStatus: 403, endpoint: "heartbeat" });
    expect(err.definite).toBe(true);
    expect(fake.control.licence("XS-ABC-DEF-GHI")!.verifyCount).toBe(0);
    expect(fake.control.requests("heartbeat")).toHaveLength(1);
  });

  it("an unbound licence takes the first domain; an unknown key is not_found", async () => {
    const { adapter } = build();
    expect(await adapter.licences.heartbeat("XS-NEW-UNB-OUND", "Board.Example.com")).toMatchObject({
      domain: "board.example.com",
      verifyCount: 1,
    });
    expect(await caught(adapter.licences.heartbeat("XS-NOP-NOP-NOP", "a.example"))).toMatchObject({
      kind: "not_found",
      code: "license_not_found",
    });
  });
});

describe("xen auth errors", () => {
  it("missing_authorization: the fake's real answer without a header, typed by the adapter", async () => {
    const res = await fetch(`${fake.url}/api/v1/me`);
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body).toEqual({ error: { code: "missing_authorization", message: expect.any(String) } });
    fake.control.failNext("me", { status: 401, body });
    const { adapter } = build();
    expect(await caught(adapter.licenceAccount.me())).toMatchObject({ kind: "auth", code: "missing_authorization", httpStatus: 401 });
  });

  it("invalid_token: unknown and malformed keys, never retried, never shown in errors or logs", async () => {
    for (const wrong of ["xs_live_0123456789abcdef0123456789abcdef", "xs_test_not_a_real_key_at_all"]) {
      fake.control.reset();
      const { adapter, lines } = build({ apiKey: wrong });
      const err = await caught(adapter.licences.listLicences());
      expect(err).toMatchObject({ kind: "auth", code: "invalid_token", httpStatus: 401, endpoint: "licenses" });
      expect(fake.control.requests("licenses")).toHaveLength(1);
      const all = lines.join("\n") + err.message + String(err.stack);
      expect(lines.length).toBeGreaterThan(0);
      expect(all).not.toContain(wrong);
      expect(all).not.toContain(fake.webhookSecret);
    }
  });

  it("insufficient_scope per endpoint; the public verification still works", async () => {
    fake.control.setScopes(["licenses:read"]);
    const { adapter } = build();
    expect(await caught(adapter.licenceAccount.me())).toMatchObject({ kind: "auth", code: "insufficient_scope", httpStatus: 403 });
    expect(await caught(adapter.licenceAccount.orders())).toMatchObject({ kind: "auth", code: "insufficient_scope" });
    expect(await caught(adapter.licences.heartbeat("XS-ABC-DEF-GHI"))).toMatchObject({ kind: "auth", code: "insufficient_scope" });
    expect(await adapter.licences.listLicences()).toHaveLength(4);
    expect((await adapter.licences.verify("XS-ABC-DEF-GHI")).state).toBe("valid");
    // A key issued with every scope works beside it.
    const other = build({ apiKey: fake.control.issueKey() });
    expect((await other.adapter.licenceAccount.me()).id).toBe("42");
  });
});

describe("xen failures", () => {
  it("reads are retried after a 5xx, and give up unavailable after three", async () => {
    const { adapter, metrics } = build();
    fake.control.failNext("licenses", { status: 502, body: xenError("server_error", "Bad gateway") });
    expect(await adapter.licences.listLicences()).toHaveLength(4);
    expect(fake.control.requests("licenses")).toHaveLength(2);
    fake.control.failNext("me", { status: 500, body: xenError("server_error", "Oops") }, 3);
    const err = await caught(adapter.licenceAccount.me());
    expect(err).toMatchObject({ kind: "unavailable", code: "server_error", httpStatus: 500 });
    expect(err.definite).toBe(false);
    expect(fake.control.requests("me")).toHaveLength(3);
    expect(await metrics.registry.metrics()).toContain('provider_calls_total{provider="xen",endpoint="me",outcome="unavailable"} 3');
  });

  it("a fake that never answers: timeout kind after the read's retries", async () => {
    fake.control.failNext("orders", "timeout", 3);
    const { adapter } = build();
    const t0 = Date.now();
    expect(await caught(adapter.licenceAccount.orders())).toMatchObject({ kind: "timeout", code: "timeout" });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(fake.control.requests("orders")).toHaveLength(3);
  });

  it("malformed JSON is bad_response, not retried; a 2xx of the wrong shape too", async () => {
    const { adapter } = build();
    fake.control.failNext("license", "garbage");
    expect(await caught(adapter.licences.verify("XS-ABC-DEF-GHI"))).toMatchObject({ kind: "bad_response", code: "not_json" });
    expect(fake.control.requests("license")).toHaveLength(1);
    fake.control.failNext("license", { status: 200, body: { data: { valid: "yes" } } });
    expect(await caught(adapter.licences.verify("XS-ABC-DEF-GHI"))).toMatchObject({ kind: "bad_response", code: "unexpected_body" });
    fake.control.failNext("me", { status: 200, body: { id: 42 } });
    expect(await caught(adapter.licenceAccount.me())).toMatchObject({ kind: "bad_response", code: "unexpected_body" });
  });

  it("one odd list item is skipped, not the whole list", async () => {
    const { adapter } = build();
    fake.control.failNext("extensions", {
      status: 200,
      body: { data: [{ name: "Teams", slug: "extension", version: "1.0.0" }, { slug: "no-name" }, 7] },
    });
    expect(await adapter.licences.listExtensions()).toEqual([{ name: "Teams", slug: "extension", version: "1.0.0" }]);
  });
});

describe("xen rate limits", () => {
  const documented429 = {
    status: 429,
    body: xenError("rate_limited", "Rate limit exceeded (60/min)."),
    headers: { "X-RateLimit-Limit": "60", "X-RateLimit-Remaining": "0" },
  };

  it("the fake's 429 carries the documented headers and body", async () => {
    const strict = await startXenFake({ rateLimit: { max: 3, windowMs: 60_000 } });
    try {
      const auth = { Authorization: `Bearer ${strict.apiKey}` };
      for (let i = 0; i < 3; i++) expect((await fetch(`${strict.url}/api/v1/me`, { headers: auth })).status).toBe(200);
      const res = await fetch(`${strict.url}/api/v1/me`, { headers: auth });
      expect(res.status).toBe(429);
      expect(res.headers.get("x-ratelimit-limit")).toBe("3");
      expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(59);
      expect(await res.json()).toEqual({ error: { code: "rate_limited", message: "Rate limit exceeded (3/min)." } });
      // Another key has its own window.
      const other = strict.control.issueKey();
      expect((await fetch(`${strict.url}/api/v1/me`, { headers: { Authorization: `Bearer ${other}` } })).status).toBe(200);
    } finally {
      await strict.close();
    }
  });

  it("Retry-After is obeyed: the read waits, then succeeds", async () => {
    fake.control.failNext("me", { ...documented429, headers: { ...documented429.headers, "Retry-After": "1" } });
    const { adapter } = build();
    const t0 = Date.now();
    expect((await adapter.licenceAccount.me()).id).toBe("42");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    const reqs = fake.control.requests("me");
    expect(reqs.map((r) => r.status)).toEqual([429, 200]);
    expect(reqs[1]!.at - reqs[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("a real 429 from the fake's window is waited out too", async () => {
    const strict = await startXenFake({ rateLimit: { max: 2, windowMs: 1000 } });
    try {
      const { adapter } = build({ target: strict });
      const t0 = Date.now();
      const results = await Promise.all([1, 2, 3].map(() => adapter.licenceAccount.me()));
      expect(results.every((r) => r.id === "42")).toBe(true);
      expect(strict.control.requests("me").map((r) => r.status)).toContain(429);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    } finally {
      await strict.close();
    }
  });

  it("a Retry-After beyond the budget fails rate_limited at once, and holds later calls back unsent", async () => {
    fake.control.failNext("licenses", { ...documented429, headers: { ...documented429.headers, "Retry-After": "60" } });
    const { adapter } = build();
    const err = await caught(adapter.licences.listLicences());
    expect(err).toMatchObject({ kind: "rate_limited", code: "rate_limited", retryAfterMs: 60_000, httpStatus: 429 });
    expect(fake.control.requests("licenses")).toHaveLength(1);
    // The public endpoints share the budget: they wait as well.
    const held = await caught(adapter.licences.verify("XS-ABC-DEF-GHI"));
    expect(held).toMatchObject({ kind: "rate_limited" });
    expect(held.retryAfterMs).toBeGreaterThan(55_000);
    expect(fake.control.requests("license")).toHaveLength(0);
  });

  it("the client-side limiter keeps 61 quick calls from ever meeting the fake's 429 (60 per window, shrunk to 1 s)", async () => {
    const strict = await startXenFake({ rateLimit: { max: 60, windowMs: 1000 } });
    try {
      const { adapter, metrics } = build({ target: strict, rateLimit: { max: 60, windowMs: 1000 } });
      const t0 = Date.now();
      const results = await Promise.all(Array.from({ length: 61 }, () => adapter.licenceAccount.me()));
      expect(results.every((r) => r.id === "42")).toBe(true);
      const seen = strict.control.requests("me");
      expect(seen).toHaveLength(61);
      expect(seen.every((r) => r.status === 200)).toBe(true);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(900); // the 61st queued for the window
      expect(await metrics.registry.metrics()).not.toContain('outcome="rate_limited"');

      // Without the client's limiter, the same burst does meet the fake's 429.
      strict.control.reset();
      const loose = build({ target: strict, rateLimit: { max: 1000, windowMs: 1000 } });
      await Promise.allSettled(Array.from({ length: 61 }, () => loose.adapter.licenceAccount.me()));
      expect(strict.control.requests("me").some((r) => r.status === 429)).toBe(true);
    } finally {
      await strict.close();
    }
  });

  it("public calls take slots from the same budget as the key's", async () => {
    const { adapter } = build({ rateLimit: { max: 3, windowMs: 600 } });
    await Promise.all([1, 2, 3].map(() => adapter.licenceAccount.me()));
    const t0 = Date.now();
    await adapter.licences.verify("XS-ABC-DEF-GHI");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(450);
  });
});

describe("xen webhooks from the fake", () => {
  let receiver: Server;
  let url: string;
  let received: Array<{ headers: IncomingHttpHeaders; raw: Buffer }> = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, raw: Buffer.concat(chunks) });
        res.statusCode = 200;
        res.end("{}");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/xen`;
  });
  afterEach(() => {
    received = [];
  });
  afterAll(async () => new Promise<void>((r) => receiver.close(() => r())));

  const toHeaders = (h: IncomingHttpHeaders) => new Headers(Object.entries(h).map(([k, v]) => [k, String(v)]));
  const last = () => received[received.length - 1]!;

  it("a revocation arrives signed; it verifies and parses; a redelivery has the same bytes and id", async () => {
    fake.control.setWebhookUrl(url);
    const { adapter } = build();
    const delivery = await fake.control.revokeLicence("XS-ABC-DEF-GHI");
    expect(delivery?.outcome).toBe("delivered");
    const first = last();
    expect(first.headers["content-type"]).toBe("application/json");
    expect(adapter.licenceWebhooks.verify(first.raw, toHeaders(first.headers))).toBe(true);
    const event = adapter.licenceWebhooks.parse(first.raw);
    expect(event).toMatchObject({
      provider: "xen",
      kind: "license.revoked",
      licenseKey: "XS-ABC-DEF-GHI",
      domain: "forum.example.com",
      extension: { slug: "extension" },
    });
    expect(event.at).toMatch(ISO);

    await fake.control.redeliver(delivery!.index);
    expect(received).toHaveLength(2);
    expect(received[1]!.raw.equals(first.raw)).toBe(true);
    expect(adapter.licenceWebhooks.parse(received[1]!.raw).deliveryId).toBe(event.deliveryId);
  });

  it("order.paid carries the order, its new licence and the amount; orders() then lists it", async () => {
    fake.control.setWebhookUrl(url);
    const { adapter } = build();
    const { order } = await fake.control.addOrder({ total: 19.99, currency: "USD", customerEmail: "buyer@example.com" });
    const raw = last().raw;
    expect(adapter.licenceWebhooks.verify(raw, toHeaders(last().headers))).toBe(true);
    expect(adapter.licenceWebhooks.parse(raw)).toMatchObject({
      kind: "order.paid",
      orderId: String(order.id),
      licenseKey: order.licenseKey,
      amount: { amount: 1999, currency: "USD" },
      customerEmail: "buyer@example.com",
    });
    expect((await adapter.licenceAccount.orders())[0]).toMatchObject({ id: String(order.id), amount: { amount: 1999, currency: "USD" } });
    expect((await adapter.licences.verify(order.licenseKey!)).state).toBe("valid");
  });

  it("a domain change, and every one of the seven events, verify and parse", async () => {
    fake.control.setWebhookUrl(url);
    const { adapter } = build();
    await fake.control.changeDomain("XS-ABC-DEF-GHI", "new.example.com");
    expect(adapter.licenceWebhooks.parse(last().raw)).toMatchObject({ kind: "license.domain_changed", domain: "new.example.com" });
    const events = [
      "license.activated",
      "license.revoked",
      "license.domain_changed",
      "order.paid",
      "order.refunded",
      "subscription.created",
      "subscription.canceled",
    ] as const;
    for (const event of events) {
      await fake.control.sendWebhook(event, { license_key: "XS-ABC-DEF-GHI" });
      expect(adapter.licenceWebhooks.verify(last().raw, toHeaders(last().headers)), event).toBe(true);
      expect(adapter.licenceWebhooks.parse(last().raw).kind).toBe(event);
    }
  });

  it("forged deliveries fail verification: wrong secret, tampered body, no signature", async () => {
    fake.control.setWebhookUrl(url);
    const { adapter } = build();
    for (const forge of ["wrong_secret", "tampered_body", "no_signature"] as const) {
      const d = await fake.control.sendWebhook("order.refunded", { order_id: 1001 }, { forge });
      expect(d.outcome).toBe("delivered");
      expect(adapter.licenceWebhooks.verify(last().raw, toHeaders(last().headers)), forge).toBe(false);
    }
    expect(last().headers["x-webhook-signature"]).toBeUndefined();
    // The genuine one passes with the same adapter.
    await fake.control.sendWebhook("order.refunded", { order_id: 1001 });
    expect(adapter.licenceWebhooks.verify(last().raw, toHeaders(last().headers))).toBe(true);
  });

  it("without an id, a redelivery still dedupes on the bytes", async () => {
    fake.control.setWebhookUrl(url);
    const { adapter } = build();
    const d = await fake.control.sendWebhook("subscription.canceled", { customer_email: "a@example.com" }, { id: null });
    await fake.control.redeliver(d.index);
    const [a, b] = received.map((r) => adapter.licenceWebhooks.parse(r.raw));
    expect(a!.deliveryId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(b!.deliveryId).toBe(a!.deliveryId);
  });
});
