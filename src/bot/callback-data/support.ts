import { callbackCodec, fixedCodec, wholeNumber } from "./codec.js";

/** Close under a ticket's card in a team chat: `tclose:12`. An admin button (the gate checks the presser's role). */
export const ticketCloseButton = callbackCodec("tclose", { ticketId: wholeNumber });

/** Support under /help: the reseller's next message opens a ticket. */
export const supportAskButton = fixedCodec("support:ask");
