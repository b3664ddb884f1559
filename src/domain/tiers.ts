/** The price tiers a reseller is in; each has its own markup. */
export type Tier = "member" | "reseller" | "vip";
export const TIERS: readonly Tier[] = ["member", "reseller", "vip"];
