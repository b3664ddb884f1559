import { z } from "zod";
import { callbackCodec, orderId } from "./codec.js";

/** Under /refund's warning for an order the provider may still deliver: refund anyway (`rf:y:R…`) or keep it (`rf:n:R…`). */
export const refundConfirmButton = callbackCodec("rf", { choice: z.enum(["y", "n"]), orderId });
