/**
 * Zod schemas of what xpay's document (004, "Authentication API") shows: the success envelope,
 * the authentication answer and the error envelope. Billing shapes the document does not give
 * live in assumed-api.ts.
 */
import { z } from "zod";

/**
 * `{ error: { message, data?, tag }, uuid }`. Read leniently: an error is still an error when
 * the provider leaves a field out.
 */
export const errorEnvelope = z.object({
  error: z.object({
    message: z.string().optional(),
    data: z.unknown().optional(),
    tag: z.string().optional(),
  }),
  uuid: z.string().optional(),
});
export type XpayErrorEnvelope = z.infer<typeof errorEnvelope>;

/** `{ success: { message, data }, uuid }`: the document's two examples put uuid inside and outside `success`. */
export const successEnvelope = <T extends z.ZodType>(data: T) =>
  z.object({
    success: z.object({ message: z.string().optional(), data, uuid: z.string().optional() }),
    uuid: z.string().optional(),
  });

export const authData = z.object({
  success: z.boolean().optional(),
  /** Epoch milliseconds (the examples show 13 digits: 1783077877510). */
  expiresAt: z.number().int().positive(),
  access_token: z.string().min(1),
  ticket: z.string().optional(),
  user: z.object({ username: z.string().optional(), scopes: z.array(z.string()).optional(), isAPI: z.boolean().optional() }).optional(),
});

/** The document's JavaScript example reads `result.error` whatever the HTTP status: both bodies are read. */
export const authResponse = z.union([successEnvelope(authData), errorEnvelope]);
