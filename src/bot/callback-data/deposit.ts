import { callbackCodec, depositId, fixedCodec, wholeNumber } from "./codec.js";

/** /deposit: one of the offered amounts in whole units (`dep:n:50000`), "another amount", cancel a bill (`dep:x:D…`). */
export const depositAmountButton = callbackCodec("dep:n", { amount: wholeNumber });
export const depositTypedButton = fixedCodec("dep:t");
export const depositCancelButton = callbackCodec("dep:x", { depositId });
