/**
 * A fake gametopup (document 002) for SANDBOX=true and the tests: IP whitelist, Bearer key on
 * the product list, the SHA-256 hashes recomputed on order and status, X-API-Key and
 * X-Request-Time (5 minutes), the documented messages and codes, and the documented limits.
 *
 * The document gives no paths: the fake serves GET /products, POST /order, POST /status.
 * Error bodies are assumed to be `{ status: "error", message, code }` (the document gives none).
 */
import { Hono, type Context } from "hono";
import { createHash } from "node:crypto";
import { definedOnly } from "../providers/http.js";
import { FakeHarness, SlidingWindow, parseMaybeJson, type FailSpec, type FakeEnv, type LoggedRequest } from "./harness.js";
import { randomCode, randomSecret } from "./random.js";
import { listen } from "./serve.js";

export type GametopupEndpoint = "products" | "order" | "status";
export type TransactionStatus = "Success" | "Pending" | "Batal";

export interface GametopupSeedProduct {
  kode: string;
  kategori: string;
  produk: string;
  harga: number;
  catatan: string;
  status: "Aktif" | "NonAktif";
}

export const GAMETOPUP_SEED: GametopupSeedProduct[] = [
  {
    kode: "1",
    kategori: "Mobile Games",
    produk: "Mobile Legends 86 Diamonds",
    harga: 19800,
    catatan: "Masukkan User ID dan Zone ID",
    status: "Aktif",
  },
  {
    kode: "2",
    kategori: "Mobile Games",
    produk: "Mobile Legends 172 Diamonds",
    harga: 39000,
    catatan: "Masukkan User ID dan Zone ID",
    status: "Aktif",
  },
  {
    kode: "3",
    kategori: "Mobile Games",
    produk: "Free Fire 140 Diamonds",
    harga: 18000,
    catatan: "Cukup masukkan Player ID",
    status: "Aktif",
  },
  { kode: "4", kategori: "Mobile Games", produk: "PUBG Mobile 60 UC", harga: 14500, catatan: "Cukup masukkan Player ID", status: "Aktif" },
  {
    kode: "5",
    kategori: "PC & Console",
    produk: "Genshin Impact 60 Genesis Crystals",
    harga: 15000,
    catatan: "Zone: os_asia, os_usa, os_euro, os_cht",
    status: "Aktif",
  },
  {
    kode: "6",
    kategori: "Mobile Games",
    produk: "Honkai: Star Rail 60 Oneiric Shards",
    harga: 15500,
    catatan: "Sedang gangguan",
    status: "NonAktif",
  },
];

export interface RateLimitSetting {
  max: number;
  windowMs: number;
}

export interface GametopupFakeOptions {
  apiKey?: string;
  host?: string;
  port?: number;
  /** Operator balance (default Rp 5,000,000). */
  balance?: number;
  products?: GametopupSeedProduct[];
  /** Documented: products 20/min per IP, status 30/min per user, order 30/min per user and 100/min per IP. false: none. */
  rateLimits?: Partial<Record<"products" | "status" | "order" | "orderPerIp", RateLimitSetting>> | false;
  /** Sandbox: a Pending order becomes Success, with a nickname, after this long. */
  autoComplete?: { afterMs: number };
  /** Allowed skew of X-Request-Time (document: 5 minutes). */
  requestTimeToleranceMs?: number;
}

export interface FakeTransaction {
  order_id: string;
  ref_id: string;
  user_id: string;
  zone?: string;
  produk_id: string;
  produk: string;
  harga: number;
  status: TransactionStatus;
  keterangan: string;
  nickname?: string;
  created_at: number;
}

export interface GametopupControl {
  failNext(endpoint: GametopupEndpoint, spec: FailSpec, times?: number): void;
  setLatency(endpoint: GametopupEndpoint, ms: number): void;
  requests(endpoint?: GametopupEndpoint): LoggedRequest[];
  setBalance(amount: number): void;
  balance(): number;
  setProductStatus(kode: string, status: "Aktif" | "NonAktif"): void;
  setPrice(kode: string, harga: number): void;
  /** "not_whitelisted": 403 IP belum di whitelist; "mismatch": 403 IP address not authorized. */
  setIpStatus(status: "whitelisted" | "not_whitelisted" | "mismatch"): void;
  /** The next accepted order answers with this status at once (then back to Pending). */
  answerNextOrderWith(status: TransactionStatus, keterangan?: string): void;
  /** Batal refunds the fake's balance once. */
  setTransactionStatus(trxId: string, status: TransactionStatus, keterangan?: string, nickname?: string): void;
  transactions(): FakeTransaction[];
  reset(): void;
}

export interface GametopupFake {
  url: string;
  productsUrl: string;
  orderUrl: string;
  statusUrl: string;
  apiKey: string;
  control: GametopupControl;
  close(): Promise<void>;
}

// The document's formulas, computed here and not imported from the adapter: a fake that shared
// the adapter's code would accept whatever mistake the adapter made.
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
/** "hash = SHA256(api_key + ref_id + price)", the price as the product list gives it (an integer). */
const orderHash = (apiKey: string, refId: string, harga: number) => sha256(`${apiKey}${refId}${harga}`);
/** "hash = SHA256(api_key + transaction_id)". */
const statusHash = (apiKey: string, trxId: string) => sha256(`${apiKey}${trxId}`);

const DOCUMENTED_LIMITS = {
  products: { max: 20, windowMs: 60_000 },
  status: { max: 30, windowMs: 60_000 },
  order: { max: 30, windowMs: 60_000 },
  orderPerIp: { max: 100, windowMs: 60_000 },
};

export async function startGametopupFake(opts: GametopupFakeOptions = {}): Promise<GametopupFake> {
  const apiKey = opts.apiKey ?? randomSecret().slice(0, 40);
  const tolerance = opts.requestTimeToleranceMs ?? 5 * 60_000;
  const harness = new FakeHarness<GametopupEndpoint>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const limits = opts.rateLimits === false ? undefined : { ...DOCUMENTED_LIMITS, ...definedOnly(opts.rateLimits ?? {}) };
  const windows = () =>
    limits ? Object.fromEntries(Object.entries(limits).map(([k, v]) => [k, new SlidingWindow(v.max, v.windowMs)])) : {};

  const seed = () => new Map((opts.products ?? GAMETOPUP_SEED).map((p) => [p.kode, { ...p }]));
  let products = seed();
  let balance = opts.balance ?? 5_000_000;
  let nextAnswer: { status: TransactionStatus; keterangan?: string } | undefined;
  let ipStatus: "whitelisted" | "not_whitelisted" | "mismatch" = "whitelisted";
  let trx = new Map<string, FakeTransaction>();
  const refIds = new Set<string>();
  let limiter: Record<string, SlidingWindow> = windows();

  const app = new Hono<FakeEnv>();
  app.use(
    "*",
    harness.middleware((path) => (["/products", "/order", "/status"].includes(path) ? (path.slice(1) as GametopupEndpoint) : undefined)),
  );
  app.use("*", async (c, next) => {
    if (ipStatus === "not_whitelisted") return fail(c, 403, "IP belum di whitelist");
    if (ipStatus === "mismatch") return fail(c, 403, "IP address not authorized");
    return next();
  });

  app.get("/products", (c) => {
    if (limited("products")) return fail(c, 429, "Too many requests. Please try again later.");
    const key = bearer(c);
    if (key === undefined) return fail(c, 401, "Unauthorized");
    if (key !== apiKey) return fail(c, 401, "Invalid API key");
    return c.json({ status: "success", message: "Berhasil mendapatkan list product", code: 200, data: [...products.values()] });
  });

  app.post("/order", async (c) => {
    const hash = bearer(c);
    const key = c.req.header("x-api-key");
    const time = c.req.header("x-request-time");
    if (limited("orderPerIp")) return fail(c, 429, "Too many requests");
    if (hash === undefined || !key || !time) return fail(c, 401, "Unauthorized: Missing required headers");
    if (key !== apiKey) return fail(c, 401, "Invalid API key");
    if (limited("order")) return fail(c, 429, "Too many requests");
    if (!/^\d+$/.test(time.trim())) return fail(c, 400, "Invalid X-Request-Time format");
    if (Math.abs(Date.now() - Number(time) * 1000) > tolerance) return fail(c, 400, "Request expired");
    const body = parseMaybeJson(await c.req.text()) as Record<string, unknown> | undefined;
    const userId = text(body?.user_id);
    const zone = text(body?.zone);
    const produkId = text(body?.produk_id);
    const refId = text(body?.ref_id);
    // The document lists no error for missing parameters: a 400 is assumed.
    if (!userId || !produkId || !refId) return fail(c, 400, "Missing required parameters");
    const product = products.get(produkId);
    if (!product) return fail(c, 404, "Product not found");
    if (hash !== orderHash(apiKey, refId, product.harga)) return fail(c, 401, "Invalid hash combination");
    if (product.status !== "Aktif") return fail(c, 400, "Product is not available");
    // "ref_id must be unique for each order", but the document gives no answer for a reused
    // one: the fake refuses it with a 400.
    if (refIds.has(refId)) return fail(c, 400, "Duplicate ref_id");
    if (balance < product.harga) return fail(c, 400, "Saldo tidak cukup");
    balance -= product.harga;
    refIds.add(refId);
    const t: FakeTransaction = {
      order_id: newTrxId(),
      ref_id: refId,
      user_id: userId,
      zone,
      produk_id: product.kode,
      produk: product.produk,
      harga: product.harga,
      status: "Pending",
      keterangan: "Transaksi sedang diproses",
      created_at: Date.now(),
    };
    trx.set(t.order_id, t);
    if (nextAnswer) {
      setStatus(t.order_id, nextAnswer.status, nextAnswer.keterangan);
      nextAnswer = undefined;
    }
    if (opts.autoComplete) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (trx.get(t.order_id)?.status === "Pending") setStatus(t.order_id, "Success");
      }, opts.autoComplete.afterMs);
      timers.add(timer);
    }
    return c.json({
      status: "success",
      message: "Order created successfully",
      code: 200,
      data: { order_id: t.order_id, user_id: t.user_id, zone: t.zone ?? "", produk: t.produk, harga: t.harga, status: t.status },
    });
  });

  app.post("/status", async (c) => {
    const hash = bearer(c);
    if (hash === undefined) return fail(c, 401, "Unauthorized");
    if (limited("status")) return fail(c, 429, "Too many requests");
    const body = parseMaybeJson(await c.req.text()) as Record<string, unknown> | undefined;
    const trxId = text(body?.trx_id);
    if (!trxId) return fail(c, 400, "Transaction ID is required");
    if (hash !== statusHash(apiKey, trxId)) return fail(c, 401, "Invalid hash combination");
    const t = trx.get(trxId);
    if (!t) return fail(c, 404, "Transaction not found");
    return c.json({
      status: "success",
      message: "Berhasil mendapatkan status transaksi",
      code: 200,
      data: {
        order_id: t.order_id,
        user_id: t.user_id,
        produk: t.produk,
        harga: t.harga,
        status: t.status,
        keterangan: t.keterangan,
        zone: t.zone ?? "",
        nickname: t.nickname ?? "",
      },
    });
  });

  app.all("*", (c) => fail(c, 404, "Not Found"));

  function limited(name: string): boolean {
    const w = limiter[name];
    return w !== undefined && !w.hit().ok;
  }

  function fail(c: Context<FakeEnv>, code: number, message: string) {
    return c.json({ status: "error", message, code }, code as 400);
  }

  function newTrxId(): string {
    for (;;) {
      const id = `INV-${randomCode(9)}`;
      if (!trx.has(id)) return id;
    }
  }

  function setStatus(trxId: string, status: TransactionStatus, keterangan?: string, nickname?: string) {
    const t = trx.get(trxId);
    if (!t) throw new Error(`gametopup fake: no transaction ${trxId}`);
    // The document does not say a Batal order is refunded; the fake refunds it once.
    if (status === "Batal" && t.status !== "Batal") balance += t.harga;
    t.status = status;
    t.keterangan =
      keterangan ??
      (status === "Success" ? "Pembelian berhasil" : status === "Batal" ? "Transaksi dibatalkan" : "Transaksi sedang diproses");
    if (nickname !== undefined) t.nickname = nickname;
    else if (status === "Success" && !t.nickname) t.nickname = `Player${t.user_id.slice(-4)}`;
  }

  const control: GametopupControl = {
    failNext: (e, spec, times) => harness.failNext(e, spec, times),
    setLatency: (e, ms) => harness.setLatency(e, ms),
    requests: (e) => harness.requests(e),
    setBalance: (amount) => void (balance = amount),
    balance: () => balance,
    setProductStatus(kode, status) {
      const p = products.get(kode);
      if (!p) throw new Error(`gametopup fake: no product ${kode}`);
      p.status = status;
    },
    setPrice(kode, harga) {
      const p = products.get(kode);
      if (!p) throw new Error(`gametopup fake: no product ${kode}`);
      p.harga = harga;
    },
    setIpStatus: (s) => void (ipStatus = s),
    setTransactionStatus: setStatus,
    answerNextOrderWith: (status, keterangan) => void (nextAnswer = { status, keterangan }),
    transactions: () => [...trx.values()].map((t) => ({ ...t })),
    reset() {
      harness.reset();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      products = seed();
      balance = opts.balance ?? 5_000_000;
      nextAnswer = undefined;
      ipStatus = "whitelisted";
      trx = new Map();
      refIds.clear();
      limiter = windows();
    },
  };

  const server = await listen(app, { host: opts.host, port: opts.port });
  return {
    url: server.url,
    productsUrl: `${server.url}/products`,
    orderUrl: `${server.url}/order`,
    statusUrl: `${server.url}/status`,
    apiKey,
    control,
    async close() {
      for (const t of timers) clearTimeout(t);
      harness.releaseHanging();
      await server.close();
    },
  };
}

function bearer(c: Context<FakeEnv>): string | undefined {
  return /^Bearer\s+(\S+)$/.exec(c.req.header("authorization") ?? "")?.[1];
}

function text(v: unknown): string | undefined {
  if (typeof v === "number") return String(v);
  return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
}
