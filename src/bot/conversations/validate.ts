/** The chat's input rules live in the domain (domain/order-input.ts), where the reseller API checks the same fields. */
export { MAX_QUANTITY, parseEmail, parsePlayerId, parseQuantity, parseZone } from "../../domain/order-input.js";
