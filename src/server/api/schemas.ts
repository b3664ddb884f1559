import { z } from "zod";
import { MAX_QUANTITY } from "../../domain/order-input.js";

/**
 * The reseller API's schemas: the handlers validate with them and the OpenAPI document is made
 * from them (openapi.ts), so the document cannot drift from what is enforced.
 */

export const OrderRequest = z
  .strictObject({
    ref_id: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
      .describe("Your own id for this order, unique per reseller: the same ref_id and body again answer the same order"),
    product_id: z.string().min(3).max(128).describe("`id` from GET /api/v1/products"),
    player_id: z
      .union([z.string().regex(/^\d{3,24}$/, "digits only"), z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER)])
      .transform(String)
      .optional()
      .describe("Game account id (top-ups), digits"),
    zone: z.string().min(1).max(12).optional().describe("Game server / zone, when the product needs one"),
    email: z.string().min(3).max(254).optional().describe("Customer e-mail (subscriptions)"),
    quantity: z.number().int().min(1).max(MAX_QUANTITY).optional().describe("Units (e-mail products), default 1"),
    promo_code: z
      .string()
      .min(1)
      .max(32)
      .optional()
      .describe("A promo code: the order is charged the discounted price; a code that does not apply is a 422 naming promo_code"),
  })
  .meta({ id: "OrderRequest" });

const HistoryEntry = z.object({ at: z.string(), status: z.string() });

export const Order = z
  .object({
    id: z.string(),
    ref_id: z.string().nullable(),
    status: z.enum(["pending", "processing", "completed", "failed", "refunded", "unknown", "shipped", "cancelled", "delivery_failed"]),
    product_id: z.string(),
    product_name: z.string(),
    player_id: z.string().nullable(),
    zone: z.string().nullable(),
    email: z.string().nullable(),
    quantity: z.number().int(),
    price: z.number().int(),
    currency: z.string(),
    failure: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    history: z.array(HistoryEntry),
  })
  .meta({ id: "Order" });

export const OrderPlaced = Order.extend({ balance_after: z.number().int() }).meta({ id: "OrderPlaced" });

export const Me = z
  .object({
    reseller_id: z.number().int(),
    tier: z.string(),
    balances: z.record(z.string(), z.number().int()),
  })
  .meta({ id: "Me" });

export const ApiProduct = z
  .object({
    id: z.string(),
    name: z.string(),
    provider: z.string(),
    category: z.string(),
    price: z.number().int(),
    currency: z.string(),
    needs: z.object({ required: z.array(z.string()), optional: z.array(z.string()) }),
    available: z.boolean(),
  })
  .meta({ id: "Product" });

export const ProductList = z.object({ products: z.array(ApiProduct) }).meta({ id: "ProductList" });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), code: z.string(), message: z.string().optional(), reason: z.string().optional() }))
      .optional(),
  })
  .meta({ id: "Problem" });

export const RefQuery = z.strictObject({ ref_id: z.string().min(1).max(64) });

/** The callback body POSTed to the reseller's URL. */
export const CallbackEvent = z
  .object({ event_id: z.string(), type: z.literal("order.updated"), created_at: z.string(), order: Order })
  .meta({ id: "CallbackEvent" });
