/**
 * The adapter layer's boundary: one small interface per capability, one file per capability in
 * providers/contracts/. Flows and the domain see only these types; no adapter is imported by
 * name outside providers/registry.ts.
 */
export * from "./contracts/account.js";
export * from "./contracts/catalog.js";
export * from "./contracts/directory.js";
export * from "./contracts/errors.js";
export * from "./contracts/licences.js";
export * from "./contracts/money.js";
export * from "./contracts/ordering.js";
export * from "./contracts/payments.js";
export * from "./contracts/points.js";
export * from "./contracts/status.js";
export * from "./contracts/webhooks.js";
