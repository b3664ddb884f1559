/**
 * The vifox adapter against the fake vifox over real HTTP (undici on both sides of loopback).
 */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { createMetrics } from "../../src/observability/metrics.js";
import type { RetryPolicy } from "../../src/providers/http.js";
import { ProviderError, type PointsSource } from "../../src/providers/types.js";
import { createVifoxAdapter, type VifoxConfig } from "../../src/providers/vifox/index.js";
import { startVifoxFake, type VifoxFake } from "../../src/sandbox/vifox.js";

const ALICE = "alice@example.com";
const BOB = "bob@example.com";
const PATH = "/api/v1/partners/";

let fake: VifoxFake;

beforeAll(async () => {
  fake = await startVifoxFake({
    partnerName: "aron",
    pool: 10_000,
    users: [
      { email: "parent@example.com", firstName: "Ellie", lastName: "Pares", points: 50 },
      { email: ALICE, firstName: "Alice", points: 1800, kyc: true, parentEmail: "parent@example.com" },
    ],
  });
});
afterEach(() => fake.control.reset());
afterAll(async () => fake.close());

function build(over: Partial<VifoxConfig> & { target?: VifoxFake; retry?: Partial<RetryPolicy> } = {}) {
  const target = over.target ?? fake;
  const metrics = createMetrics();
  const lines: string[] = [];
  const logger = createLogger({ level: "debug", destination: { write: (s: string) => void lines.push(s) } });
  const adapter = createVifoxAdapter(
    {
      baseUrl: over.baseUrl ?? target.url,
      apiKey: over.apiKey ?? target.apiKey,
      apiSecret: over.apiSecret ?? target.apiSecret,
      partnerName: over.partnerName ?? target.partnerName,
      rateLimits: over.rateLimits ?? [{ max: 1000, windowMs: 1000 }],
      now: over.now,
    },
    { metrics, logger, timeouts: { orderMs: 300, readMs: 300 }, retry: { baseDelayMs: 10, ...over.retry } },
  );
  return { points: adapter.points as PointsSource, metrics, lines };
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

/** Signs like the document's examples, independently of the adapter's code. */
function hmac(secret: string, text: string | Buffer): string {
  return createHmac("sha256", secret).update(text).digest("hex");
}

async function rawPost(endpoint: string, body: string, headers: Record<string, string>) {
  const res = await request(`${fake.url}${PATH}${endpoint}`, {
    method: "POST",
    body,
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
  });
  return { status: res.statusCode, body: (await res.body.json()) as Record<string, unknown> };
}

function signed(endpoint: string, body: string, extra: Record<string, string> = {}, ts = Math.floor(Date.now() / 1000)) {
  const timestamp = String(ts);
  return {
    "X-API-KEY": fake.apiKey,
    "X-TIMESTAMP": timestamp,
    "X-SIGNATURE": hmac(fake.apiSecret, `POST${PATH}${endpoint}${timestamp}${body}`),
    ...extra,
  };
}

describe("vifox happy paths: the fake accepts every request the adapter signs", () => {
  it("registers users with a signed, transaction-id'd POST and reports who already existed", async () => {
    const { points } = build();
    const tx = points.newTransactionId();
    expect(tx).toMatch(/^aron_\d{10}$/);
    const res = await points.registerUsers([{ email: BOB, firstName: "Bob", postalCode: "567-45" }, { email: ALICE }], tx);
    expect(res).toEqual({ kind: "created", existingEmails: [ALICE] });
    expect(fake.control.user(BOB)).toMatchObject({ email: BOB, firstName: "Bob", points: 0 });

    const [req] = fake.control.requests("users");
    expect(req?.path).toBe("/api/v1/partners/users");
    expect(req?.rawBody).toBe(JSON.stringify({ users: [{ email: BOB, first_name: "Bob", postal_code: "567-45" }, { email: ALICE }] }));
    expect(req?.headers["x-api-key"]).toBe(fake.apiKey);
    expect(req?.headers["x-transaction-id"]).toBe(tx);
    expect(req?.headers["content-type"]).toBe("application/json");
    expect(req?.headers.accept).toBe("application/json");
    const ts = req?.headers["x-timestamp"] ?? "";
    expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(5);
    // The signature covers the bytes that went out, as the document's examples compute it.
    expect(req?.headers["x-signature"]).toBe(hmac(fake.apiSecret, `POST/api/v1/partners/users${ts}${req?.rawBody}`));
    expect(fake.control.usedTransactionIds()).toEqual([tx]);
  });

  it("adds points from the pool, echoing our external id, and the history keeps it", async () => {
    const { points } = build();
    const res = await points.addPoints(
      [{ email: ALICE, points: 200, description: "order 42", externalId: "ord_42" }],
      points.newTransactionId(),
    );
    expect(res).toEqual({ kind: "applied", outcomes: [{ email: ALICE, externalId: "ord_42", message: "success", status: "awarded" }] });
    expect(fake.control.pool()).toBe(9_800);
    expect(fake.control.user(ALICE)?.points).toBe(2_000);
    expect(fake.control.awardsApplied()).toBe(1);
    expect(fake.control.requests("points")[0]?.body).toEqual({
      users: [{ email: ALICE, point: 200, description: "order 42", external_transaction_id: "ord_42" }],
    });

    const [withHistory] = await points.userPoints({ emails: [ALICE], withHistory: true });
    expect(withHistory).toMatchObject({ status: "valid", email: ALICE, points: 2_000 });
    const history = withHistory?.status === "valid" ? withHistory.history : [];
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({
      points: 200,
      reason: "partner",
      description: "order 42",
      externalId: "ord_42",
      type: "web_service",
    });
    expect(history[1]).toMatchObject({ points: -200, reason: "user_partner", externalId: "ord_42" });
    expect(history[0]?.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
  });

  it("reads user points: named users (valid and invalid), without history, and every user with no body", async () => {
    const { points } = build();
    const named = await points.userPoints({ emails: [ALICE, "nobody@example.com"] });
    expect(named).toEqual([
      { status: "valid", email: ALICE, points: 1800, history: [] },
      { status: "invalid", email: "nobody@example.com", message: "Invalid User" },
    ]);
    expect(fake.control.requests("user-points")[0]?.rawBody).toBe(JSON.stringify({ users: [ALICE, "nobody@example.com"] }));

    const all = await points.userPoints();
    expect(all.map((u) => u.email).sort()).toEqual([ALICE, "parent@example.com"]);
    // No body at all, signed over METHOD + PATH + TIMESTAMP only (the document's example).
    const bare = fake.control.requests("user-points")[1];
    expect(bare?.rawBody).toBe("");
    expect(bare?.headers["x-signature"]).toBe(hmac(fake.apiSecret, `POST/api/v1/partners/user-points${bare?.headers["x-timestamp"]}`));
    expect(bare?.headers["x-transaction-id"]).toBeUndefined();
  });

  it("reads user info with the referrer", async () => {
    const { points } = build();
    const info = await points.userInfo(ALICE);
    expect(info).toMatchObject({
      status: "found",
      email: ALICE,
      firstName: "Alice",
      lastName: undefined,
      points: 1800,
      kycVerified: true,
      parent: { email: "parent@example.com", firstName: "Ellie", lastName: "Pares" },
    });
    expect(info.status === "found" && info.parent?.referralCode).toMatch(/^[A-Za-z0-9]{8}$/);
  });

  it("reads the remaining liquidity pool", async () => {
    fake.control.setPool(3_700);
    const { points, metrics } = build();
    expect(await points.liquidityPool()).toEqual({ points: 3_700, rate: 0.2 });
    expect(fake.control.requests("remaining-liquidity-pool")[0]?.rawBody).toBe("");
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/provider_calls_total\{provider="vifox",endpoint="remaining-liquidity-pool",outcome="ok"\} 1/);
  });
});

describe("vifox per-user statuses inside an HTTP 200", () => {
  it("403 pool / 403 user's point / 404 not registered / 429 user limit, each typed, in order", async () => {
    fake.control.addUser({ email: BOB, points: 10 });
    fake.control.setPool(100);
    fake.control.setUserPointLimit(1_820);
    const { points } = build();
    const res = await points.addPoints(
      [
        { email: BOB, points: 50 },
        { email: ALICE, points: 500 },
        { email: "ghost@example.com", points: 5, externalId: "8789" },
        { email: ALICE, points: 40 },
        { email: BOB, points: -61 },
      ],
      points.newTransactionId(),
    );
    expect(res.kind).toBe("applied");
    const outcomes = res.kind === "applied" ? res.outcomes : [];
    expect(outcomes.map((o) => [o.email, o.status])).toEqual([
      [BOB, "awarded"],
      [ALICE, "insufficient_pool"],
      ["ghost@example.com", "not_registered"],
      [ALICE, "user_limit_reached"],
      [BOB, "insufficient_user_points"],
    ]);
    expect(outcomes[2]).toMatchObject({ externalId: "8789", message: "Not registered user" });
    expect(fake.control.awardsApplied()).toBe(1);
    expect(fake.control.pool()).toBe(50);
    expect(fake.control.user(ALICE)?.points).toBe(1800);
    expect(fake.control.user(BOB)?.points).toBe(60);
  });
});

describe("vifox answers that are results, not errors", () => {
  it("404 'No data' (a partner without users) is an empty list", async () => {
    const empty = await startVifoxFake({ partnerName: "aron" });
    try {
      const { points, metrics } = build({ target: empty });
      expect(await points.userPoints()).toEqual([]);
      expect(empty.control.requests("user-points")[0]?.status).toBe(404);
      const text = await metrics.registry.metrics();
      expect(text).toMatch(/provider_calls_total\{provider="vifox",endpoint="user-points",outcome="ok"\} 1/);
    } finally {
      await empty.close();
    }
  });

  it("user-info 404 'User not found' is a not_found result; 422 is a typed validation error", async () => {
    fake.control.addUser({ email: "theirs@example.com", ours: false });
    const { points } = build();
    expect(await points.userInfo("theirs@example.com")).toEqual({ status: "not_found", email: "theirs@example.com" });
    const err = await caught(points.userInfo("nobody@example.com"));
    expect(err).toMatchObject({ kind: "rejected", code: "validation_failed", httpStatus: 422, endpoint: "user-info" });
    expect(err.message).toContain("The selected email is invalid.");
  });
});

describe("vifox lost answers and duplicate transaction ids", () => {
  it("an award whose answer was lost, retried with the SAME id, is applied once and reported duplicate", async () => {
    const { points } = build();
    const tx = points.newTransactionId();
    const award = [{ email: ALICE, points: 25, externalId: "ord_7" }];
    fake.control.dropNextResponse("points");
    const lost = await caught(points.addPoints(award, tx));
    expect(lost).toMatchObject({ kind: "unavailable", code: "network" });
    expect(lost.definite).toBe(false);
    expect(fake.control.requests("points")).toHaveLength(1); // a write is never repeated by the client
    expect(fake.control.awardsApplied()).toBe(1);

    expect(await points.addPoints(award, tx)).toEqual({ kind: "duplicate" });
    expect(fake.control.requests("points")[1]?.status).toBe(410);
    expect(fake.control.awardsApplied()).toBe(1);
    expect(fake.control.user(ALICE)?.points).toBe(1825);
    // Reconciliation can find it: one movement carries our external id.
    const [u] = await points.userPoints({ emails: [ALICE], withHistory: true });
    expect(u?.status === "valid" && u.history.filter((h) => h.externalId === "ord_7" && h.points === 25)).toHaveLength(1);
  });

  it("a registration retried with its id is duplicate too; a new id goes through", async () => {
    const { points } = build();
    const tx = points.newTransactionId();
    expect((await points.registerUsers([{ email: BOB }], tx)).kind).toBe("created");
    expect(await points.registerUsers([{ email: BOB }], tx)).toEqual({ kind: "duplicate" });
    expect(await points.registerUsers([{ email: BOB }], points.newTransactionId())).toEqual({ kind: "created", existingEmails: [BOB] });
  });

  it("a refused request does not use its id up: the same id succeeds afterwards", async () => {
    const { points } = build();
    const tx = points.newTransactionId();
    fake.control.failNext("points", { status: 500, body: { message: "Server Error" } });
    expect(await caught(points.addPoints([{ email: ALICE, points: 1 }], tx))).toMatchObject({ kind: "unavailable" });
    expect((await points.addPoints([{ email: ALICE, points: 1 }], tx)).kind).toBe("applied");
  });

  it("a transaction id of the wrong shape is refused before sending", async () => {
    const { points } = build();
    for (const tx of ["aron_123", "bob_1234567890", "1234567890"]) {
      expect(await caught(points.addPoints([{ email: ALICE, points: 1 }], tx))).toMatchObject({
        kind: "rejected",
        code: "invalid_request",
      });
    }
    expect(await caught(points.addPoints([{ email: ALICE, points: 0 }], points.newTransactionId()))).toMatchObject({
      code: "invalid_request",
    });
    expect(await caught(points.addPoints([{ email: ALICE, points: 1.5 }], points.newTransactionId()))).toMatchObject({
      code: "invalid_request",
    });
    expect(fake.control.requests()).toHaveLength(0);
  });
});

describe("vifox authentication failures", () => {
  it("a stale timestamp: the write's 407 reaches the adapter as a typed 'expired' refusal, not a network error", async () => {
    const { points } = build({ now: () => Date.now() - 10 * 60_000 });
    const err = await caught(points.addPoints([{ email: ALICE, points: 5 }], points.newTransactionId()));
    expect(err).toMatchObject({ kind: "rejected", code: "request_expired", httpStatus: 407, endpoint: "points" });
    expect(err.definite).toBe(true);
    expect(err.message).toBe("vifox points: HTTP 407: Request expired");
    expect(fake.control.awardsApplied()).toBe(0);
    expect(fake.control.usedTransactionIds()).toEqual([]);
  });

  it("a future timestamp is expired too; on a read it comes as 405 with the same meaning", async () => {
    const { points } = build({ now: () => Date.now() + 10 * 60_000 });
    expect(await caught(points.liquidityPool())).toMatchObject({ kind: "rejected", code: "request_expired", httpStatus: 405 });
    expect(fake.control.requests("remaining-liquidity-pool")).toHaveLength(1); // a refusal is not retried
    const within = build({ now: () => Date.now() - 60_000 });
    expect((await within.points.liquidityPool()).points).toBe(10_000);
  });

  it("a wrong secret: 405 Invalid signature, and no secret or key in errors or logs", async () => {
    const secret = "wrong-secret-0123456789abcdef";
    const { points, lines } = build({ apiSecret: secret });
    const err = await caught(points.registerUsers([{ email: BOB }], points.newTransactionId()));
    expect(err).toMatchObject({ kind: "auth", code: "invalid_signature", httpStatus: 405 });
    expect(fake.control.user(BOB)).toBeUndefined();
    const all = lines.join("\n") + err.message + String(err.stack);
    expect(lines.length).toBeGreaterThan(0);
    expect(all).not.toContain(secret);
    expect(all).not.toContain(fake.apiKey);
  });

  it("a wrong key: 406 Invalid partner on writes, 405 on reads; the key is redacted", async () => {
    const key = "wrong-key-0123456789abcdef";
    const { points, lines } = build({ apiKey: key });
    expect(await caught(points.addPoints([{ email: ALICE, points: 1 }], points.newTransactionId()))).toMatchObject({
      kind: "auth",
      code: "invalid_partner",
      httpStatus: 406,
    });
    expect(await caught(points.userInfo(ALICE))).toMatchObject({ kind: "auth", code: "invalid_partner", httpStatus: 405 });
    expect(lines.join("\n")).not.toContain(key);
  });

  it("a body tampered with on the way is rejected by the fake's own signature check", async () => {
    // A loopback hop that rewrites the body (fixing its length) and forwards everything else.
    const proxy: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", async () => {
        const body = Buffer.concat(chunks).toString("utf8").replace('"point":5', '"point":500');
        const headers = { ...req.headers, "content-length": String(Buffer.byteLength(body)) };
        delete headers.host;
        const up = await request(`${fake.url}${req.url}`, { method: "POST", headers, body });
        res.writeHead(up.statusCode, { "content-type": "application/json" });
        res.end(await up.body.text());
      });
    });
    await new Promise<void>((r) => proxy.listen(0, "127.0.0.1", r));
    try {
      const { points } = build({ baseUrl: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` });
      const err = await caught(points.addPoints([{ email: ALICE, points: 5 }], points.newTransactionId()));
      expect(err).toMatchObject({ kind: "auth", code: "invalid_signature", httpStatus: 405 });
      expect(fake.control.requests("points")[0]?.rawBody).toContain('"point":500');
      expect(fake.control.awardsApplied()).toBe(0);
      expect(fake.control.user(ALICE)?.points).toBe(1800);
    } finally {
      await new Promise((r) => proxy.close(r));
    }
  });

  it("the fake signs the raw bytes: a spaced body signed as sent is accepted, one byte off is not", async () => {
    // The Java example's body, with its spaces: valid because it is signed exactly as sent.
    const body = `{"users":[{"email":"${ALICE}","point":7, "description": "description", "external_transaction_id": 8767}]}`;
    const ok = await rawPost("points", body, signed("points", body, { "X-TRANSACTION-ID": "aron_7690567345" }));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ status: 200, data: [{ status: 200, email: ALICE, external_transaction_id: 8767, message: "success" }] });
    const sig = signed("points", body, { "X-TRANSACTION-ID": "aron_7690567346" });
    const bad = await rawPost("points", body.replace(", ", ","), sig);
    expect(bad).toEqual({ status: 405, body: { message: "Invalid signature" } });
    const upper = await rawPost("points", body, { ...sig, "X-SIGNATURE": sig["X-SIGNATURE"].toUpperCase() });
    expect(upper.status).toBe(405);
    expect(fake.control.awardsApplied()).toBe(1);
  });

  it("the fake answers missing headers 408 (writes) / 405 (reads), a missing transaction id 409", async () => {
    expect(await rawPost("users", "{}", {})).toEqual({ status: 408, body: { message: "Missing authentication headers" } });
    expect(await rawPost("user-info", "{}", {})).toEqual({ status: 405, body: { message: "Missing authentication headers" } });
    const body = JSON.stringify({ users: [{ email: BOB }] });
    expect(await rawPost("users", body, signed("users", body))).toEqual({
      status: 409,
      body: { message: "Missing X-TRANSACTION-ID header" },
    });
    expect(await rawPost("users", body, signed("users", body, { "X-TRANSACTION-ID": "other_1234567890" }))).toMatchObject({ status: 409 });
    expect(fake.control.user(BOB)).toBeUndefined();
  });
});

describe("vifox transport failures", () => {
  it("5xx on a write: unavailable, never repeated; on a read: retried", async () => {
    const { points } = build();
    fake.control.failNext("users", { status: 503, body: { message: "Service Unavailable" } });
    const err = await caught(points.registerUsers([{ email: BOB }], points.newTransactionId()));
    expect(err).toMatchObject({ kind: "unavailable", code: "server_error", httpStatus: 503 });
    expect(err.definite).toBe(false);
    expect(fake.control.requests("users")).toHaveLength(1);

    fake.control.failNext("user-info", { status: 500, body: { message: "Server Error" } });
    expect((await points.userInfo(ALICE)).status).toBe("found");
    expect(fake.control.requests("user-info").map((r) => r.status)).toEqual([500, 200]);
  });

  it("a read that keeps failing gives up as unavailable after the policy's retries", async () => {
    const { points } = build();
    fake.control.failNext("remaining-liquidity-pool", { status: 502, body: {} }, 5);
    expect(await caught(points.liquidityPool())).toMatchObject({ kind: "unavailable", httpStatus: 502 });
    expect(fake.control.requests("remaining-liquidity-pool")).toHaveLength(3);
  });

  it("timeout: a write is reported once as timeout (not definite); a read is retried with a fresh signature", async () => {
    const { points } = build();
    fake.control.failNext("points", "timeout");
    const err = await caught(points.addPoints([{ email: ALICE, points: 3 }], points.newTransactionId()));
    expect(err).toMatchObject({ kind: "timeout", code: "timeout" });
    expect(err.definite).toBe(false);
    expect(fake.control.requests("points")).toHaveLength(1);

    fake.control.failNext("user-points", "timeout");
    expect(await points.userPoints({ emails: [ALICE] })).toHaveLength(1);
    expect(fake.control.requests("user-points")).toHaveLength(2);
  });

  it("a body that stalls after the headers still times out", async () => {
    const stall: Server = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"status":200,');
    });
    await new Promise<void>((r) => stall.listen(0, "127.0.0.1", r));
    try {
      const { points } = build({ baseUrl: `http://127.0.0.1:${(stall.address() as AddressInfo).port}` });
      const t0 = Date.now();
      expect(await caught(points.addPoints([{ email: ALICE, points: 1 }], points.newTransactionId()))).toMatchObject({ kind: "timeout" });
      expect(Date.now() - t0).toBeLessThan(2_000);
    } finally {
      stall.closeAllConnections();
      await new Promise((r) => stall.close(r));
    }
  });

  it("a 429 with Retry-After is waited out on a read", async () => {
    const { points } = build();
    fake.control.failNext("user-points", { status: 429, body: { message: "Too Many Attempts." }, headers: { "Retry-After": "1" } });
    const t0 = Date.now();
    expect(await points.userPoints({ emails: [ALICE] })).toHaveLength(1);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(fake.control.requests("user-points").map((r) => r.status)).toEqual([429, 200]);
  });

  it("405 'Reached the limit of request' is a rate limit: a write waits and is sent once more, with the same id", async () => {
    const { points } = build({ retry: { defaultRetryAfterMs: 50 } });
    const tx = points.newTransactionId();
    fake.control.failNext("points", { status: 405, body: { message: "Reached the limit of request" } });
    expect((await points.addPoints([{ email: ALICE, points: 4 }], tx)).kind).toBe("applied");
    const sent = fake.control.requests("points");
    expect(sent.map((r) => r.status)).toEqual([405, 200]);
    expect(sent.map((r) => r.headers["x-transaction-id"])).toEqual([tx, tx]);
    expect(fake.control.awardsApplied()).toBe(1);
  });

  it("the fake's own request limit: the refused write stays unapplied and its id unused", async () => {
    const limited = await startVifoxFake({ partnerName: "aron", rateLimit: { max: 1, windowMs: 60_000 }, users: [{ email: ALICE }] });
    try {
      const { points } = build({ target: limited, retry: { defaultRetryAfterMs: 20 } });
      await points.liquidityPool();
      const err = await caught(points.addPoints([{ email: ALICE, points: 4 }], points.newTransactionId()));
      expect(err).toMatchObject({ kind: "rate_limited", code: "rate_limited", httpStatus: 405 });
      expect(err.definite).toBe(true);
      expect(limited.control.requests("points")).toHaveLength(2);
      expect(limited.control.awardsApplied()).toBe(0);
      expect(limited.control.usedTransactionIds()).toEqual([]);
    } finally {
      await limited.close();
    }
  });

  it("an unreadable or unexpected 200 is bad_response", async () => {
    const { points } = build();
    fake.control.failNext("remaining-liquidity-pool", "garbage");
    expect(await caught(points.liquidityPool())).toMatchObject({ kind: "bad_response", code: "not_json" });
    fake.control.failNext("remaining-liquidity-pool", { status: 200, body: { status: 200, data: { liquidity_pool: "37.5", rate: 0.2 } } });
    expect(await caught(points.liquidityPool())).toMatchObject({ kind: "bad_response", code: "unexpected_body" });
    fake.control.failNext("points", { status: 200, body: { status: 200, data: [{ status: 200 }] } });
    const err = await caught(points.addPoints([{ email: ALICE, points: 1 }], points.newTransactionId()));
    expect(err).toMatchObject({ kind: "bad_response", code: "unexpected_body" });
    expect(err.definite).toBe(false);
  });

  it("a connection refused is unavailable, and certainly not carried out (nothing was sent)", async () => {
    const gone = await startVifoxFake({ partnerName: "aron" });
    const url = gone.url;
    await gone.close();
    const { points } = build({ baseUrl: url });
    const refused = await caught(points.liquidityPool());
    expect(refused).toMatchObject({ kind: "unavailable", code: "unreachable" });
    expect(refused.definite).toBe(true);
  });
});
