import { callbackCodec, fixedCodec, orderId, wholeNumber } from "./codec.js";

/** /orders: a page of the list (`op:2`), one order's card (`ov:R…`), back to the list, the CSV statement. */
export const ordersPageButton = callbackCodec("op", { page: wholeNumber });
export const orderViewButton = callbackCodec("ov", { orderId });
export const ordersBackButton = fixedCodec("ol");
export const statementCsvButton = fixedCodec("csv");

/** Under an order's push and its card: the receipt (`rc:R…`) and Buy again (`ra:R…`). */
export const receiptButton = callbackCodec("rc", { orderId });
export const buyAgainButton = callbackCodec("ra", { orderId });
