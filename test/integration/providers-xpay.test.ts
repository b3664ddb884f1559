/**
 * The xpay adapter against the fake xpay over real HTTP: authentication and its shared token,
 * bills, failures, and hints.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { ProviderError, type CreateBillRequest, type PaymentsSource } from "../../src/providers/types.js";
import { createXpayAdapter, MemoryXpayTokenCache, type XpayTokenCache } from "../../src/providers/xpay/index.js";
import { startXpayFake, type XpayFake } from "../../src/sandbox/xpay.js";

let fake: XpayFake;

beforeAll(async () => {
  fake = await startXpayFake({ secretKey: "xpay-secret-key-0123456789abcdef" });
});
afterEach(() => fake.control.reset());
afterAll(async () => fake.close());

interface BuildOptions {
  secretKey?: string;
  cache?: XpayTokenCache;
  refreshMarginMs?: number;
  target?: XpayFake;
  currency?: string;
}

function build(over: BuildOptions = {}) {
  const target = over.target ?? fake;
  const metrics = createMetrics();
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (s: string) => void lines.push(s) } });
  const adapter = createXpayAdapter(
    {
      baseUrl: target.url,
      username: target.username,
      secretKey: over.secretKey ?? target.secretKey,
      currency: over.currency ?? target.currency,
      tokenCache: over.cache,
      refreshMarginMs: over.refreshMarginMs,
      rateLimits: [{ max: 1000, windowMs: 1000 }],
    },
    { metrics, logger, timeouts: { orderMs: 300, readMs: 300 }, retry: { baseDelayMs: 10 } },
  );
  expect(adapter.id).toBe("xpay");
  return { payments: adapter.payments as PaymentsSource, metrics, lines };
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

let refs = 0;
const bill = (over: Partial<CreateBillRequest> = {}): CreateBillRequest => ({
  amount: 50_000,
  currency: "IDR",
  reference: `dep_${++refs}`,
  description: "Wallet deposit",
  ...over,
});

const envelope = (message: string, tag = "6181882e-a5a3-4f28-abce-4f24f4905412") => ({
  error: { message, data: { invalid: true }, tag },
  uuid: "973e8576-b518-419b-84c3-dd0a7467e64d",
});

/** Every Bearer token the fake has seen. */
const tokensSeen = () =>
  fake.control
    .requests()
    .map((r) => /^Bearer (.+)$/.exec(r.headers.authorization ?? "")?.[1])
    .filter((t): t is string => !!t);

describe("xpay authentication", () => {
  it("authenticates as documented and calls bills with the Bearer token", async () => {
    const { payments } = build();
    const created = await payments.createBill(bill());
    expect(created.status).toBe("unpaid");
    const [auth] = fake.control.requests("authenticate");
    expect(auth?.method).toBe("POST");
    expect(auth?.headers["content-type"]).toContain("application/json");
    expect(auth?.body).toEqual({ username: fake.username, secretKey: fake.secretKey, isAPI: true });
    const [create] = fake.control.requests("bills");
    expect(create?.headers.authorization).toMatch(/^Bearer eyJ\S+$/);
    await payments.getBill(created.id);
    expect(fake.control.authentications()).toBe(1);
  });

  it("wrong credentials: auth with the tag, the secret nowhere, not retried", async () => {
    const wrong = "wrong-secret-key-9876543210";
    const { payments, lines } = build({ secretKey: wrong });
    const err = await caught(payments.getBill("BILL-1"));
    expect(err).toMatchObject({ kind: "auth", code: "auth_failed", httpStatus: 401, endpoint: "authenticate" });
    expect(err.definite).toBe(true);
    expect(err.message).toMatch(/^xpay authenticate: HTTP 401: invalid credentials \(tag [0-9a-f-]{36}\)$/);
    expect(fake.control.requests("authenticate")).toHaveLength(1);
    expect(fake.control.requests("bill")).toHaveLength(0);
    expect(lines.join("\n") + err.message + String(err.stack)).not.toContain(wrong);
  });

  it("an error envelope inside an HTTP 200 is still an auth failure", async () => {
    fake.control.failNext("authenticate", { status: 200, body: envelope("invalid credentials") });
    const { payments } = build();
    const err = await caught(payments.searchBills({}));
    expect(err).toMatchObject({ kind: "auth", code: "auth_failed", endpoint: "authenticate" });
    expect(err.message).toBe("xpay authenticate: invalid credentials (tag 6181882e-a5a3-4f28-abce-4f24f4905412)");
  });

  it('the fake takes isAPI as true or "true" and refuses a request without it or without JSON', async () => {
    const post = (body: unknown, type = "application/json") =>
      fetch(`${fake.url}/client/authenticate`, { method: "POST", headers: { "Content-Type": type }, body: JSON.stringify(body) });
    const creds = { username: fake.username, secretKey: fake.secretKey };
    for (const isAPI of [true, "true"]) {
      const res = await post({ ...creds, isAPI });
      expect(res.status).toBe(200);
      const json = (await res.json()) as {
        success: { message: string; data: { access_token: string; expiresAt: number; user: { isAPI: boolean } } };
      };
      expect(json.success.message).toBe("Authenticated");
      expect(json.success.data.access_token).toMatch(/^eyJ/);
      expect(json.success.data.expiresAt).toBeGreaterThan(Date.now());
      expect(json.success.data.user.isAPI).toBe(true);
    }
    const missing = await post(creds);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      error: { message: expect.stringContaining("isAPI"), tag: expect.any(String) },
      uuid: expect.any(String),
    });
    expect((await post({ ...creds, isAPI: true }, "text/plain")).status).toBe(400);
    expect(fake.control.authentications()).toBe(2);
  });

  it("the fake wants a Bearer token it issued and that has not expired", async () => {
    fake.control.setTokenLifetime(100);
    const res = await fetch(`${fake.url}/client/authenticate`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ username: fake.username, secretKey: fake.secretKey, isAPI: true }),
    });
    const token = ((await res.json()) as { success: { data: { access_token: string } } }).success.data.access_token;
    const list = (auth?: string) => fetch(`${fake.url}/bills`, { headers: auth ? { Authorization: auth } : {} });
    expect((await list(`Bearer ${token}`)).status).toBe(200);
    expect((await list()).status).toBe(401);
    expect((await list("Bearer eyJnot-issued")).status).toBe(401);
    await new Promise((r) => setTimeout(r, 120));
    const expired = await list(`Bearer ${token}`);
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({
      error: { message: "access token expired", tag: expect.any(String) },
      uuid: expect.any(String),
    });
  });

  it("a 5xx on authenticate is retried; malformed JSON is bad_response", async () => {
    const { payments } = build();
    fake.control.failNext("authenticate", { status: 503, body: envelope("maintenance") });
    await payments.searchBills({});
    expect(fake.control.requests("authenticate").map((r) => r.status)).toEqual([503, 200]);

    const other = build();
    fake.control.reset();
    fake.control.failNext("authenticate", "garbage");
    expect(await caught(other.payments.searchBills({}))).toMatchObject({
      kind: "bad_response",
      code: "not_json",
      endpoint: "authenticate",
    });
  });
});

describe("xpay token sharing and renewal", () => {
  it("many concurrent calls in one process authenticate once", async () => {
    const { payments } = build();
    const results = await Promise.all(Array.from({ length: 25 }, () => payments.searchBills({})));
    expect(results).toHaveLength(25);
    expect(fake.control.authentications()).toBe(1);
    expect(new Set(tokensSeen()).size).toBe(1);
  });

  it("two adapters sharing one cache authenticate once; with separate caches, twice", async () => {
    const cache = new MemoryXpayTokenCache();
    const a = build({ cache });
    const b = build({ cache });
    await Promise.all([a.payments.searchBills({}), b.payments.searchBills({}), a.payments.searchBills({}), b.payments.searchBills({})]);
    expect(fake.control.authentications()).toBe(1);

    fake.control.reset();
    const c = build();
    const d = build();
    await Promise.all([c.payments.searchBills({}), d.payments.searchBills({})]);
    expect(fake.control.authentications()).toBe(2);
  });

  it("renews the token shortly before it expires, so the fake never refuses it", async () => {
    fake.control.setTokenLifetime(600);
    const { payments } = build({ refreshMarginMs: 200 });
    await payments.searchBills({});
    await new Promise((r) => setTimeout(r, 450)); // past expiresAt - margin, before expiresAt
    await payments.searchBills({});
    expect(fake.control.authentications()).toBe(2);
    expect(fake.control.requests("bills").map((r) => r.status)).toEqual([200, 200]);
    expect(new Set(tokensSeen()).size).toBe(2);
  });

  it("a cached token xpay no longer knows (expired or revoked on its side) is renewed once and the call repeated", async () => {
    const cache = new MemoryXpayTokenCache();
    await cache.set({ token: "stale-token-from-another-process", expiresAt: Date.now() + 60_000 }, 60_000);
    const { payments } = build({ cache });
    await payments.searchBills({});
    expect(fake.control.requests("bills").map((r) => r.status)).toEqual([401, 200]);
    expect(fake.control.authentications()).toBe(1);
    expect((await cache.get())?.token).not.toBe("stale-token-from-another-process");
  });

  it("a 401 on a bill call renews the token once and retries once", async () => {
    const { payments } = build();
    const created = await payments.createBill(bill());
    fake.control.revokeTokens();
    expect((await payments.getBill(created.id)).id).toBe(created.id);
    expect(fake.control.requests("bill").map((r) => r.status)).toEqual([401, 200]);
    expect(fake.control.authentications()).toBe(2);

    // A write too: one bill, not two.
    fake.control.revokeTokens();
    await payments.createBill(bill());
    expect(fake.control.requests("bills").map((r) => r.status)).toEqual([201, 401, 201]);
    expect(fake.control.bills()).toHaveLength(2);
  });

  it("a second 401 is a typed auth error, with no loop", async () => {
    const { payments } = build();
    fake.control.failNext("bill", { status: 401, body: envelope("access token expired") }, 2);
    const err = await caught(payments.getBill("BILL-X"));
    expect(err).toMatchObject({ kind: "auth", code: "unauthorized", httpStatus: 401, endpoint: "bill_get" });
    expect(err.message).toBe("xpay bill_get: HTTP 401: access token expired (tag 6181882e-a5a3-4f28-abce-4f24f4905412)");
    expect(fake.control.requests("bill")).toHaveLength(2);
    expect(fake.control.authentications()).toBe(2);
    // The next call goes through with the renewed token.
    expect(await payments.searchBills({})).toEqual([]);
    expect(fake.control.authentications()).toBe(2);
  });
});

describe("xpay bills", () => {
  it("creates a bill in whole units and reads it back in minor units", async () => {
    const { payments } = build();
    const t0 = Date.now();
    const created = await payments.createBill(bill({ reference: "dep_create" }));
    expect(fake.control.requests("bills")[0]?.body).toEqual({
      amount: 50_000,
      currency: "IDR",
      reference: "dep_create",
      description: "Wallet deposit",
    });
    expect(created).toMatchObject({ reference: "dep_create", amount: { amount: 50_000, currency: "IDR" }, status: "unpaid" });
    expect(created.id).toMatch(/^BILL-/);
    expect(created.payUrl).toMatch(/^https:\/\//);
    expect(created.instructions).toContain(created.id);
    expect(created.expiresAt).toBeGreaterThan(t0);
    expect(created.createdAt).toBeGreaterThanOrEqual(t0);
    expect(created.paidAt).toBeUndefined();
    expect(await payments.getBill(created.id)).toEqual(created);
  });

  it("a currency with cents goes out as a decimal and comes back exact", async () => {
    const usd = await startXpayFake({ currency: "USD" });
    try {
      const { payments } = build({ target: usd });
      const created = await payments.createBill(bill({ amount: 1999, currency: "USD" }));
      expect(usd.control.requests("bills")[0]?.body).toMatchObject({ amount: 19.99, currency: "USD" });
      expect(created.amount).toEqual({ amount: 1999, currency: "USD" });
    } finally {
      await usd.close();
    }
  });

  it("maps every status: paid (with paidAt), expired, cancelled", async () => {
    const { payments } = build();
    const [a, b, c] = await Promise.all([payments.createBill(bill()), payments.createBill(bill()), payments.createBill(bill())]);
    fake.control.markPaid(a!.id);
    fake.control.markExpired(b!.id);
    fake.control.markCancelled(c!.id);
    const paid = await payments.getBill(a!.id);
    expect(paid.status).toBe("paid");
    expect(paid.paidAt).toBeGreaterThan(0);
    expect((await payments.getBill(b!.id)).status).toBe("expired");
    expect((await payments.getBill(c!.id)).status).toBe("cancelled");
  });

  it("an unpaid bill past its time reads as expired", async () => {
    const short = await startXpayFake({ billLifetimeMs: 50 });
    try {
      const { payments } = build({ target: short });
      const created = await payments.createBill(bill());
      await new Promise((r) => setTimeout(r, 80));
      expect((await payments.getBill(created.id)).status).toBe("expired");
    } finally {
      await short.close();
    }
  });

  it("cancels an unpaid bill; a paid one is refused, an unknown one not found", async () => {
    const { payments } = build();
    const open = await payments.createBill(bill());
    expect(await payments.cancelBill(open.id)).toMatchObject({ id: open.id, status: "cancelled" });
    const paid = await payments.createBill(bill());
    fake.control.markPaid(paid.id);
    const refused = await caught(payments.cancelBill(paid.id));
    expect(refused).toMatchObject({ kind: "rejected", code: "bill_not_cancellable", httpStatus: 409 });
    expect(refused.message).toContain("bill is paid (tag ");
    expect(fake.control.bills().find((b) => b.id === paid.id)?.status).toBe("paid");
    expect(await caught(payments.cancelBill("BILL-NOPE"))).toMatchObject({ kind: "not_found", code: "bill_not_found", httpStatus: 404 });
    expect(await caught(payments.getBill("BILL-NOPE"))).toMatchObject({ kind: "not_found", code: "bill_not_found" });
  });

  it("searches by reference and by status", async () => {
    const { payments } = build();
    const a = await payments.createBill(bill({ reference: "dep_search_a" }));
    const b = await payments.createBill(bill({ reference: "dep_search_b" }));
    fake.control.markPaid(b.id);
    expect((await payments.searchBills({ reference: "dep_search_a" })).map((x) => x.id)).toEqual([a.id]);
    expect((await payments.searchBills({ status: "paid" })).map((x) => x.id)).toEqual([b.id]);
    expect(await payments.searchBills({ reference: "dep_search_a", status: "paid" })).toEqual([]);
    expect(await payments.searchBills({})).toHaveLength(2);
  });

  it("search keeps its own filter and skips an unreadable bill", async () => {
    const { payments } = build();
    const good = { id: "B1", reference: "dep_mine", amount: 1000, currency: "IDR", status: "paid" };
    fake.control.failNext("bills", {
      status: 200,
      body: {
        success: { data: [good, { ...good, id: "B2", reference: "dep_other" }, { ...good, id: "B3", status: "refunded" }, { id: "B4" }] },
      },
    });
    expect((await payments.searchBills({ reference: "dep_mine" })).map((b) => b.id)).toEqual(["B1"]);
  });

  it("a duplicate reference is refused by the fake and typed", async () => {
    const { payments } = build();
    await payments.createBill(bill({ reference: "dep_dup" }));
    expect(await caught(payments.createBill(bill({ reference: "dep_dup" })))).toMatchObject({
      kind: "rejected",
      code: "duplicate_reference",
      httpStatus: 409,
    });
    expect(fake.control.bills()).toHaveLength(1);
  });

  it("refuses a bad request before calling: other currency, fractional or non-positive amount, no reference", async () => {
    const { payments } = build();
    for (const req of [bill({ currency: "USD" }), bill({ amount: 10.5 }), bill({ amount: 0 }), bill({ reference: "  " })]) {
      expect(await caught(payments.createBill(req))).toMatchObject({ kind: "rejected", code: "invalid_request" });
    }
    expect(fake.control.requests()).toHaveLength(0);
  });

  it("a 400 from xpay is rejected with its message and tag", async () => {
    const { payments } = build();
    const err = await caught(payments.createBill(bill({ reference: "r".repeat(101) })));
    expect(err).toMatchObject({ kind: "rejected", code: "invalid_request", httpStatus: 400 });
    expect(err.message).toMatch(/^xpay bill_create: HTTP 400: reference is required \(1-100 characters\) \(tag [0-9a-f-]{36}\)$/);
  });
});

describe("xpay failures", () => {
  it("5xx: reads are retried, then unavailable; a create is not retried and not definite", async () => {
    const { payments } = build();
    const created = await payments.createBill(bill());
    fake.control.failNext("bill", { status: 502, body: envelope("bad gateway") }, 2);
    expect((await payments.getBill(created.id)).id).toBe(created.id);
    expect(fake.control.requests("bill")).toHaveLength(3);

    fake.control.failNext("bill", { status: 500, body: envelope("boom") }, 3);
    expect(await caught(payments.getBill(created.id))).toMatchObject({ kind: "unavailable", code: "server_error", httpStatus: 500 });

    fake.control.failNext("bills", { status: 500, body: envelope("boom") });
    const err = await caught(payments.createBill(bill()));
    expect(err).toMatchObject({ kind: "unavailable", httpStatus: 500 });
    expect(err.definite).toBe(false);
    expect(fake.control.requests("bills").map((r) => r.status)).toEqual([201, 500]);
  });

  it("a create that times out may exist: it is found again by its reference", async () => {
    const { payments } = build();
    await payments.searchBills({}); // authenticate first, so only the create meets the timeout
    fake.control.failNext("bills", { afterProcessing: "timeout" });
    const t0 = Date.now();
    const err = await caught(payments.createBill(bill({ reference: "dep_lost" })));
    expect(err).toMatchObject({ kind: "timeout", code: "timeout", endpoint: "bill_create" });
    expect(err.definite).toBe(false);
    expect(Date.now() - t0).toBeLessThan(1000);
    const found = await payments.searchBills({ reference: "dep_lost" });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ reference: "dep_lost", status: "unpaid" });
  });

  it("429 with Retry-After is waited out", async () => {
    const { payments } = build();
    const created = await payments.createBill(bill());
    fake.control.failNext("bill", { status: 429, body: envelope("too many requests"), headers: { "Retry-After": "1" } });
    const t0 = Date.now();
    expect((await payments.getBill(created.id)).id).toBe(created.id);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    const reqs = fake.control.requests("bill");
    expect(reqs.map((r) => r.status)).toEqual([429, 200]);
    expect(reqs[1]!.at - reqs[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it("malformed JSON, a wrong shape, an unknown status, another bill, an error in a 200: typed", async () => {
    const { payments } = build();
    const created = await payments.createBill(bill({ reference: "dep_shape" }));
    const wire = fake.control.bills()[0]!;
    fake.control.failNext("bill", "garbage");
    expect(await caught(payments.getBill(created.id))).toMatchObject({ kind: "bad_response", code: "not_json" });
    fake.control.failNext("bill", { status: 200, body: { success: { data: { id: created.id } } } });
    expect(await caught(payments.getBill(created.id))).toMatchObject({ kind: "bad_response", code: "unexpected_body" });
    fake.control.failNext("bill", { status: 200, body: { success: { data: { ...wire, status: "refunded" } } } });
    const odd = await caught(payments.getBill(created.id));
    expect(odd).toMatchObject({ kind: "bad_response", code: "unexpected_bill" });
    expect(odd.message).toContain('unknown bill status "refunded"');
    fake.control.failNext("bill", { status: 200, body: { success: { data: { ...wire, id: "BILL-OTHER" } } } });
    expect(await caught(payments.getBill(created.id))).toMatchObject({ kind: "bad_response", code: "bill_mismatch" });
    fake.control.failNext("bills", { status: 201, body: { success: { data: { ...wire, reference: "dep_someone_else" } } } });
    expect(await caught(payments.createBill(bill()))).toMatchObject({ kind: "bad_response", code: "bill_mismatch" });
    fake.control.failNext("bill", { status: 200, body: envelope("bill locked") });
    expect(await caught(payments.getBill(created.id))).toMatchObject({ kind: "rejected", code: "provider_error" });
  });

  it("the token and the secret never appear in an error message or a log line", async () => {
    const { payments, lines } = build();
    const created = await payments.createBill(bill());
    const token = tokensSeen()[0]!;
    const secret = fake.secretKey;
    const echo = (status: number) => ({ status, body: envelope(`refused token ${token} of key ${secret}`) });
    const errors: ProviderError[] = [];
    fake.control.failNext("bill", echo(500), 3);
    errors.push(await caught(payments.getBill(created.id)));
    fake.control.failNext("bill", echo(401), 2);
    errors.push(await caught(payments.getBill(created.id)));
    const renewed = tokensSeen().at(-1)!;
    fake.control.failNext("bill", { status: 200, body: envelope(`bad token ${renewed} / ${secret}`) });
    errors.push(await caught(payments.getBill(created.id)));
    fake.control.failNext("authenticate", echo(401));
    fake.control.revokeTokens();
    errors.push(await caught(payments.getBill(created.id)));
    expect(errors.map((e) => e.code)).toEqual(["server_error", "unauthorized", "provider_error", "auth_failed"]);
    for (const e of errors) expect(e.message).toContain("[REDACTED]");
    const all = [...errors.map((e) => `${e.message}\n${e.stack}`), ...lines].join("\n");
    expect(lines.length).toBeGreaterThan(0);
    for (const t of new Set(tokensSeen())) expect(all).not.toContain(t);
    expect(all).not.toContain(secret);
  });
});

describe("xpay hints", () => {
  let receiver: Server;
  let url: string;
  let received: Buffer[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push(Buffer.concat(chunks));
        res.end("ok");
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/xpay`;
  });
  afterEach(() => void (received = []));
  afterAll(async () => new Promise<void>((r) => receiver.close(() => r())));

  it("a real hint names the bill; the bill itself is re-read from the API", async () => {
    const { payments } = build();
    const created = await payments.createBill(bill({ reference: "dep_hint" }));
    fake.control.markPaid(created.id);
    const post = await fake.control.postHint(created.id, url);
    expect(post.status).toBe(200);
    const hint = payments.parseHint(new Uint8Array(received[0]!));
    expect(hint).toEqual({ billId: created.id, reference: "dep_hint" });
    expect((await payments.getBill(hint.billId!)).status).toBe("paid");
  });

  it("a forged 'paid' hint for an unpaid bill carries no status or amount, and the API says unpaid", async () => {
    fake.control.setHintUrl(url);
    const { payments } = build();
    const created = await payments.createBill(bill({ reference: "dep_forged" }));
    await fake.control.postForgedHint(created.id);
    expect(JSON.parse(received[0]!.toString())).toMatchObject({ data: { status: "paid", amount: 500_000 } });
    const hint = payments.parseHint(new Uint8Array(received[0]!));
    expect(hint).toEqual({ billId: created.id, reference: "dep_forged" });
    const reread = await payments.getBill(hint.billId!);
    expect(reread.status).toBe("unpaid");
    expect(reread.amount.amount).toBe(50_000);
  });

  it("sandbox autoPay pays a new bill and posts its hint", async () => {
    const auto = await startXpayFake({ autoPay: { afterMs: 30 }, hintUrl: url });
    try {
      const { payments } = build({ target: auto });
      const created = await payments.createBill(bill());
      await expect.poll(() => received.length, { timeout: 2000 }).toBe(1);
      expect(payments.parseHint(received[0]!.toString()).billId).toBe(created.id);
      expect((await payments.getBill(created.id)).status).toBe("paid");
    } finally {
      await auto.close();
    }
  });
});
