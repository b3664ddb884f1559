import { z } from "zod";
import { LOCALES } from "../../domain/locale.js";
import { callbackCodec } from "./codec.js";

/** /language: one button per language (`lang:id`). */
export const languageButton = callbackCodec("lang", { locale: z.enum(LOCALES) });
