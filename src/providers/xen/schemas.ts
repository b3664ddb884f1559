/**
 * Zod schemas of xen's answers (document 001). Only /me and /licenses/{key} have a documented
 * shape; the others are assumptions, kept optional and loose so an extra or missing field does
 * not hide the rest.
 */
import { z } from "zod";
import { providerName } from "../text.js";

/** `{ data: … }` around every success body, as /me and /licenses/{key} show. */
const envelope = <T extends z.ZodType>(data: T) => z.object({ data });

/** An id the document shows as a number; a string is accepted too, kept as text. */
export const xenId = z.union([z.string().min(1), z.number().int()]).transform(String);

/** "" and null both mean "not given". */
const text = z
  .string()
  .nullish()
  .transform((v) => (v == null || v.trim() === "" ? undefined : v.trim()));

/**
 * The document's timestamps look like "2026-01-15 10:32:11", with no zone.
 * Assumption: they are UTC. ISO strings with a zone are read as such; anything unreadable is
 * dropped (undefined) rather than failing the whole answer.
 */
export function xenTimeToIso(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const naive = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(\.\d+)?$/.exec(v);
  const ms = naive ? Date.parse(`${naive[1]}T${naive[2]}${naive[3] ?? ""}Z`) : Date.parse(v);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

const time = z.string().nullish().transform(xenTimeToIso);

/** An amount written as a number or a numeric string (an assumption: no amount is documented). */
const decimal = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(/^\d+(\.\d+)?$/)
    .transform(Number),
]);

export const extensionSchema = z.object({ name: providerName(), slug: text, version: text }).loose();
export type XenExtension = z.infer<typeof extensionSchema>;

/** GET /api/v1/me (documented). */
export const meResponse = envelope(z.object({ id: xenId, email: text, name: text, username: text, created_at: time }));

/** GET /api/v1/licenses/{key} (documented). */
export const verifyResponse = envelope(
  z.object({
    valid: z.boolean(),
    revoked: z.boolean(),
    expired: z.boolean(),
    domain: text,
    // Assumption: a licence without expiry answers null (or leaves the field out).
    expires_at: time,
    // Assumption: a licence of a removed extension may answer null.
    extension: extensionSchema.nullish(),
  }),
);

/** Assumption: list answers use the same envelope, `{ data: [...] }`. Items are checked one by one (parse-items.ts). */
export const listResponse = envelope(z.array(z.unknown()));

/**
 * One of GET /api/v1/licenses. Assumption: the item is the verification object plus its key and
 * the heartbeat fields the document names (last_verified_at, verify_count); a `status` word is
 * read when the flags are missing.
 */
export const licenceItemSchema = z
  .object({
    key: z.string().min(1).optional(),
    license_key: z.string().min(1).optional(),
    valid: z.boolean().optional(),
    revoked: z.boolean().optional(),
    expired: z.boolean().optional(),
    status: text,
    domain: text,
    expires_at: time,
    extension: extensionSchema.nullish(),
    last_verified_at: time,
    verify_count: z.number().int().nonnegative().nullish(),
  })
  .loose();
export type XenLicenceItem = z.infer<typeof licenceItemSchema>;

/**
 * POST /api/v1/licenses/{key}/heartbeat. Assumption: `{ data: {...} }` with the fields the
 * document says a heartbeat updates (last_verified_at, verify_count) and, when given, the flags.
 */
export const heartbeatResponse = envelope(
  z
    .object({
      valid: z.boolean().optional(),
      revoked: z.boolean().optional(),
      expired: z.boolean().optional(),
      domain: text,
      last_verified_at: time,
      verify_count: z.number().int().nonnegative().nullish(),
    })
    .loose(),
);

/**
 * One of GET /api/v1/orders. Assumption: an id, a status word, an amount in major units with an
 * ISO currency code (`total` or `amount`), the licence key and extension bought, and created_at.
 */
export const orderItemSchema = z
  .object({
    id: xenId,
    status: text,
    total: decimal.nullish(),
    amount: decimal.nullish(),
    currency: text,
    license_key: text,
    extension: extensionSchema.nullish(),
    created_at: time,
  })
  .loose();
export type XenOrderItem = z.infer<typeof orderItemSchema>;

/** GET /api/v1/extensions. Assumption: its items carry name, slug and version like the verification's extension. */
export const extensionItemSchema = extensionSchema;

/** The documented error envelope: `{ "error": { "code", "message" } }`. */
export const errorBody = z.object({
  error: z.object({ code: z.string().min(1), message: z.string().optional() }),
});

export const XEN_WEBHOOK_EVENTS = [
  "license.activated",
  "license.revoked",
  "license.domain_changed",
  "order.paid",
  "order.refunded",
  "subscription.created",
  "subscription.canceled",
] as const;

/**
 * The webhook payload. The document names the seven events and the signature, nothing else.
 * Assumption: every field below, gathered in this one schema:
 * - the event name is in `event` (or `type`); when both are given they must agree;
 * - `id` (optional) names the delivery; `created_at` (optional) is when it happened;
 * - the details sit in `data`: license_key (or key), domain (the new one on domain_changed),
 *   order_id, extension (an object like the verification's, or its slug as a string), amount
 *   (or total) in major units with currency, customer_email (or email).
 */
export const webhookPayload = z
  .object({
    id: xenId.optional(),
    event: z.string().optional(),
    type: z.string().optional(),
    created_at: time,
    data: z
      .object({
        license_key: text,
        key: text,
        domain: text,
        order_id: xenId.optional(),
        extension: z.union([extensionSchema, z.string().min(1)]).nullish(),
        amount: decimal.nullish(),
        total: decimal.nullish(),
        currency: text,
        customer_email: text,
        email: text,
      })
      .loose()
      .nullish(),
  })
  .loose()
  .superRefine((p, ctx) => {
    if (p.event === undefined && p.type === undefined) ctx.addIssue({ code: "custom", message: "no event name", path: ["event"] });
    else if (p.event !== undefined && p.type !== undefined && p.event !== p.type)
      ctx.addIssue({ code: "custom", message: "event and type disagree", path: ["type"] });
    const name = p.event ?? p.type;
    if (name !== undefined && !(XEN_WEBHOOK_EVENTS as readonly string[]).includes(name)) {
      ctx.addIssue({ code: "custom", message: `unknown event ${name.slice(0, 60)}`, path: ["event"] });
    }
  });
export type XenWebhookPayload = z.infer<typeof webhookPayload>;
