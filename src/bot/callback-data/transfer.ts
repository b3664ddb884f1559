import { z } from "zod";
import { PRESET_REASONS } from "../../domain/deposits/transfers.js";
import { type Codec, callbackCodec, fixedCodec } from "./codec.js";

const transferId = z.string().regex(/^T[0-9A-Z]{10}$/);

/**
 * The review card's buttons (finance and above): Approve, Reject, Change amount, and the reject
 * reasons offered after Reject (`tr:ok:T…`, `tr:why:unreadable:T…`; `tr:why:text:T…` asks for words).
 */
export const transferReviewButton = callbackCodec("tr", {
  action: z.enum(["ok", "no", "amt"]),
  depositId: transferId,
});
export const transferReasonButton = callbackCodec("trw", {
  reason: z.enum([...PRESET_REASONS, "text"]),
  depositId: transferId,
});

/** Both review families as one for the permission gate: any of them needs the same role. */
export const transferReviewCodec: Codec<unknown> = {
  pack: (v) => transferReviewButton.pack(v as Parameters<typeof transferReviewButton.pack>[0]),
  unpack: (data) => transferReviewButton.unpack(data) ?? transferReasonButton.unpack(data),
  fits: (v) => transferReviewButton.fits(v as Parameters<typeof transferReviewButton.fits>[0]),
};

/** The reseller's side: /deposit's "Bank transfer", and a currency picked in the flow. */
export const transferStartButton = fixedCodec("dep:tr");
export const transferCurrencyButton = callbackCodec("dep:cur", { currency: z.string().regex(/^[A-Z]{3,4}$/) });
