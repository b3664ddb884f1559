/**
 * A fake vifox (document 003) for SANDBOX=true and the tests: the five signed POST endpoints,
 * with the signature recomputed here over the raw bytes received, the timestamp window, the
 * partner key, X-TRANSACTION-ID (format, reuse: 410), users with points and history, the
 * liquidity pool, per-user statuses, and the document's status codes and bodies.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { Hono, type Context } from "hono";
import { FakeHarness, SlidingWindow, type FailSpec, type FakeEnv, type LoggedRequest } from "./harness.js";
import { randomCode, randomSecret } from "./random.js";
import { listen } from "./serve.js";

export type VifoxEndpoint = "users" | "points" | "user-points" | "user-info" | "remaining-liquidity-pool";

const PREFIX = "/api/v1/partners/";
const ENDPOINTS = new Set<string>(["users", "points", "user-points", "user-info", "remaining-liquidity-pool"]);
const WRITES = new Set<string>(["users", "points"]);

export interface VifoxSeedUser {
  email: string;
  points?: number;
  firstName?: string;
  lastName?: string;
  kyc?: boolean;
  /** Referred by this user (its e-mail). */
  parentEmail?: string;
  /** false: a user of another partner (user-info answers 404 "User not found"). Default true. */
  ours?: boolean;
}

export interface VifoxFakeOptions {
  apiKey?: string;
  apiSecret?: string;
  partnerName?: string;
  host?: string;
  port?: number;
  /** Points the partner can still award (default 100,000). */
  pool?: number;
  /** What the pool endpoint reports as `rate` (default 0.2, the document's example). */
  rate?: number;
  /**
   * Assumption: the document says "Request expired" but gives no window; the fake accepts
   * X-TIMESTAMP within 300 s either side of its clock.
   */
  timestampToleranceSec?: number;
  /** Assumption: the most points one user may hold; the document names the limit but not its value. */
  userPointLimit?: number;
  /** "Reached the limit of request" (405) past this; the document gives no numbers, so none by default. */
  rateLimit?: { max: number; windowMs: number } | false;
  users?: VifoxSeedUser[];
}

export interface VifoxHistoryRow {
  id: number;
  user_id: number;
  point: number;
  reason: "partner" | "user_partner";
  type: "web_service";
  description: string | null;
  external_transaction_id: string | number | null;
  item_id: number;
  active: true;
  created_by: 0;
  created_at: string;
  updated_at: string;
  deleted_at: null;
}

export interface VifoxFakeUser {
  id: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  points: number;
  kyc: boolean;
  referralCode: string;
  parentEmail?: string;
  ours: boolean;
  /** Newest first, both sides of each movement (as the document's history example). */
  history: VifoxHistoryRow[];
}

export interface VifoxControl {
  failNext(endpoint: VifoxEndpoint, spec: FailSpec, times?: number): void;
  /** Carry the next call out for real, then drop the connection: the answer is lost. */
  dropNextResponse(endpoint: VifoxEndpoint): void;
  setLatency(endpoint: VifoxEndpoint, ms: number): void;
  requests(endpoint?: VifoxEndpoint): LoggedRequest[];
  setPool(points: number): void;
  pool(): number;
  setUserPointLimit(points: number): void;
  addUser(user: VifoxSeedUser): void;
  setUserPoints(email: string, points: number): void;
  user(email: string): VifoxFakeUser | undefined;
  /** Per-user point movements carried out (status 200 entries of /points). */
  awardsApplied(): number;
  usedTransactionIds(): string[];
  reset(): void;
}

export interface VifoxFake {
  url: string;
  apiKey: string;
  apiSecret: string;
  partnerName: string;
  control: VifoxControl;
  close(): Promise<void>;
}

type Answer = { status: number; body: unknown };

/** The partner's own side of every movement (its user id and item id, as in the document). */
const PARTNER_USER_ID = 90008;
const PARTNER_ITEM_ID = 15;

export async function startVifoxFake(opts: VifoxFakeOptions = {}): Promise<VifoxFake> {
  const apiKey = opts.apiKey ?? randomSecret().slice(0, 32);
  const apiSecret = opts.apiSecret ?? randomSecret();
  const partnerName = opts.partnerName ?? "sandbox";
  const toleranceSec = opts.timestampToleranceSec ?? 300;
  const harness = new FakeHarness<VifoxEndpoint>();
  const rawBodies = new WeakMap<Request, Uint8Array>();
  const newWindow = () => (opts.rateLimit ? new SlidingWindow(opts.rateLimit.max, opts.rateLimit.windowMs) : undefined);

  let pool = opts.pool ?? 100_000;
  let userPointLimit = opts.userPointLimit ?? 1_000_000;
  let users = new Map<string, VifoxFakeUser>();
  let usedIds = new Set<string>();
  let awards = 0;
  let nextUserId = 90_020;
  let nextHistoryId = 100;
  let window = newWindow();

  const seed = () => {
    pool = opts.pool ?? 100_000;
    userPointLimit = opts.userPointLimit ?? 1_000_000;
    users = new Map();
    usedIds = new Set();
    awards = 0;
    window = newWindow();
    for (const u of opts.users ?? []) addUser(u);
  };

  function addUser(u: VifoxSeedUser): VifoxFakeUser {
    const user: VifoxFakeUser = {
      id: nextUserId++,
      email: u.email,
      firstName: u.firstName ?? null,
      lastName: u.lastName ?? null,
      points: u.points ?? 0,
      kyc: u.kyc ?? false,
      referralCode: randomCode(8, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"),
      parentEmail: u.parentEmail,
      ours: u.ours ?? true,
      history: [],
    };
    users.set(key(u.email), user);
    return user;
  }

  const app = new Hono<FakeEnv>();
  // The exact bytes received, before anything decodes them: the signature covers these.
  app.use("*", async (c, next) => {
    rawBodies.set(c.req.raw, new Uint8Array(await c.req.arrayBuffer()));
    await next();
  });
  app.use(
    "*",
    harness.middleware((path) =>
      path.startsWith(PREFIX) && ENDPOINTS.has(path.slice(PREFIX.length)) ? (path.slice(PREFIX.length) as VifoxEndpoint) : undefined,
    ),
  );

  app.all("*", (c) => {
    const endpoint = c.req.path.startsWith(PREFIX) ? c.req.path.slice(PREFIX.length) : "";
    if (!ENDPOINTS.has(endpoint)) return reply(c, { status: 404, body: { message: "Not Found" } });
    if (c.req.method !== "POST")
      return reply(c, {
        status: 405,
        body: { message: `The ${c.req.method} method is not supported for this route. Supported methods: POST.` },
      });
    const write = WRITES.has(endpoint);
    const raw = rawBodies.get(c.req.raw) ?? new Uint8Array();
    const refused = authenticate(c, write, raw);
    if (refused) return reply(c, refused);
    if (window && !window.hit().ok) return reply(c, { status: 405, body: { message: "Reached the limit of request" } });
    const txId = c.req.header("x-transaction-id");
    if (write) {
      // Assumption: the document gives no answer for an id of the wrong shape or another
      // partner's name; the fake treats it as missing (409).
      if (!txId || !new RegExp(`^${escapeRegExp(partnerName)}_\\d{10}$`).test(txId))
        return reply(c, { status: 409, body: { message: "Missing X-TRANSACTION-ID header" } });
      if (usedIds.has(txId)) return reply(c, { status: 410, body: { message: "Duplicate transaction ID" } });
    }
    const body = parseBody(raw);
    const answer = handle(endpoint as VifoxEndpoint, body);
    // Assumption: "once used successfully" means accepted with HTTP 200, whatever the per-user
    // verdicts inside; a refused request (auth, limit, validation, 5xx) leaves the id unused.
    if (write && txId && answer.status === 200) usedIds.add(txId);
    return reply(c, answer);
  });

  /** Missing headers, partner key, timestamp window, signature: the document's 405–408. */
  function authenticate(c: Context<FakeEnv>, write: boolean, raw: Uint8Array): Answer | undefined {
    // The reads list only 405 for every auth failure; the writes give each its own status.
    // Assumption: a read missing its headers is answered 405 too (its list has no 408).
    const refuse = (writeStatus: number, message: string): Answer => ({ status: write ? writeStatus : 405, body: { message } });
    const key = c.req.header("x-api-key");
    const timestamp = c.req.header("x-timestamp");
    const signature = c.req.header("x-signature");
    if (!key || !timestamp || !signature) return refuse(408, "Missing authentication headers");
    if (!safeEqual(key, apiKey)) return refuse(406, "Invalid partner");
    const sent = /^\d{1,12}$/.test(timestamp) ? Number(timestamp) : NaN;
    if (!(Math.abs(Date.now() / 1000 - sent) <= toleranceSec)) return refuse(407, "Request expired");
    // METHOD + PATH + TIMESTAMP + BODY, the body as the bytes that arrived ("" when none, on
    // every endpoint: see the adapter's assumption on user-points).
    const expected = createHmac("sha256", apiSecret).update(`${c.req.method}${c.req.path}${timestamp}`, "utf8").update(raw).digest();
    const given = /^[0-9a-f]{64}$/.test(signature) ? Buffer.from(signature, "hex") : Buffer.alloc(0);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse(405, "Invalid signature");
    return undefined;
  }

  function handle(endpoint: VifoxEndpoint, body: unknown): Answer {
    switch (endpoint) {
      case "users":
        return createUsers(body);
      case "points":
        return addPoints(body);
      case "user-points":
        return userPoints(body);
      case "user-info":
        return userInfo(body);
      case "remaining-liquidity-pool":
        return { status: 200, body: { status: 200, data: { liquidity_pool: String(pool), rate: opts.rate ?? 0.2 } } };
    }
  }

  function createUsers(body: unknown): Answer {
    const list = field(body, "users");
    if (!Array.isArray(list) || list.length === 0) return invalid("users", "The users field is required.");
    const entries: Array<Record<string, unknown>> = [];
    for (const [i, item] of list.entries()) {
      const email = field(item, "email");
      if (typeof email !== "string" || email === "") return invalid(`users.${i}.email`, `The users.${i}.email field is required.`);
      if (!isEmail(email)) return invalid(`users.${i}.email`, `The users.${i}.email field must be a valid email address.`);
      entries.push(item as Record<string, unknown>);
    }
    const oldUsers: string[] = [];
    for (const u of entries) {
      const email = u.email as string;
      const existing = users.get(key(email));
      if (existing) {
        oldUsers.push(email);
        existing.ours = true;
        continue;
      }
      const parent = typeof u.referral_code === "string" ? [...users.values()].find((p) => p.referralCode === u.referral_code) : undefined;
      addUser({ email, firstName: text(u.first_name), lastName: text(u.last_name), parentEmail: parent?.email });
    }
    return { status: 200, body: { status: 200, data: { message: "Users have been created", oldUsers } } };
  }

  function addPoints(body: unknown): Answer {
    const list = field(body, "users");
    if (!Array.isArray(list) || list.length === 0) return invalid("users", "The users field is required.");
    for (const [i, item] of list.entries()) {
      const email = field(item, "email");
      const point = field(item, "point");
      if (typeof email !== "string" || email === "") return invalid(`users.${i}.email`, `The users.${i}.email field is required.`);
      if (typeof point !== "number" || !Number.isSafeInteger(point))
        return invalid(`users.${i}.point`, `The users.${i}.point field must be an integer.`);
      // Assumption: an award of 0 points is refused as invalid (the document does not say).
      if (point === 0) return invalid(`users.${i}.point`, `The users.${i}.point field must not be zero.`);
    }
    const data = (list as Array<Record<string, unknown>>).map((item) => {
      const email = item.email as string;
      const point = item.point as number;
      const ext =
        typeof item.external_transaction_id === "string" || typeof item.external_transaction_id === "number"
          ? item.external_transaction_id
          : null;
      const verdict = (status: number, message: string) => ({ status, email, external_transaction_id: ext, message });
      const user = users.get(key(email));
      if (!user) return verdict(404, "Not registered user");
      if (point > 0 && pool < point) return verdict(403, "Insufficient liquidity pool");
      if (point > 0 && user.points + point > userPointLimit) return verdict(429, "Reached the limit of user's point");
      if (point < 0 && user.points < -point) return verdict(403, "Insufficient user's point");
      pool -= point;
      user.points += point;
      awards++;
      record(user, point, text(item.description) ?? partnerName, ext);
      return verdict(200, "success");
    });
    return { status: 200, body: { status: 200, data } };
  }

  function record(user: VifoxFakeUser, point: number, description: string, ext: string | number | null) {
    const at = laravelTime();
    const row = {
      type: "web_service" as const,
      external_transaction_id: ext,
      active: true as const,
      created_by: 0 as const,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    };
    user.history.unshift(
      { id: nextHistoryId++, user_id: user.id, point, reason: "partner", description, item_id: PARTNER_ITEM_ID, ...row },
      { id: nextHistoryId++, user_id: PARTNER_USER_ID, point: -point, reason: "user_partner", description: null, item_id: user.id, ...row },
    );
  }

  function userPoints(body: unknown): Answer {
    if (body === MALFORMED) return invalid("users", "The users field must be an array.");
    const asked = field(body, "users");
    const option = field(body, "option");
    if (asked !== undefined && (!Array.isArray(asked) || asked.some((e) => typeof e !== "string")))
      return invalid("users", "The users field must be an array.");
    const withHistory = option === "history";
    const row = (u: VifoxFakeUser) => ({
      status: 200,
      point: String(u.points),
      email: u.email,
      message: "Valid User",
      history: withHistory ? u.history.map((h) => ({ ...h })) : [],
    });
    // Assumption: an empty `users` array is read as no filter, like an absent one.
    if (Array.isArray(asked) && asked.length > 0) {
      const data = (asked as string[]).map((email) => {
        const u = users.get(key(email));
        return u ? row(u) : { status: 404, point: null, email, message: "Invalid User", history: [] };
      });
      return { status: 200, body: { status: 200, data } };
    }
    const ours = [...users.values()].filter((u) => u.ours);
    if (ours.length === 0) return { status: 404, body: { status: 404, data: { status: 404, message: "No data" } } };
    return { status: 200, body: { status: 200, data: ours.map(row) } };
  }

  /**
   * Assumption: the document shows both a 422 "The selected email is invalid." and a 404 "User
   * not found" without saying which is which; the fake answers 422 for an e-mail unknown to
   * vifox or malformed (Laravel's `exists` rule), and 404 for a user of another partner.
   */
  function userInfo(body: unknown): Answer {
    const email = field(body, "email");
    if (typeof email !== "string" || email === "") return invalid("email", "The email field is required.");
    const u = users.get(key(email));
    if (!u || !isEmail(email)) return invalid("email", "The selected email is invalid.");
    if (!u.ours) return { status: 404, body: { status: 404, data: { message: "User not found" } } };
    const p = u.parentEmail ? users.get(key(u.parentEmail)) : undefined;
    const parent = p ? { first_name: p.firstName, last_name: p.lastName, email: p.email, referral_code: p.referralCode } : null;
    return {
      status: 200,
      body: {
        status: 200,
        data: { first_name: u.firstName, last_name: u.lastName, email: u.email, point: String(u.points), kyc_status: u.kyc, parent },
      },
    };
  }

  function reply(c: Context<FakeEnv>, a: Answer) {
    return c.json(a.body, a.status as 200);
  }

  seed();
  const control: VifoxControl = {
    failNext: (e, spec, times) => harness.failNext(e, spec, times),
    dropNextResponse: (e) => harness.failNext(e, { afterProcessing: "reset" }),
    setLatency: (e, ms) => harness.setLatency(e, ms),
    requests: (e) => harness.requests(e),
    setPool: (points) => void (pool = points),
    pool: () => pool,
    setUserPointLimit: (points) => void (userPointLimit = points),
    addUser: (u) => void addUser(u),
    setUserPoints(email, points) {
      const u = users.get(key(email));
      if (!u) throw new Error(`vifox fake: no user ${email}`);
      u.points = points;
    },
    user(email) {
      const u = users.get(key(email));
      return u ? { ...u, history: u.history.map((h) => ({ ...h })) } : undefined;
    },
    awardsApplied: () => awards,
    usedTransactionIds: () => [...usedIds],
    reset() {
      harness.reset();
      seed();
    },
  };

  const server = await listen(app, { host: opts.host, port: opts.port });
  return {
    url: server.url,
    apiKey,
    apiSecret,
    partnerName,
    control,
    async close() {
      harness.releaseHanging();
      await server.close();
    },
  };
}

const MALFORMED = Symbol("malformed");

/** The body as JSON; undefined when empty, MALFORMED when not JSON. */
function parseBody(raw: Uint8Array): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw));
  } catch {
    return MALFORMED;
  }
}

function field(obj: unknown, name: string): unknown {
  return obj && typeof obj === "object" ? (obj as Record<string, unknown>)[name] : undefined;
}

function text(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/**
 * Laravel's validation answer. Assumption: the writes and user-points answer a malformed body
 * with it too (the document shows 422 only on user-info).
 */
function invalid(name: string, message: string): Answer {
  return { status: 422, body: { message, errors: { [name]: [message] } } };
}

/** Assumption: vifox matches e-mails case-insensitively (the document does not say). */
function key(email: string): string {
  return email.trim().toLowerCase();
}

function isEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** "2025-10-03T06:02:55.000000Z", the document's timestamps. */
function laravelTime(d = new Date()): string {
  return d.toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}
