/** Zod schemas of xinstitute's answers and webhooks (document 000). */
import { z } from "zod";
import { providerName, providerText } from "../text.js";

/** `{ status: "success", code, message, data }` around every success body. */
const success = <T extends z.ZodType>(data: T) =>
  z.object({ status: z.literal("success"), code: z.number().int().optional(), message: z.string().optional(), data });

/** One catalogue entry; checked one by one so a single odd product does not hide the others. */
export const productSchema = z.object({
  product_id: z.string().min(1),
  product_name: providerName(),
  subscription_type: providerText(),
  category: providerText(),
  original_price: z.number().nonnegative().nullish(),
  discounted_price: z.number().nonnegative(),
  currency: z.string().min(1),
  stock_count: z.number().int(),
  in_stock: z.boolean(),
});
export type XinstituteProduct = z.infer<typeof productSchema>;

export const productsResponse = success(z.object({ count: z.number().int().optional(), products: z.array(z.unknown()) }));

export const orderResponse = success(
  z.object({
    order_id: z.string().min(1),
    customer_email: z.string().optional(),
    // The document shows items as `[...]` without a shape; nothing here depends on it.
    items: z.array(z.unknown()).optional(),
    total_amount: z.number().nonnegative(),
    currency: z.string().min(1),
    balance_before: z.number().optional(),
    balance_after: z.number().optional(),
    status: z.string(),
    created_at: z.string().optional(),
  }),
);

export const accountResponse = success(
  z.object({
    reseller: z
      .object({
        id: z.union([z.number(), z.string()]).optional(),
        name: z.string().nullish(),
        email: z.string().nullish(),
        plan: z.string().nullish(),
        status: z.string().nullish(),
        exp_date: z.string().nullish(),
      })
      .optional(),
    balance: z.object({ amount: z.number().nonnegative(), currency: z.string().min(1) }),
    api: z.unknown().optional(),
    // The document shows `[...]` without an item shape: parsed leniently in client.ts.
    recent_transactions: z.array(z.unknown()).nullish(),
  }),
);

/** The error envelope: `{ status: "error", code, message, data, timestamp }`, read leniently. */
export const errorBody = z.object({
  status: z.string().optional(),
  code: z.number().optional(),
  message: z.string().optional(),
  data: z.unknown().optional(),
});

export const insufficientBalanceData = z.object({
  required_amount: z.number(),
  current_balance: z.number(),
});

export const webhookPayload = z.object({
  event: z.enum(["shipped", "cancelled", "failed_delivery"]),
  order_id: z.string().min(1),
  timestamp: z.string().min(1),
  data: z
    .object({
      // Both go into the reseller's message and the order record: bounded (text.ts).
      tracking_info: providerText(),
      shipping_status: providerText(),
      customer_data: z.unknown().optional(),
    })
    .nullish(),
});
