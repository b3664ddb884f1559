/**
 * A fake xinstitute (document 000) for SANDBOX=true and the tests: Bearer key, GOLD plan,
 * products with stock, orders paid from the operator's MMK balance, account, the documented
 * error envelope and status codes, rate limiting, and signed shipment webhooks.
 */
import { Hono, type Context } from "hono";
import { FakeHarness, parseMaybeJson, type FailSpec, type FakeEnv, type LoggedRequest } from "./harness.js";
import { randomCode, randomSecret } from "./random.js";
import { listen } from "./serve.js";
import {
  DOCUMENTED_RETRY_DELAYS_MS,
  WebhookSender,
  type WebhookAttempt,
  type WebhookDelivery,
  type XinstituteEvent,
} from "./xinstitute-webhooks.js";

export type XinstituteEndpoint = "products" | "order" | "account";

export interface XinstituteSeedProduct {
  product_id: string;
  product_name: string;
  subscription_type: string;
  category: string;
  original_price: number;
  stock_count: number;
  in_stock?: boolean;
}

/** GOLD price = 25 % off, as the document says. */
const goldPrice = (original: number) => Math.round(original * 0.75 * 100) / 100;

export const XINSTITUTE_SEED: XinstituteSeedProduct[] = [
  {
    product_id: "SPOTIFY_1Y",
    product_name: "Spotify Premium 1 Year",
    subscription_type: "1 Year",
    category: "Music",
    original_price: 50000,
    stock_count: 100,
  },
  {
    product_id: "SPOTIFY_1M",
    product_name: "Spotify Premium 1 Month",
    subscription_type: "1 Month",
    category: "Music",
    original_price: 6000,
    stock_count: 200,
  },
  {
    product_id: "NETFLIX_1M",
    product_name: "Netflix Premium 1 Month",
    subscription_type: "1 Month",
    category: "Video",
    original_price: 20000,
    stock_count: 50,
  },
  // A float price (5999.25 after the discount), as the document types prices as float.
  {
    product_id: "YOUTUBE_1M",
    product_name: "YouTube Premium 1 Month",
    subscription_type: "1 Month",
    category: "Video",
    original_price: 7999,
    stock_count: 80,
  },
  {
    product_id: "CANVA_1Y",
    product_name: "Canva Pro 1 Year",
    subscription_type: "1 Year",
    category: "Design",
    original_price: 30000,
    stock_count: 40,
  },
  {
    product_id: "CHATGPT_1M",
    product_name: "ChatGPT Plus 1 Month",
    subscription_type: "1 Month",
    category: "AI",
    original_price: 90000,
    stock_count: 0,
    in_stock: false,
  },
];

export interface XinstituteFakeOptions {
  apiKey?: string;
  webhookSecret?: string;
  host?: string;
  port?: number;
  webhookUrl?: string;
  /** Operator balance in MMK (default 1,000,000). */
  balance?: number;
  products?: XinstituteSeedProduct[];
  /**
   * Server-side limit. The document says "60 per minute + 10 additional burst" without an
   * algorithm; the fake runs a token bucket holding `burst` tokens, refilled at `perMinute`
   * per `windowMs` (default 60 000). false: no limit.
   */
  rateLimit?: { perMinute: number; burst: number; windowMs?: number } | false;
  /** Webhook retry delays after attempt 1 (document: 60 s, then 120 s). */
  retryDelaysMs?: number[];
  /** Sandbox: ship every order after this long. */
  autoShip?: { afterMs: number };
}

export interface XinstituteFakeOrder {
  order_id: string;
  customer_email: string;
  items: Array<{ product_id: string; product_name: string; quantity: number; unit_price: number; subtotal: number }>;
  total_amount: number;
  status: "Processing" | "Shipped" | "Cancelled" | "Failed Delivery";
  created_at: string;
  tracking_info?: string;
}

export interface XinstituteControl {
  failNext(endpoint: XinstituteEndpoint, spec: FailSpec, times?: number): void;
  setLatency(endpoint: XinstituteEndpoint, ms: number): void;
  requests(endpoint?: XinstituteEndpoint): LoggedRequest[];
  setBalance(amount: number): void;
  balance(): number;
  setProductStatus(productId: string, change: { inStock?: boolean; stock?: number; originalPrice?: number }): void;
  setStock(productId: string, stock: number): void;
  /** Plan and account status the key check sees (403 unless Gold and active). */
  setAccount(change: { plan?: string; status?: string }): void;
  setWebhookUrl(url: string | undefined): void;
  orders(): XinstituteFakeOrder[];
  ship(orderId: string, info?: { trackingInfo?: string; shippingStatus?: string }): Promise<WebhookDelivery>;
  /** Cancels and refunds the operator balance (the document: "Balance auto-refunded"). */
  cancel(orderId: string): Promise<WebhookDelivery>;
  failDelivery(orderId: string): Promise<WebhookDelivery>;
  deliveries(): WebhookDelivery[];
  redeliver(deliveryIndex: number): Promise<WebhookAttempt>;
  reset(): void;
}

export interface XinstituteFake {
  url: string;
  apiKey: string;
  webhookSecret: string;
  control: XinstituteControl;
  close(): Promise<void>;
}

type Product = Required<XinstituteSeedProduct>;

export async function startXinstituteFake(opts: XinstituteFakeOptions = {}): Promise<XinstituteFake> {
  const apiKey = opts.apiKey ?? randomSecret().slice(0, 32);
  const webhookSecret = opts.webhookSecret ?? randomSecret();
  const harness = new FakeHarness<XinstituteEndpoint>();
  const sender = new WebhookSender(webhookSecret, opts.retryDelaysMs ?? DOCUMENTED_RETRY_DELAYS_MS);
  sender.url = opts.webhookUrl;
  const limit = opts.rateLimit === false ? undefined : { perMinute: 60, burst: 10, windowMs: 60_000, ...opts.rateLimit };
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const seed = () => new Map((opts.products ?? XINSTITUTE_SEED).map((p) => [p.product_id, { in_stock: p.stock_count > 0, ...p }]));
  let products: Map<string, Product> = seed();
  let balance = opts.balance ?? 1_000_000;
  let account = { plan: "Gold", status: "active" };
  let orders = new Map<string, XinstituteFakeOrder>();
  let bucket = { tokens: limit?.burst ?? 0, at: Date.now() };
  let lastUsed = new Date();

  const app = new Hono<FakeEnv>();
  app.use(
    "*",
    harness.middleware((path) => (["/products", "/order", "/account"].includes(path) ? (path.slice(1) as XinstituteEndpoint) : undefined)),
  );

  const routes: Record<string, { method: string; handle: (c: Context<FakeEnv>) => Response | Promise<Response> }> = {
    "/products": { method: "GET", handle: (c) => listProducts(c) },
    "/order": { method: "POST", handle: (c) => createOrder(c) },
    "/account": { method: "GET", handle: (c) => showAccount(c) },
  };

  app.all("*", async (c) => {
    const route = routes[c.req.path];
    if (!route) return error(c, 404, "Endpoint not found");
    if (c.req.method !== route.method) return error(c, 405, `Method not allowed. Use ${route.method}`);
    const auth = c.req.header("authorization");
    const key = /^Bearer\s+(\S+)$/.exec(auth ?? "")?.[1];
    if (!auth) return error(c, 401, "Missing API key");
    if (key !== apiKey) return error(c, 401, "Invalid or revoked API key");
    if (account.plan !== "Gold" || account.status !== "active") return error(c, 403, "API access requires an active GOLD plan account");
    const wait = takeToken();
    if (wait > 0) return error(c, 429, `Rate limit exceeded. Try again in ${Math.ceil(wait / 1000)} seconds.`);
    lastUsed = new Date();
    return route.handle(c);
  });

  /** Returns 0 when a token was taken, else ms until one is available. */
  function takeToken(): number {
    if (!limit) return 0;
    const now = Date.now();
    const perMs = limit.perMinute / limit.windowMs;
    bucket = { tokens: Math.min(limit.burst, bucket.tokens + (now - bucket.at) * perMs), at: now };
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, (1 - bucket.tokens) / perMs);
  }

  function listProducts(c: Context<FakeEnv>) {
    const list = [...products.values()].map((p) => ({
      product_id: p.product_id,
      product_name: p.product_name,
      subscription_type: p.subscription_type,
      category: p.category,
      original_price: p.original_price,
      discounted_price: goldPrice(p.original_price),
      currency: "MMK",
      stock_count: p.stock_count,
      in_stock: p.in_stock && p.stock_count > 0,
    }));
    return c.json({
      status: "success",
      code: 200,
      message: "Products fetched successfully",
      data: { count: list.length, products: list },
      timestamp: mmt(),
    });
  }

  async function createOrder(c: Context<FakeEnv>) {
    const body = parseMaybeJson(await c.req.text());
    if (!body || typeof body !== "object") return error(c, 400, "Invalid JSON body");
    const { customer_email: email, products: lines } = body as { customer_email?: unknown; products?: unknown };
    if (typeof email !== "string" || email === "") return error(c, 400, "Missing required field: customer_email");
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) return error(c, 400, "Invalid customer_email");
    if (!Array.isArray(lines) || lines.length === 0) return error(c, 400, "Missing required field: products");
    const items: XinstituteFakeOrder["items"] = [];
    /** The products the items take, to take their stock once the order is sure. */
    const taken: { product: Product; quantity: number }[] = [];
    for (const line of lines as Array<{ product_id?: unknown; quantity?: unknown }>) {
      if (typeof line?.product_id !== "string" || line.product_id === "")
        return error(c, 400, "Missing required field: products[].product_id");
      if (typeof line.quantity !== "number" || !Number.isInteger(line.quantity) || line.quantity < 1) {
        return error(c, 400, `Invalid quantity for ${line.product_id} (min: 1)`);
      }
      const p = products.get(line.product_id);
      if (!p) return error(c, 404, `Product not found: ${line.product_id}`);
      // The document does not give the out-of-stock answer; a 400 ("invalid data") is assumed.
      if (!p.in_stock || p.stock_count < line.quantity) return error(c, 400, `Insufficient stock for ${p.product_id}`);
      const unit = goldPrice(p.original_price);
      taken.push({ product: p, quantity: line.quantity });
      items.push({
        product_id: p.product_id,
        product_name: p.product_name,
        quantity: line.quantity,
        unit_price: unit,
        subtotal: round2(unit * line.quantity),
      });
    }
    const total = round2(items.reduce((s, i) => s + i.subtotal, 0));
    if (total > balance) {
      return error(c, 400, `Insufficient balance. Required: ${mmk(total)} MMK, Available: ${mmk(balance)} MMK`, {
        required_amount: total,
        current_balance: balance,
      });
    }
    const before = balance;
    balance = round2(balance - total);
    for (const { product: p, quantity } of taken) {
      p.stock_count -= quantity;
      if (p.stock_count <= 0) p.in_stock = false;
    }
    const order: XinstituteFakeOrder = {
      order_id: newOrderId(),
      customer_email: email,
      items,
      total_amount: total,
      status: "Processing",
      created_at: mmt(),
    };
    orders.set(order.order_id, order);
    if (opts.autoShip) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (orders.get(order.order_id)?.status === "Processing") void ship(order.order_id).catch(() => undefined);
      }, opts.autoShip.afterMs);
      timers.add(t);
    }
    return c.json(
      {
        status: "success",
        code: 201,
        message: "Order created successfully",
        data: { ...order, items: order.items, currency: "MMK", balance_before: before, balance_after: balance, status: order.status },
      },
      201,
    );
  }

  function showAccount(c: Context<FakeEnv>) {
    const expires = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    // The document shows recent_transactions as `[...]`: the fake's items are its own choice.
    const recent = [...orders.values()]
      .reverse()
      .slice(0, 10)
      .map((o) => ({
        order_id: o.order_id,
        type: "order",
        amount: o.total_amount,
        currency: "MMK",
        status: o.status,
        created_at: o.created_at,
      }));
    return c.json({
      status: "success",
      code: 200,
      data: {
        reseller: {
          id: 42,
          name: "Sandbox Reseller",
          email: "reseller@sandbox.invalid",
          plan: account.plan,
          status: account.status,
          exp_date: expires,
        },
        balance: { amount: balance, currency: "MMK" },
        api: {
          has_active_key: true,
          api_key_masked: `${apiKey.slice(0, 8)}...${apiKey.slice(-4)}`,
          last_used_at: mmt(lastUsed).slice(0, 19).replace("T", " "),
        },
        recent_transactions: recent,
      },
    });
  }

  function error(c: Context<FakeEnv>, status: number, message: string, data: unknown = null) {
    return c.json({ status: "error", code: status, message, data, timestamp: mmt() }, status as 400);
  }

  function newOrderId(): string {
    // Shaped like the document's XIREO123451746789012: five digits and the unix time.
    for (;;) {
      const id = `XIREO${randomCode(5, "0123456789")}${Math.floor(Date.now() / 1000)}`;
      if (!orders.has(id)) return id;
    }
  }

  function find(orderId: string): XinstituteFakeOrder {
    const o = orders.get(orderId);
    if (!o) throw new Error(`xinstitute fake: no order ${orderId}`);
    return o;
  }

  function webhook(event: XinstituteEvent, o: XinstituteFakeOrder, trackingInfo: string | null, shippingStatus: string) {
    return sender.send(event, o.order_id, {
      event,
      order_id: o.order_id,
      timestamp: mmt(),
      data: { tracking_info: trackingInfo, shipping_status: shippingStatus, customer_data: { email: o.customer_email } },
    });
  }

  function ship(orderId: string, info: { trackingInfo?: string; shippingStatus?: string } = {}) {
    const o = find(orderId);
    o.status = "Shipped";
    o.tracking_info = info.trackingInfo ?? `TRACK${randomCode(6, "0123456789")}`;
    return webhook("shipped", o, o.tracking_info, info.shippingStatus ?? "In Transit");
  }

  const control: XinstituteControl = {
    failNext: (e, spec, times) => harness.failNext(e, spec, times),
    setLatency: (e, ms) => harness.setLatency(e, ms),
    requests: (e) => harness.requests(e),
    setBalance: (amount) => void (balance = amount),
    balance: () => balance,
    setProductStatus(id, change) {
      const p = products.get(id);
      if (!p) throw new Error(`xinstitute fake: no product ${id}`);
      if (change.stock !== undefined) p.stock_count = change.stock;
      if (change.inStock !== undefined) p.in_stock = change.inStock;
      if (change.originalPrice !== undefined) p.original_price = change.originalPrice;
    },
    setStock: (id, stock) => control.setProductStatus(id, { stock, inStock: stock > 0 }),
    setAccount: (change) => void (account = { ...account, ...change }),
    setWebhookUrl: (url) => void (sender.url = url),
    orders: () => [...orders.values()].map((o) => ({ ...o, items: o.items.map((i) => ({ ...i })) })),
    ship,
    cancel(orderId) {
      const o = find(orderId);
      if (o.status !== "Cancelled") balance = round2(balance + o.total_amount);
      o.status = "Cancelled";
      return webhook("cancelled", o, null, "Cancelled");
    },
    failDelivery(orderId) {
      const o = find(orderId);
      o.status = "Failed Delivery";
      return webhook("failed_delivery", o, o.tracking_info ?? null, "Delivery Failed");
    },
    deliveries: () => sender.list(),
    redeliver: (i) => sender.redeliver(i),
    reset() {
      harness.reset();
      sender.clear();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      products = seed();
      balance = opts.balance ?? 1_000_000;
      account = { plan: "Gold", status: "active" };
      orders = new Map();
      bucket = { tokens: limit?.burst ?? 0, at: Date.now() };
    },
  };

  const server = await listen(app, { host: opts.host, port: opts.port });
  return {
    url: server.url,
    apiKey,
    webhookSecret,
    control,
    async close() {
      for (const t of timers) clearTimeout(t);
      sender.stop();
      harness.releaseHanging();
      await server.close();
    },
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** 60000 → "60,000.00", the document's format in the insufficient-balance message. */
function mmk(n: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The document's timestamps are Myanmar time: "2026-05-13T15:00:00+06:30". */
function mmt(d = new Date()): string {
  return `${new Date(d.getTime() + 6.5 * 3_600_000).toISOString().slice(0, 19)}+06:30`;
}
