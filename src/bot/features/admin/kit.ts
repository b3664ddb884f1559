import type { Services } from "../../context.js";

/** What every admin command file gets: the same domain services as the rest of the chat, behind the admin gate. */
export type AdminKit = Services;
