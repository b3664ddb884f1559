/** Every store contract, one file per record type in store/contracts/. */
export * from "./contracts/api.js";
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
