import { callbackCodec, fixedCodec, wholeNumber } from "./codec.js";

/** /pricelist: a page (`pl:1`) and the whole list as CSV. */
export const pricelistPageButton = callbackCodec("pl", { page: wholeNumber });
export const pricelistCsvButton = fixedCodec("plcsv");
