import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/domain/api-keys.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { ADMIN_ID, startHarness, type Harness } from "../support/harness.js";

// Mobile Legends 86 Diamonds costs Rp 19.800 at the fake; member markup 10% → Rp 21.780.
const PRICE = 21_780;
const ML86 = "gametopup:1";

/**
 * The reseller API over real HTTP to the bot's own port (SPEC §8): keys, the catalogue, orders
 * with ref_id idempotency, problem+json for every bad input, authorisation and the rate limit.
 */
describe.skipIf(!redisAvailable || !postgresAvailable)("the reseller API (real HTTP, PostgreSQL, Redis)", () => {
  let h: Harness;
  let nextId = 7000;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      env: { API_RATE_PER_SECOND: "1000", TRUSTED_PROXIES: "127.0.0.1" },
    });
  });
  afterAll(() => h?.close());

  /** An active reseller with money and a key. */
  async function reseller(credit = 100_000) {
    const u = await h.reseller(nextId++);
    if (credit > 0) await h.credit(u.id, credit, "IDR");
    const { key, secret } = await h.app.api.keys.issue(u.id);
    return { id: u.id, key, secret };
  }

  const call = (key: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${h.url}${path}`, {
      method,
      headers: {
        ...(key ? { Authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });

  it("issues keys of the documented shape, kept only as a hash", async () => {
    const r = await reseller();
    expect(r.key).toMatch(/^rk_live_[0-9A-Za-z]{32,}$/);
    expect(r.secret).toMatch(/^whsec_[0-9A-Za-z]{32,}$/);
    const stored = await h.app.store.api.liveKey(r.id);
    expect(stored?.keyHash).toBe(hashApiKey(r.key));
    expect(JSON.stringify(stored)).not.toContain(r.key);
  });

  it("GET /me and /products answer the reseller's own tier, balances and prices, with RateLimit headers", async () => {
    const r = await reseller(50_000);
    const me = await call(r.key, "GET", "/api/v1/me");
    expect(me.status).toBe(200);
    expect(me.headers.get("RateLimit-Limit")).toBe("2000");
    expect(Number(me.headers.get("RateLimit-Remaining"))).toBeGreaterThan(0);
    expect(await me.json()).toEqual({ reseller_id: r.id, tier: "member", balances: { IDR: 50_000 } });
    const res = await call(r.key, "GET", "/api/v1/products");
    const { products } = (await res.json()) as { products: { id: string; price: number; needs: unknown; available: boolean }[] };
    const ml = products.find((p) => p.id === ML86);
    expect(ml).toMatchObject({ price: PRICE, currency: "IDR", available: true, needs: { required: ["player_id"], optional: ["zone"] } });
    expect(JSON.stringify(products)).not.toMatch(/cost/i);
  });

  it("POST /orders: 201 once, the same ref_id and body again 200 with the same order and no second debit, another body 409", async () => {
    const r = await reseller();
    const body = { ref_id: "shop-1", product_id: ML86, player_id: "12345678", zone: "2001" };
    const first = await call(r.key, "POST", "/api/v1/orders", body);
    expect(first.status).toBe(201);
    const made = (await first.json()) as { id: string; ref_id: string; status: string; price: number; balance_after: number };
    expect(made).toMatchObject({ ref_id: "shop-1", price: PRICE, currency: "IDR", balance_after: 100_000 - PRICE });
    // Key order and an explicit default do not make it another body.
    const again = await call(r.key, "POST", "/api/v1/orders", {
      zone: "2001",
      quantity: 1,
      player_id: "12345678",
      product_id: ML86,
      ref_id: "shop-1",
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(made.id);
    const other = await call(r.key, "POST", "/api/v1/orders", { ...body, player_id: "99999999" });
    expect(other.status).toBe(409);
    expect(other.headers.get("Content-Type")).toMatch(/application\/problem\+json/);
    expect(((await other.json()) as { type: string }).type).toBe("urn:reseller-api:problem:ref-id-conflict");
    expect(await h.balance(r.id, "IDR")).toBe(100_000 - PRICE);

    const byId = await call(r.key, "GET", `/api/v1/orders/${made.id}`);
    expect(byId.status).toBe(200);
    const view = (await byId.json()) as { ref_id: string; history: { status: string }[] };
    expect(view.ref_id).toBe("shop-1");
    expect(view.history[0]?.status).toBe("pending");
    const byRef = await call(r.key, "GET", "/api/v1/orders?ref_id=shop-1");
    expect(((await byRef.json()) as { id: string }).id).toBe(made.id);
    expect((await call(r.key, "GET", "/api/v1/orders?ref_id=nope")).status).toBe(404);
  });

  it("maintenance is 409 with the reason and charges nothing; the ref_id is not used up", async () => {
    const r = await reseller();
    const body = { ref_id: "later", product_id: ML86, player_id: "12345678", zone: "2001" };
    await h.app.services.maintenance.change(ADMIN_ID, { scope: "bot", target: "", on: true, note: "upgrade" });
    try {
      const res = await call(r.key, "POST", "/api/v1/orders", body);
      expect(res.status).toBe(409);
      expect(await res.json()).toMatchObject({ type: "urn:reseller-api:problem:unavailable", reason: "maintenance" });
    } finally {
      await h.app.services.maintenance.change(ADMIN_ID, { scope: "bot", target: "", on: false });
    }
    expect(await h.balance(r.id, "IDR")).toBe(100_000);
    expect((await call(r.key, "POST", "/api/v1/orders", body)).status).toBe(201);
  });

  it("another reseller's order is 404, not 403", async () => {
    const a = await reseller();
    const b = await reseller();
    const made = await call(a.key, "POST", "/api/v1/orders", { ref_id: "x", product_id: ML86, player_id: "12345678", zone: "1" });
    const { id } = (await made.json()) as { id: string };
    const peek = await call(b.key, "GET", `/api/v1/orders/${id}`);
    expect(peek.status).toBe(404);
    expect(((await peek.json()) as { type: string }).type).toBe("urn:reseller-api:problem:not-found");
    expect((await call(b.key, "GET", "/api/v1/orders?ref_id=x")).status).toBe(404);
  });

  it("a short balance is 402 and stays 402 for that ref_id; nothing is taken", async () => {
    const r = await reseller(1_000);
    const body = { ref_id: "poor", product_id: ML86, player_id: "12345678", zone: "2001" };
    for (let i = 0; i < 2; i++) {
      const res = await call(r.key, "POST", "/api/v1/orders", body);
      expect(res.status).toBe(402);
      expect(await res.json()).toMatchObject({ type: "urn:reseller-api:problem:insufficient-balance", balance: 1_000, price: PRICE });
    }
    expect(await h.balance(r.id, "IDR")).toBe(1_000);
  });

  it("every kind of bad input is a problem+json 4xx naming the field, and charges nothing", async () => {
    const r = await reseller();
    const base = { ref_id: "bad", product_id: ML86, player_id: "12345678", zone: "2001" };
    const cases: { body: unknown; status: number; field?: string; type: string }[] = [
      { body: "{not json", status: 400, type: "malformed-json" },
      { body: { ...base, colour: "red" }, status: 422, field: "colour", type: "invalid-request" },
      { body: { ...base, player_id: "abc123x" }, status: 422, field: "player_id", type: "invalid-request" },
      { body: { ...base, quantity: 0 }, status: 422, field: "quantity", type: "invalid-request" },
      { body: { ...base, quantity: 1e9 }, status: 422, field: "quantity", type: "invalid-request" },
      { body: { ...base, product_id: "gametopup:404" }, status: 422, field: "product_id", type: "invalid-request" },
      { body: { ...base, zone: "no spaces!" }, status: 422, field: "zone", type: "invalid-request" },
      { body: { ...base, player_id: undefined }, status: 422, field: "player_id", type: "invalid-request" },
      { body: { ref_id: "bad", product_id: "xinstitute:SPOTIFY_1M" }, status: 422, field: "email", type: "invalid-request" },
      { body: { ...base, ref_id: "" }, status: 422, field: "ref_id", type: "invalid-request" },
      { body: { ...base, ref_id: "x".repeat(65) }, status: 422, field: "ref_id", type: "invalid-request" },
      { body: [1, 2], status: 422, field: "body", type: "invalid-request" },
    ];
    for (const c of cases) {
      const res = await call(r.key, "POST", "/api/v1/orders", c.body);
      expect(res.status, JSON.stringify(c.body)).toBe(c.status);
      expect(res.headers.get("Content-Type")).toMatch(/application\/problem\+json/);
      const p = (await res.json()) as { type: string; errors?: { field: string }[] };
      expect(p.type).toBe(`urn:reseller-api:problem:${c.type}`);
      if (c.field) expect(p.errors?.map((e) => e.field)).toContain(c.field);
    }
    const text = await call(r.key, "POST", "/api/v1/orders", JSON.stringify(base), { "Content-Type": "text/plain" });
    expect(text.status).toBe(415);
    // Last: the server answers before reading the 2 MB, and the connection ends with it.
    const big = await call(r.key, "POST", "/api/v1/orders", JSON.stringify({ ...base, pad: "x".repeat(2 * 1024 * 1024) }));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { type: string }).type).toBe("urn:reseller-api:problem:payload-too-large");
    expect(await h.balance(r.id, "IDR")).toBe(100_000);
    // None of those burnt the ref_id: a good body with it is a new order.
    expect((await call(r.key, "POST", "/api/v1/orders", base)).status).toBe(201);
  });

  it("missing, wrong, rotated and revoked keys are 401; a banned reseller's key is 403 at once", async () => {
    const r = await reseller();
    expect((await call(undefined, "GET", "/api/v1/me")).status).toBe(401);
    expect((await call("rk_live_wrongwrongwrongwrongwrongwrongwrong", "GET", "/api/v1/me")).status).toBe(401);
    const unauth = await call("nonsense", "GET", "/api/v1/me");
    expect(unauth.status).toBe(401);
    expect(unauth.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    const rotated = await h.app.api.keys.issue(r.id);
    expect((await call(r.key, "GET", "/api/v1/me")).status).toBe(401);
    expect((await call(rotated.key, "GET", "/api/v1/me")).status).toBe(200);
    await h.app.api.keys.revoke(r.id);
    expect((await call(rotated.key, "GET", "/api/v1/me")).status).toBe(401);

    const b = await reseller();
    expect((await call(b.key, "GET", "/api/v1/me")).status).toBe(200);
    await h.app.services.resellers.setStatus(b.id, "banned");
    const banned = await call(b.key, "GET", "/api/v1/me");
    expect(banned.status).toBe(403);
    expect(((await banned.json()) as { type: string }).type).toBe("urn:reseller-api:problem:forbidden");
  });

  it("a ban reaches another process's API at once (its user cache is dropped)", async () => {
    const b = await reseller();
    const other = await h.another();
    const keys = other.api.keys;
    expect((await keys.authenticate(b.key, "127.0.0.1")).ok).toBe(true);
    await h.app.services.resellers.setStatus(b.id, "banned");
    await expect.poll(async () => (await keys.authenticate(b.key, "127.0.0.1")).ok, { timeout: 2_000 }).toBe(false);
  });

  it("allowed IPs: CIDR ranges, X-Forwarded-For only from a trusted proxy", async () => {
    const r = await reseller();
    await h.app.api.keys.patchSettings(r.id, { allowedIps: ["203.0.113.0/24", "2001:db8::/32"] });
    // The harness trusts 127.0.0.1 as a proxy: its X-Forwarded-For names the client.
    expect((await call(r.key, "GET", "/api/v1/me", undefined, { "X-Forwarded-For": "203.0.113.9" })).status).toBe(200);
    expect((await call(r.key, "GET", "/api/v1/me", undefined, { "X-Forwarded-For": "2001:db8::5" })).status).toBe(200);
    const outside = await call(r.key, "GET", "/api/v1/me", undefined, { "X-Forwarded-For": "198.51.100.1" });
    expect(outside.status).toBe(403);
    expect(((await outside.json()) as { type: string }).type).toBe("urn:reseller-api:problem:ip-not-allowed");
    expect((await call(r.key, "GET", "/api/v1/me")).status).toBe(403);
  });

  it("serves the OpenAPI 3.1 document without a key", async () => {
    const res = await fetch(`${h.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/me", "/api/v1/products", "/api/v1/orders", "/api/v1/orders/{id}"]),
    );
    expect(doc.components.schemas.OrderRequest).toMatchObject({ additionalProperties: false, required: ["ref_id", "product_id"] });
  });
});

describe.skipIf(!redisAvailable || !postgresAvailable)("the reseller API's rate limit", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase(), env: { API_RATE_PER_SECOND: "2" } });
  });
  afterAll(() => h?.close());

  it("takes a burst of twice the rate, then answers 429 with Retry-After", async () => {
    const u = await h.reseller(7900);
    const { key } = await h.app.api.keys.issue(u.id);
    // The window is 2 s with 4 requests (2/s, a burst of 4): 10 at once span at most two windows.
    const answers: Response[] = [];
    for (let i = 0; i < 10; i++) answers.push(await fetch(`${h.url}/api/v1/me`, { headers: { Authorization: `Bearer ${key}` } }));
    expect(answers.filter((a) => a.status === 200).length).toBeLessThanOrEqual(8);
    expect(answers[0]?.headers.get("RateLimit-Limit")).toBe("4");
    const refused = answers.find((a) => a.status === 429);
    expect(refused).toBeDefined();
    expect(Number(refused?.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(refused?.headers.get("RateLimit-Remaining")).toBe("0");
    expect(((await refused!.json()) as { type: string }).type).toBe("urn:reseller-api:problem:rate-limited");
  });
});
