import { callbackCodec, wholeNumber } from "./codec.js";

/** /customers: forget one saved player id or e-mail (`sc:f:12`). */
export const forgetCustomerButton = callbackCodec("sc:f", { customerId: wholeNumber });
