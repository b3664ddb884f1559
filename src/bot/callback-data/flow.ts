import { z } from "zod";
import { callbackCodec, fixedCodec, wholeNumber } from "./codec.js";

/** The buttons of a question in a conversation (conversations/ask.ts): leave, skip, a pick by position, a quick choice. */
export const flowCancelButton = fixedCodec("flow:cancel");
export const flowSkipButton = fixedCodec("flow:skip");
export const flowOptionButton = callbackCodec("flow:opt", { index: wholeNumber });
export const flowChoiceButton = callbackCodec("flow:pick", { choice: z.string().regex(/^.+$/) });
