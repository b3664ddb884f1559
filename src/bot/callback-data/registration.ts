import { z } from "zod";
import { callbackCodec, wholeNumber } from "./codec.js";

/** Approve or Reject under a registration alert sent to admins: `appr:123`, `rej:123` (no prefix: the verdict leads). */
export const registrationButton = callbackCodec("", { verdict: z.enum(["appr", "rej"]), userId: wholeNumber });
