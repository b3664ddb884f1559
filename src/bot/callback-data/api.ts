import { z } from "zod";
import { callbackCodec } from "./codec.js";

/** /api's buttons (`api:create`, `api:rotate`, …); `…-yes` confirms what ends a key. */
export const API_ACTIONS = ["create", "rotate", "rotate-yes", "revoke", "revoke-yes", "url", "ips", "notify", "forget"] as const;
export const apiButton = callbackCodec("api", { action: z.enum(API_ACTIONS) });
