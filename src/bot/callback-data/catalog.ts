import { z } from "zod";
import { callbackCodec, wholeNumber } from "./codec.js";

/** "a": the whole catalogue (/products); "t": game top-ups only (/topup). */
const mode = z.enum(["a", "t"]);
export type CatalogMode = z.output<typeof mode>;
/** One letter per provider (keyboards/ids.ts) keeps the data well under 64 bytes. */
const provider = z.string().regex(/^[a-z]$/);
/** The provider's own SKU, as it is; the last field, so it may hold the separator. */
const sku = z.string().regex(/^.+$/);

/** Back to the categories: `cs:a`. */
export const categoriesButton = callbackCodec("cs", { mode });
/** A category's products, by the category's position in the sorted list, and a page: `c:a:2:0`. */
export const categoryButton = callbackCodec("c", { mode, index: wholeNumber, page: wholeNumber });
/** One product's card: `p:t:g:ML86`. */
export const productButton = callbackCodec("p", { mode, provider, sku });
/** Buy: starts the purchase flow for the product: `b:g:ML86`. */
export const buyButton = callbackCodec("b", { provider, sku });
