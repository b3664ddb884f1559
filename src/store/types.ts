/** Every store contract, one file per record type in store/contracts/. */
export * from "./contracts/audit.js";
export * from "./contracts/awards.js";
export * from "./contracts/customers.js";
export * from "./contracts/deposits.js";
export * from "./contracts/kv.js";
export * from "./contracts/ledger.js";
export * from "./contracts/licence-links.js";
export * from "./contracts/low-balance.js";
export * from "./contracts/orders.js";
export * from "./contracts/pricing.js";
export * from "./contracts/reports.js";
export * from "./contracts/store.js";
export * from "./contracts/unmatched.js";
export * from "./contracts/users.js";
// For the importers not moved to domain/ yet; the next commit moves them and drops this.
export { LOCALES, type Locale } from "../domain/locale.js";
export type { UserStatus } from "../domain/reseller-status.js";
export { TIERS, type Tier } from "../domain/tiers.js";
