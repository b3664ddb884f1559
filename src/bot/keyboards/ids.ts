import type { ProviderId } from "../../providers/types.js";

/** One letter per provider keeps callback data well under Telegram's 64 bytes. */
const SHORT: Record<ProviderId, string> = { xinstitute: "x", gametopup: "g", xen: "n", vifox: "v", xpay: "p" };
const LONG = Object.fromEntries(Object.entries(SHORT).map(([k, v]) => [v, k])) as Record<string, ProviderId>;

export const shortProvider = (p: ProviderId) => SHORT[p];
export const longProvider = (s: string): ProviderId | undefined => LONG[s];
