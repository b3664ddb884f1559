import { z } from "zod";
import type { FlowContext, Services } from "../context.js";
import { refusedInFlow } from "../filters/reseller.js";
import { flowRef, flowUser } from "../flow.js";
import { ask, type Flow } from "./ask.js";

const emailSchema = z.email().max(254);

/** The reseller's own e-mail for loyalty points: trimmed, checked with zod, lower-cased. */
export function parseResellerEmail(text: string): string | undefined {
  const parsed = emailSchema.safeParse(text.trim());
  return parsed.success ? parsed.data.toLowerCase() : undefined;
}

export const POINTS_EMAIL_FLOW = flowRef("points-email");

/** Asks for (or changes) the e-mail that collects loyalty points; registering it is a job. */
export function pointsEmailConversation(s: Services) {
  return async function pointsEmail(conversation: Flow, ctx: FlowContext) {
    const userId = flowUser(ctx);
    const current = await conversation.external(async () => (await s.resellers.get(userId))?.email ?? null);
    const prompt = current ? ctx.tr("points-ask-new-email", { email: current }) : ctx.tr("points-ask-email-first");
    const email = await ask(conversation, ctx, prompt, { parse: parseResellerEmail, errorKey: "points-bad-email" });
    if (!email) return;
    // Typed after an admin may have acted: only an approved reseller's e-mail goes to vifox.
    if (await refusedInFlow(conversation, ctx, s)) return;
    const result = await conversation.external(() => s.points.setEmail(userId, email));
    await ctx.reply(ctx.tr(result === "unchanged" ? "points-email-unchanged" : "points-email-saved", { email }));
  };
}
