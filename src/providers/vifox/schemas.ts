/** Zod schemas of vifox's answers (document 003). */
import { z } from "zod";

/**
 * Points come as strings ("212", "3700") in some answers and numbers in others (history).
 * Assumption: points are whole numbers; a fractional value is an unexpected body, not rounded.
 */
export const wholePoints = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+$/),
  ])
  .transform(Number)
  .pipe(z.number().int().refine(Number.isSafeInteger, "too large"));

/** The document types it "string" but its examples send numbers (8767): both, kept as text. */
const externalId = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined || String(v) === "" ? undefined : String(v)));

const optionalText = z
  .string()
  .nullish()
  .transform((v) => v ?? undefined);

/** `{ status: 200, data }` around every success. */
const ok = <T extends z.ZodType>(data: T) => z.object({ status: z.number().int().optional(), data });

/** 410 on a write: `{ "message": "Duplicate transaction ID" }`, an answer rather than an error. */
export const duplicateBody = z
  .object({ message: z.string().regex(/duplicate transaction/i) })
  .transform(() => ({ kind: "duplicate" as const }));

export const usersResponse = z.union([
  ok(z.object({ message: z.string().optional(), oldUsers: z.array(z.string()).nullish() })).transform((b) => ({
    kind: "created" as const,
    existingEmails: b.data.oldUsers ?? [],
  })),
  duplicateBody,
]);

export const awardItem = z.object({
  status: z.number().int(),
  email: z.string(),
  external_transaction_id: externalId,
  message: z.string().default(""),
});
export type VifoxAwardItem = z.output<typeof awardItem>;

// Strict on purpose: a batch with one unreadable verdict is unknown as a whole, not partly hidden.
export const pointsResponse = z.union([
  ok(z.array(awardItem)).transform((b) => ({ kind: "applied" as const, items: b.data })),
  duplicateBody,
]);

export const historyEntry = z.object({
  id: z.number().int(),
  user_id: z.number().int(),
  point: wholePoints,
  reason: z.string(),
  type: optionalText,
  description: optionalText,
  external_transaction_id: externalId,
  created_at: z.string(),
});
export type VifoxHistoryEntry = z.output<typeof historyEntry>;

export const userPointsItem = z.object({
  status: z.number().int(),
  point: wholePoints.nullable(),
  email: z.string(),
  message: z.string().default(""),
  // Entries are parsed one by one (client.ts): one odd entry does not hide the user's points.
  history: z.array(z.unknown()).nullish(),
});
export type VifoxUserPointsItem = z.output<typeof userPointsItem>;

export const userPointsResponse = z.union([
  ok(z.array(userPointsItem)).transform((b) => b.data),
  // Example 4, HTTP 404: `{ status: 404, data: { status: 404, message: "No data" } }`.
  z.object({ data: z.object({ message: z.string().regex(/^no data$/i) }) }).transform(() => []),
]);

const parent = z.object({
  email: z.string(),
  first_name: optionalText,
  last_name: optionalText,
  referral_code: optionalText,
});

export const userInfoResponse = z.union([
  ok(
    z.object({
      email: z.string(),
      first_name: optionalText,
      last_name: optionalText,
      point: wholePoints,
      kyc_status: z.boolean(),
      parent: parent.nullish(),
    }),
  ).transform((b) => ({ found: true as const, ...b.data })),
  // HTTP 404: `{ status: 404, data: { message: "User not found" } }`.
  z.object({ data: z.object({ message: z.string().regex(/user not found/i) }) }).transform(() => ({ found: false as const })),
]);

export const liquidityPoolResponse = ok(
  z.object({
    liquidity_pool: wholePoints,
    rate: z.union([
      z.number(),
      z
        .string()
        .trim()
        .regex(/^-?\d+(\.\d+)?$/)
        .transform(Number),
    ]),
  }),
);

/** 422: `{ message, errors: { field: [messages] } }` (Laravel's validation shape). */
export const validationBody = z.object({
  message: z.string().optional(),
  errors: z.record(z.string(), z.array(z.string())).optional(),
});
