import { createHash } from "node:crypto";
import { MAX_QUANTITY, parseEmail, parsePlayerId, parseZone } from "./order-input.js";
import type { Product, ProviderId } from "../providers/types.js";
import type { ApiRecords, OrderRecord, Orders } from "../store/types.js";
import type { Catalog, PricedProduct } from "./catalog.js";
import type { Drafts } from "./drafts.js";
import { newOrderId } from "./ids.js";
import type { OrderService } from "./orders.js";
import { productKey } from "./price-book.js";
import type { PromoService } from "./promos.js";
import { quote, type QuoteDeps } from "./quote.js";
import type { Tier } from "./tiers.js";

/**
 * An API order is an order (SPEC §8): the same quote (tier price), the same confirm() as the
 * chat's Confirm (maintenance, status, debit, placement job). What is its own: the ref_id claim
 * in PostgreSQL that makes a request idempotent, and the checks of a body nobody typed in chat.
 */

/** The body of POST /api/v1/orders, after the schema (server/api/schemas.ts). */
export interface ApiOrderInput {
  ref_id: string;
  product_id: string;
  player_id?: string;
  zone?: string;
  email?: string;
  quantity?: number;
  /** A promo code (SPEC §7): one that does not apply is refused with the reason, and nothing is charged. */
  promo_code?: string;
}

/** A field the product refused, with a stable code (the problem's `errors[]`). */
export interface FieldError {
  field: string;
  code: "required" | "invalid" | "not_applicable" | "not_found" | "out_of_range";
  /** With promo_code: why the code does not apply (unknown, off, expired, used_up, per_reseller, min, product, currency, no_saving). */
  reason?: string;
}

export type ApiPlaceOutcome =
  | { kind: "created" | "replayed"; order: OrderRecord; refId: string; balance: number }
  | { kind: "conflict"; orderId: string }
  | { kind: "insufficient"; order: OrderRecord; balance: number }
  | { kind: "unavailable"; reason: "maintenance" | "paused" | "provider_off" | "out_of_stock" }
  | { kind: "forbidden" }
  | { kind: "invalid"; errors: FieldError[] };

/** The product id in the API: provider and the provider's own product id, as the price book keys it. */
export const apiProductId = (p: Pick<Product, "provider" | "sku">) => productKey(p.provider, p.sku);

function splitProductId(id: string): { provider: ProviderId; sku: string } | undefined {
  const at = id.indexOf(":");
  // An unknown provider simply finds no product.
  return at > 0 && at < id.length - 1 ? { provider: id.slice(0, at) as ProviderId, sku: id.slice(at + 1) } : undefined;
}

/** What a product needs in the order body. */
export function needs(input: Product["input"]): { required: string[]; optional: string[] } {
  if (input.kind === "email") return { required: ["email"], optional: ["quantity"] };
  if (input.zone === "required") return { required: ["player_id", "zone"], optional: [] };
  if (input.zone === "optional") return { required: ["player_id"], optional: ["zone"] };
  return { required: ["player_id"], optional: [] };
}

/** The body's fields against what the product takes; the cleaned values, or every field at fault. */
export function checkInput(product: Product, body: ApiOrderInput) {
  const errors: FieldError[] = [];
  const clean: { playerId?: string; zone?: string; email?: string; quantity: number } = { quantity: 1 };
  if (product.input.kind === "email") {
    for (const f of ["player_id", "zone"] as const) if (body[f] !== undefined) errors.push({ field: f, code: "not_applicable" });
    if (body.email === undefined) errors.push({ field: "email", code: "required" });
    else {
      clean.email = parseEmail(body.email);
      if (!clean.email) errors.push({ field: "email", code: "invalid" });
    }
    if (body.quantity !== undefined) {
      if (body.quantity < 1 || body.quantity > MAX_QUANTITY) errors.push({ field: "quantity", code: "out_of_range" });
      else clean.quantity = body.quantity;
    }
    return { errors, clean };
  }
  if (body.email !== undefined) errors.push({ field: "email", code: "not_applicable" });
  if (body.quantity !== undefined && body.quantity !== 1) errors.push({ field: "quantity", code: "out_of_range" });
  if (body.player_id === undefined) errors.push({ field: "player_id", code: "required" });
  else {
    clean.playerId = parsePlayerId(body.player_id);
    if (!clean.playerId) errors.push({ field: "player_id", code: "invalid" });
  }
  if (product.input.zone === "none") {
    if (body.zone !== undefined) errors.push({ field: "zone", code: "not_applicable" });
  } else if (body.zone === undefined) {
    if (product.input.zone === "required") errors.push({ field: "zone", code: "required" });
  } else {
    clean.zone = parseZone(body.zone);
    if (!clean.zone) errors.push({ field: "zone", code: "invalid" });
  }
  return { errors, clean };
}

/** The body's fingerprint: its fields sorted, the defaults filled in, so key order and `quantity: 1` do not matter. */
export function bodyHash(body: ApiOrderInput): string {
  const canonical = {
    email: body.email ?? null,
    player_id: body.player_id ?? null,
    product_id: body.product_id,
    quantity: body.quantity ?? 1,
    ref_id: body.ref_id,
    zone: body.zone ?? null,
    // Only when given, so the hashes of bodies without a code are what they always were.
    ...(body.promo_code !== undefined && { promo_code: body.promo_code }),
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("hex");
}

/** An order as the API shows it (answers and callbacks). Amounts are the wallet's integers. */
export function apiOrderView(order: OrderRecord, refId: string | undefined) {
  return {
    id: order.id,
    ref_id: refId ?? null,
    status: order.state,
    product_id: apiProductId(order),
    product_name: order.productName,
    player_id: order.playerId ?? null,
    zone: order.zone ?? null,
    email: order.email ?? null,
    quantity: order.quantity,
    price: order.price.amount,
    currency: order.price.currency,
    failure: order.failure ?? null,
    created_at: new Date(order.createdAt).toISOString(),
    updated_at: new Date(order.updatedAt).toISOString(),
    history: order.history.map((e) => ({ at: new Date(e.at).toISOString(), status: e.state })),
  };
}

export type ApiOrderView = ReturnType<typeof apiOrderView>;

/** A product as the API lists it, at the reseller's price. */
export function apiProductView(p: PricedProduct) {
  return {
    id: apiProductId(p),
    name: p.name,
    provider: p.provider,
    category: p.category,
    price: p.price.amount,
    currency: p.price.currency,
    needs: needs(p.input),
    available: p.inStock && !p.paused,
  };
}

/** How long GET /products answers from one pricing of the catalogue. */
export const PRODUCTS_CACHE_MS = 1_000;

export interface ApiOrdersDeps extends Omit<QuoteDeps, "drafts"> {
  drafts: QuoteDeps["drafts"] & Pick<Drafts, "discard">;
  api: ApiRecords;
  orders: Pick<Orders, "get">;
  orderService: Pick<OrderService, "confirm">;
  promos: Pick<PromoService, "applyToDraft">;
  catalog: QuoteDeps["catalog"] & Pick<Catalog, "product" | "priced">;
}

export function createApiOrders(deps: ApiOrdersDeps) {
  const { api } = deps;

  const balanceIn = async (userId: number, currency: string) => (await deps.wallets.balances(userId))[currency] ?? 0;

  /** An order already made for this ref_id, answered as it was: a short balance stays a 402. */
  async function replay(order: OrderRecord, refId: string): Promise<ApiPlaceOutcome> {
    const balance = await balanceIn(order.userId, order.price.currency);
    if (order.state === "failed" && order.failure === "insufficient_funds") return { kind: "insufficient", order, balance };
    // Its code was refused at the debit: the same 422 again, never a 200 for an order nobody paid.
    if (order.state === "failed" && order.failure?.startsWith("promo_"))
      return { kind: "invalid", errors: [{ field: "promo_code", code: "not_applicable", reason: order.failure.slice("promo_".length) }] };
    return { kind: "replayed", order, refId, balance };
  }

  async function place(resellerId: number, body: ApiOrderInput): Promise<ApiPlaceOutcome> {
    const id = splitProductId(body.product_id);
    const product = id && (await deps.catalog.product(id.provider, id.sku));
    if (!product) return { kind: "invalid", errors: [{ field: "product_id", code: "not_found" }] };
    const { errors, clean } = checkInput(product, body);
    if (errors.length > 0) return { kind: "invalid", errors };

    // PostgreSQL's unique (reseller_id, ref_id) decides which order id this ref_id means, across
    // every process; all requests with it then confirm that one order, whose create is the claim.
    const orderId = newOrderId();
    const held = await api.claimRef({ resellerId, refId: body.ref_id, orderId, bodyHash: bodyHash(body), createdAt: Date.now() });
    if (held.bodyHash !== bodyHash(body)) return { kind: "conflict", orderId: held.orderId };
    // Someone else's claim: their order may exist already. Ours is new: no order can have its id yet.
    if (held.orderId !== orderId) {
      const existing = await deps.orders.get(held.orderId);
      if (existing) return replay(existing, body.ref_id);
    }

    // A paused product is refused by confirm() itself (as the chat's Confirm is).
    if (!product.inStock) return { kind: "unavailable", reason: "out_of_stock" };
    const { draft } = await quote(deps, resellerId, product, clean, held.orderId);
    if (body.promo_code !== undefined) {
      const applied = await deps.promos.applyToDraft(draft.id, resellerId, body.promo_code);
      if (!applied.ok) {
        await deps.drafts.discard(draft.id);
        return { kind: "invalid", errors: [{ field: "promo_code", code: "not_applicable", reason: applied.reason }] };
      }
    }
    const outcome = await deps.orderService.confirm(held.orderId, resellerId);
    switch (outcome.kind) {
      case "queued":
      case "sending":
        return {
          kind: "created",
          order: outcome.order,
          refId: body.ref_id,
          balance: await balanceIn(resellerId, outcome.order.price.currency),
        };
      case "existing":
        return replay(outcome.order, body.ref_id);
      case "insufficient":
        return { kind: "insufficient", order: outcome.order, balance: outcome.balance };
      case "promo":
        // The code was used up (or switched off) between the check and the debit: nothing was charged.
        return { kind: "invalid", errors: [{ field: "promo_code", code: "not_applicable", reason: outcome.reason }] };
      case "blocked":
        return outcome.reason === "maintenance" || outcome.reason === "paused" || outcome.reason === "provider_off"
          ? { kind: "unavailable", reason: outcome.reason }
          : { kind: "forbidden" };
      default: {
        // "expired": another request of this ref_id made the order and took the draft meanwhile.
        const raced = await deps.orders.get(held.orderId);
        if (raced) return replay(raced, body.ref_id);
        throw new Error(`API order ${held.orderId} neither made nor found`);
      }
    }
  }

  /** The reseller's own order by our id, with its ref_id; another's is not found. */
  async function get(resellerId: number, orderId: string) {
    const order = await deps.orders.get(orderId);
    if (!order || order.userId !== resellerId) return undefined;
    return apiOrderView(order, (await api.refByOrder(orderId))?.refId);
  }

  async function byRef(resellerId: number, refId: string) {
    const ref = await api.ref(resellerId, refId);
    const order = ref && (await deps.orders.get(ref.orderId));
    return order && order.userId === resellerId ? apiOrderView(order, refId) : undefined;
  }

  /**
   * The list at the tier's prices, shared by the requests of one second: a shop polling the
   * catalogue 200 times a second costs one pricing read a second, not 200. An order is priced
   * afresh (quote), so a price changed within that second is still the one charged.
   */
  const listed = new Map<Tier, { until: number; list: Promise<ReturnType<typeof apiProductView>[]> }>();
  async function products(tier: Tier) {
    const now = Date.now();
    const hit = listed.get(tier);
    if (hit && hit.until > now) return hit.list;
    const list = deps.catalog.priced(tier).then((ps) => ps.map(apiProductView));
    listed.set(tier, { until: now + PRODUCTS_CACHE_MS, list });
    // A failed read is not kept: the next request tries again.
    list.catch(() => listed.get(tier)?.list === list && listed.delete(tier));
    return list;
  }

  return { place, get, byRef, products };
}

export type ApiOrders = ReturnType<typeof createApiOrders>;
