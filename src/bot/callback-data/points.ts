import { fixedCodec } from "./codec.js";

/** Into the e-mail flow of /points (under /points, and under the pushes that ask for an e-mail). */
export const pointsEmailButton = fixedCodec("pts:email");
