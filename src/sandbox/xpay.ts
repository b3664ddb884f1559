/**
 * A fake xpay (document 004) for SANDBOX=true and the tests: POST /client/authenticate exactly as
 * documented (its success and error envelopes, tokens that expire when the fake says), and bills
 * for wallet deposits that require `Authorization: Bearer <token>`.
 *
 * The document gives no Billing paths or shapes: the fake serves what the adapter assumes
 * (POST /bills, GET /bills/{id}, POST /bills/{id}/cancel, GET /bills?reference=&status=) in the
 * documented envelopes, written here from that description, not from the adapter's code.
 */
import { randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";
import { FakeHarness, parseMaybeJson, type FailSpec, type FakeEnv, type LoggedRequest } from "./harness.js";
import { randomCode, randomSecret } from "./random.js";
import { listen } from "./serve.js";
import { postHint, type HintPost } from "./xpay-hints.js";

export type XpayFakeEndpoint = "authenticate" | "bills" | "bill" | "bill_cancel";
export type XpayFakeBillStatus = "unpaid" | "paid" | "expired" | "cancelled";

export interface XpayFakeOptions {
  username?: string;
  secretKey?: string;
  host?: string;
  port?: number;
  /** The one currency bills are accepted in (default IDR, written without decimals). */
  currency?: string;
  /** How long an access token lives (default 1 hour). */
  tokenLifetimeMs?: number;
  /** How long an unpaid bill stays payable (default 24 hours). */
  billLifetimeMs?: number;
  /** Where hints are posted when no URL is given to postHint. */
  hintUrl?: string;
  /** Sandbox: every new bill is paid after this long (and a hint posted when a URL is set). */
  autoPay?: { afterMs: number };
}

export interface XpayFakeBill {
  id: string;
  reference: string;
  amount: number;
  currency: string;
  description?: string;
  status: XpayFakeBillStatus;
  payUrl: string;
  paymentInstructions: string;
  createdAt: number;
  expiresAt: number;
  paidAt: number | null;
}

export interface XpayControl {
  failNext(endpoint: XpayFakeEndpoint, spec: FailSpec, times?: number): void;
  setLatency(endpoint: XpayFakeEndpoint, ms: number): void;
  requests(endpoint?: XpayFakeEndpoint): LoggedRequest[];
  /** Lifetime of tokens issued from now on. */
  setTokenLifetime(ms: number): void;
  /** Successful authentications (tokens issued). */
  authentications(): number;
  /** Every token issued so far is refused from now on (401), as after a key rotation. */
  revokeTokens(): void;
  bills(): XpayFakeBill[];
  markPaid(id: string): XpayFakeBill;
  markExpired(id: string): XpayFakeBill;
  markCancelled(id: string): XpayFakeBill;
  setHintUrl(url: string | undefined): void;
  /** Posts a hint naming this bill, its state as it stands. */
  postHint(id: string, url?: string): Promise<HintPost>;
  /** Posts a hint that claims the bill is paid (and for ten times its amount) while it is not. */
  postForgedHint(id: string, url?: string): Promise<HintPost>;
  reset(): void;
}

export interface XpayFake {
  url: string;
  username: string;
  secretKey: string;
  currency: string;
  control: XpayControl;
  close(): Promise<void>;
}

/** Decimals a bill amount may carry; currencies people write without cents take none. */
const DECIMALS: Record<string, number> = { IDR: 0, MMK: 0, VND: 0, JPY: 0, KRW: 0 };

export async function startXpayFake(opts: XpayFakeOptions = {}): Promise<XpayFake> {
  const username = opts.username ?? "sandbox@xpay.invalid";
  const secretKey = opts.secretKey ?? randomSecret();
  const currency = opts.currency ?? "IDR";
  const harness = new FakeHarness<XpayFakeEndpoint>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let tokenLifetimeMs = opts.tokenLifetimeMs ?? 3_600_000;
  let tokens = new Map<string, { expiresAt: number; revoked: boolean }>();
  let issued = 0;
  let bills = new Map<string, XpayFakeBill>();
  let hintUrl = opts.hintUrl;

  const app = new Hono<FakeEnv>();
  app.use("*", harness.middleware(endpointOf));

  app.post("/client/authenticate", async (c) => {
    if (!(c.req.header("content-type") ?? "").toLowerCase().startsWith("application/json"))
      return failure(c, 400, "Content-Type must be application/json");
    const body = parseMaybeJson(await c.req.text());
    if (!body || typeof body !== "object" || Array.isArray(body)) return failure(c, 400, "invalid request body");
    const b = body as Record<string, unknown>;
    // The examples send isAPI as true and as "true"; without it there is no API token to give.
    if (b.isAPI !== true && b.isAPI !== "true") return failure(c, 400, "isAPI is required for API access");
    if (typeof b.username !== "string" || typeof b.secretKey !== "string") return failure(c, 400, "username and secretKey are required");
    // Assumption: the document shows the error body but no status; the fake answers 401 (tests
    // also send it inside a 200, which the document's example would read the same way).
    if (b.username !== username || b.secretKey !== secretKey) return failure(c, 401, "invalid credentials", { invalid: true });
    const token = `eyJ${randomCode(40, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")}`;
    const expiresAt = Date.now() + tokenLifetimeMs;
    tokens.set(token, { expiresAt, revoked: false });
    issued++;
    const data = {
      success: true,
      expiresAt,
      user: { username, scopes: ["tme_user"], isAPI: true },
      ticket: randomCode(32, "0123456789abcdef"),
      access_token: token,
    };
    return c.json({ success: { message: "Authenticated", data, uuid: randomUUID() } });
  });

  app.post("/bills", async (c) => {
    const denied = checkToken(c);
    if (denied) return denied;
    const body = parseMaybeJson(await c.req.text());
    if (!body || typeof body !== "object" || Array.isArray(body)) return failure(c, 400, "invalid request body");
    const { amount, currency: cur, reference, description } = body as Record<string, unknown>;
    if (typeof reference !== "string" || reference.trim() === "" || reference.length > 100)
      return failure(c, 400, "reference is required (1-100 characters)");
    if (cur !== currency) return failure(c, 400, `currency must be ${currency}`);
    const decimals = DECIMALS[currency] ?? 2;
    const scaled = typeof amount === "number" ? amount * 10 ** decimals : NaN;
    if (typeof amount !== "number" || !(amount > 0) || !(Math.abs(scaled - Math.round(scaled)) < 1e-6)) {
      return failure(c, 400, `amount must be a positive number with at most ${decimals} decimals`);
    }
    if (description !== undefined && typeof description !== "string") return failure(c, 400, "description must be a string");
    if ([...bills.values()].some((x) => x.reference === reference)) return failure(c, 409, "duplicate reference");
    const now = Date.now();
    const id = newBillId();
    const bill: XpayFakeBill = {
      id,
      reference,
      amount,
      currency,
      ...(description ? { description } : {}),
      status: "unpaid",
      payUrl: `https://pay.xpay-sandbox.invalid/bills/${id}`,
      paymentInstructions: `Sandbox: pay ${amount} ${currency} for bill ${id}; nothing is really charged.`,
      createdAt: now,
      expiresAt: now + (opts.billLifetimeMs ?? 86_400_000),
      paidAt: null,
    };
    bills.set(id, bill);
    if (opts.autoPay)
      schedule(opts.autoPay.afterMs, () => {
        if (current(id)?.status !== "unpaid") return;
        setStatus(id, "paid");
        if (hintUrl) void control.postHint(id).catch(() => undefined);
      });
    return c.json({ success: { message: "Bill created", data: bill }, uuid: randomUUID() }, 201);
  });

  app.get("/bills", (c) => {
    const denied = checkToken(c);
    if (denied) return denied;
    const reference = c.req.query("reference");
    const status = c.req.query("status");
    if (status !== undefined && !["unpaid", "paid", "expired", "cancelled"].includes(status)) return failure(c, 400, "unknown status");
    const list = [...bills.values()]
      .map(asItStands)
      .filter((x) => (reference === undefined || x.reference === reference) && (status === undefined || x.status === status));
    return c.json({ success: { message: "Bills", data: list }, uuid: randomUUID() });
  });

  app.get("/bills/:id", (c) => {
    const denied = checkToken(c);
    if (denied) return denied;
    const bill = current(c.req.param("id"));
    if (!bill) return failure(c, 404, "bill not found");
    return c.json({ success: { message: "Bill", data: bill }, uuid: randomUUID() });
  });

  app.post("/bills/:id/cancel", (c) => {
    const denied = checkToken(c);
    if (denied) return denied;
    const bill = current(c.req.param("id"));
    if (!bill) return failure(c, 404, "bill not found");
    if (bill.status !== "unpaid") return failure(c, 409, `bill is ${bill.status}`);
    return c.json({ success: { message: "Bill cancelled", data: setStatus(bill.id, "cancelled") }, uuid: randomUUID() });
  });

  app.all("*", (c) => failure(c, 404, "not found"));

  function endpointOf(path: string): XpayFakeEndpoint | undefined {
    if (path === "/client/authenticate") return "authenticate";
    if (path === "/bills") return "bills";
    if (/^\/bills\/[^/]+\/cancel$/.test(path)) return "bill_cancel";
    if (/^\/bills\/[^/]+$/.test(path)) return "bill";
    return undefined;
  }

  /** The documented error envelope. */
  function failure(c: Context<FakeEnv>, status: number, message: string, data?: unknown) {
    return c.json({ error: { message, ...(data === undefined ? {} : { data }), tag: randomUUID() }, uuid: randomUUID() }, status as 400);
  }

  function checkToken(c: Context<FakeEnv>): Response | undefined {
    const token = /^Bearer\s+(\S+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    if (!token) return failure(c, 401, "missing access token");
    const t = tokens.get(token);
    if (!t || t.revoked) return failure(c, 401, "invalid access token");
    if (t.expiresAt <= Date.now()) return failure(c, 401, "access token expired");
    return undefined;
  }

  /** The bill as it stands now: an unpaid bill past its time has expired. */
  function asItStands(bill: XpayFakeBill): XpayFakeBill {
    if (bill.status === "unpaid" && bill.expiresAt <= Date.now()) bill.status = "expired";
    return { ...bill };
  }

  function current(id: string): XpayFakeBill | undefined {
    const bill = bills.get(id);
    return bill && asItStands(bill);
  }

  function setStatus(id: string, status: XpayFakeBillStatus): XpayFakeBill {
    const bill = bills.get(id);
    if (!bill) throw new Error(`xpay fake: no bill ${id}`);
    bill.status = status;
    bill.paidAt = status === "paid" ? Date.now() : bill.paidAt;
    if (status === "expired") bill.expiresAt = Math.min(bill.expiresAt, Date.now());
    return { ...bill };
  }

  function newBillId(): string {
    for (;;) {
      const id = `BILL-${randomCode(12)}`;
      if (!bills.has(id)) return id;
    }
  }

  function schedule(ms: number, fn: () => void) {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  function hintTarget(url: string | undefined): string {
    const target = url ?? hintUrl;
    if (!target) throw new Error("xpay fake: no hint URL");
    return target;
  }

  const control: XpayControl = {
    failNext: (e, spec, times) => harness.failNext(e, spec, times),
    setLatency: (e, ms) => harness.setLatency(e, ms),
    requests: (e) => harness.requests(e),
    setTokenLifetime: (ms) => void (tokenLifetimeMs = ms),
    authentications: () => issued,
    revokeTokens() {
      for (const t of tokens.values()) t.revoked = true;
    },
    bills: () => [...bills.values()].map(asItStands),
    markPaid: (id) => setStatus(id, "paid"),
    markExpired: (id) => setStatus(id, "expired"),
    markCancelled: (id) => setStatus(id, "cancelled"),
    setHintUrl: (url) => void (hintUrl = url),
    postHint(id, url) {
      const bill = current(id);
      if (!bill) throw new Error(`xpay fake: no bill ${id}`);
      return postHint(hintTarget(url), {
        event: `bill.${bill.status}`,
        data: { billId: bill.id, reference: bill.reference, status: bill.status, amount: bill.amount, currency: bill.currency },
      });
    },
    postForgedHint(id, url) {
      const bill = current(id);
      if (!bill) throw new Error(`xpay fake: no bill ${id}`);
      return postHint(hintTarget(url), {
        event: "bill.paid",
        data: { billId: bill.id, reference: bill.reference, status: "paid", amount: bill.amount * 10, currency: bill.currency },
      });
    },
    reset() {
      harness.reset();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      tokenLifetimeMs = opts.tokenLifetimeMs ?? 3_600_000;
      tokens = new Map();
      issued = 0;
      bills = new Map();
      hintUrl = opts.hintUrl;
    },
  };

  const server = await listen(app, { host: opts.host, port: opts.port });
  return {
    url: server.url,
    username,
    secretKey,
    currency,
    control,
    async close() {
      for (const t of timers) clearTimeout(t);
      harness.releaseHanging();
      await server.close();
    },
  };
}
