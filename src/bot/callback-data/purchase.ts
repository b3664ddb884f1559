import { batchId, callbackCodec, orderId } from "./codec.js";

/** The confirmation card's Confirm and Cancel, keyed by the draft (the future order id): `ok:R…`, `no:R…`. */
export const confirmDraftButton = callbackCodec("ok", { draftId: orderId });
export const dropDraftButton = callbackCodec("no", { draftId: orderId });
/** The card's 🎟 Promo code: `pc:R…`. */
export const promoDraftButton = callbackCodec("pc", { draftId: orderId });

/** The bulk card's Confirm and Cancel, keyed by the batch: `bk:ok:B…`, `bk:no:B…`. */
export const confirmBatchButton = callbackCodec("bk:ok", { batchId });
export const dropBatchButton = callbackCodec("bk:no", { batchId });
/** The bulk card's 🎟 Promo code: `bk:pc:B…`. */
export const promoBatchButton = callbackCodec("bk:pc", { batchId });
