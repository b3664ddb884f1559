/** Zod schemas of gametopup's answers (document 002). */
import { z } from "zod";
import { providerName, providerText } from "../text.js";

const success = <T extends z.ZodType>(data: T) =>
  z.object({ status: z.literal("success"), message: z.string().optional(), code: z.number().int().optional(), data });

/** Documented as String; a number is accepted and kept as its decimal text. */
const id = z.union([z.string().min(1), z.number()]).transform(String);
/** "(if applicable)" fields: absent, null and "" all mean "not given"; bounded (text.ts). */
const optionalText = providerText();

export const productSchema = z.object({
  kode: id,
  kategori: providerText(),
  produk: providerName(),
  harga: z.number().int().nonnegative(),
  catatan: providerText(),
  status: z.string(),
});
export type GametopupProduct = z.infer<typeof productSchema>;

export const productsResponse = success(z.array(z.unknown()));

export const orderResponse = success(
  z.object({
    order_id: id,
    user_id: optionalText,
    zone: optionalText,
    produk: providerText(),
    harga: z.number().int().nonnegative().nullish(),
    status: z.string(),
  }),
);

export const statusResponse = success(
  z.object({
    order_id: id,
    user_id: optionalText,
    produk: providerText(),
    harga: z.number().int().nonnegative().nullish(),
    status: z.string(),
    keterangan: optionalText,
    zone: optionalText,
    nickname: optionalText,
  }),
);
