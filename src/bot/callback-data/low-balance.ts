import { z } from "zod";
import { callbackCodec, fixedCodec } from "./codec.js";

/** Under /balance: the alert levels; under those, one button per level that clears it (`lb:c:IDR`). */
export const lowBalanceShowButton = fixedCodec("lb:show");
export const lowBalanceClearButton = callbackCodec("lb:c", { currency: z.string().regex(/^[A-Z]{3,4}$/) });
