/**
 * Everything about xpay's Billing API and webhook that its document does not give. The document
 * names Create Bill, Cancel Bill, Get Bill Info, Search Bills and a Webhook but shows no path,
 * field, status or limit for them: each choice here is marked "Assumption:", so that confirming
 * them with xpay is a change to this one file. The documented part (authentication, envelopes)
 * is in schemas.ts.
 */
import { z } from "zod";
import { exponentOf, isCurrency } from "../../lib/money.js";
import type { RateLimiterOptions } from "../rate-limiter.js";
import type { Bill, BillQuery, BillStatus, CreateBillRequest, PaymentHint } from "../types.js";
import { errorEnvelope, successEnvelope } from "./schemas.js";

export const BILL_PATHS = {
  // Assumption: bills live on the same base URL as /client/authenticate; POST /bills creates one.
  create: "/bills",
  // Assumption: GET /bills/{id} reads one bill.
  get: (id: string) => `/bills/${encodeURIComponent(id)}`,
  // Assumption: POST /bills/{id}/cancel (no body) cancels an unpaid bill and answers the bill.
  cancel: (id: string) => `/bills/${encodeURIComponent(id)}/cancel`,
  // Assumption: GET /bills filters by the query parameters `reference` and `status` (our status words).
  search: (q: BillQuery) => {
    const params = new URLSearchParams();
    if (q.reference !== undefined) params.set("reference", q.reference);
    if (q.status !== undefined) params.set("status", q.status);
    const query = params.toString();
    return query ? `/bills?${query}` : "/bills";
  },
} as const;

// Assumption: the document names no rate limit; 60 calls a minute is far above a bot's deposit
// traffic, and one shared limiter lets a 429's Retry-After hold back every xpay call.
export const XPAY_RATE_LIMITS: RateLimiterOptions[] = [{ max: 60, windowMs: 60_000 }];

/** The Create Bill body. */
export function createBillBody(req: CreateBillRequest): Record<string, unknown> {
  // Assumption: JSON `{ amount, currency, reference, description }`, the amount in whole
  // currency units as people write it (a decimal for currencies with cents); IDR has none.
  return {
    amount: req.amount / 10 ** exponentOf(req.currency),
    currency: req.currency,
    reference: req.reference,
    ...(req.description ? { description: req.description } : {}),
  };
}

/** A bill's amount in whole units back to integer minor units; undefined when not exact. */
export function amountToMinor(value: number, currency: string): number | undefined {
  const scaled = value * 10 ** exponentOf(currency);
  const minor = Math.round(scaled);
  return Number.isSafeInteger(minor) && Math.abs(scaled - minor) < 1e-6 ? minor : undefined;
}

// Assumption: bill times are epoch milliseconds like the documented `expiresAt`; an ISO 8601
// string is read too, and null means "not yet".
const timestamp = z
  .union([z.number().int().nonnegative(), z.string().refine((s) => !Number.isNaN(Date.parse(s)), "not a date")])
  .nullish()
  .transform((v) => (v === null || v === undefined ? undefined : typeof v === "number" ? v : Date.parse(v)));

// Assumption: a bill is `{ id, reference, amount, currency, status, payUrl, paymentInstructions,
// expiresAt, paidAt, createdAt }`, camelCase like the documented `expiresAt` and `secretKey`.
export const billWire = z.object({
  id: z.union([z.string().min(1), z.number().int()]).transform(String),
  reference: z.string().min(1),
  amount: z.number().positive(),
  currency: z.string().min(1).optional(),
  status: z.string().min(1),
  // Only http(s): it becomes a button the reseller taps.
  payUrl: z.url({ protocol: /^https?$/ }).nullish(),
  paymentInstructions: z.string().nullish(),
  expiresAt: timestamp,
  paidAt: timestamp,
  createdAt: timestamp,
});
export type XpayBillWire = z.infer<typeof billWire>;

// Assumption: bill calls answer in the documented envelopes, the bill (or, for a search, the
// array of bills) in `success.data`; a single odd bill in a search is skipped, not fatal.
export const billResponse = z.union([successEnvelope(billWire), errorEnvelope]);
export const billListResponse = z.union([successEnvelope(z.array(z.unknown())), errorEnvelope]);

// Assumption: the statuses are unpaid, paid, expired and cancelled; "pending"/"open" and the
// US "canceled" are read as the same. Only the exact word "paid" means paid: an unknown word
// never credits anything, the bill is refused as unreadable.
const STATUS_WORDS: Record<string, BillStatus> = {
  unpaid: "unpaid",
  pending: "unpaid",
  open: "unpaid",
  paid: "paid",
  expired: "expired",
  cancelled: "cancelled",
  canceled: "cancelled",
};

export function billStatus(raw: string): BillStatus | undefined {
  return STATUS_WORDS[raw.trim().toLowerCase()];
}

/** A parsed wire bill to our Bill, or why it cannot be one. */
export function toBill(w: XpayBillWire, configuredCurrency: string): { ok: true; bill: Bill } | { ok: false; reason: string } {
  const status = billStatus(w.status);
  if (!status) return { ok: false, reason: `unknown bill status "${w.status.slice(0, 40)}"` };
  // Assumption: a bill without a currency is in the account's configured currency.
  const currency = (w.currency ?? configuredCurrency).trim().toUpperCase();
  if (!isCurrency(currency)) return { ok: false, reason: `unknown currency "${currency.slice(0, 10)}"` };
  const amount = amountToMinor(w.amount, currency);
  if (amount === undefined) return { ok: false, reason: `amount ${w.amount} is not a whole number of ${currency} minor units` };
  return {
    ok: true,
    bill: {
      id: w.id,
      reference: w.reference,
      amount: { amount, currency },
      status,
      payUrl: w.payUrl ?? undefined,
      instructions: w.paymentInstructions || undefined,
      expiresAt: w.expiresAt,
      paidAt: w.paidAt,
      createdAt: w.createdAt,
    },
  };
}

const hintId = z
  .union([z.string().trim().min(1).max(200), z.number().int()])
  .transform(String)
  .optional()
  .catch(undefined);
const hintRef = z.string().trim().min(1).max(200).optional().catch(undefined);
const hintFields = z.object({ billId: hintId, id: hintId, reference: hintRef });

// Assumption: a notification carries the bill's id (`billId` or `id`) and/or its `reference`, at
// the top level or under `data`. Nothing else in it is read: amounts and status come from the API.
export const hintBody = hintFields.extend({ data: hintFields.optional().catch(undefined) });

/** The bill a notification points at; undefined when it names none. */
export function hintOf(body: z.infer<typeof hintBody>): PaymentHint | undefined {
  const billId = body.billId ?? body.id ?? body.data?.billId ?? body.data?.id;
  const reference = body.reference ?? body.data?.reference;
  if (billId === undefined && reference === undefined) return undefined;
  return { ...(billId !== undefined ? { billId } : {}), ...(reference !== undefined ? { reference } : {}) };
}
