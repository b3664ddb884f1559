import type { z } from "zod";
import type { Logger } from "../observability/logger.js";
import type { ProviderId } from "./types.js";

/**
 * Parses a provider's list item by item: one malformed entry is logged and skipped instead of
 * hiding the whole catalogue.
 */
export function parseItems<S extends z.ZodType, R>(
  provider: ProviderId,
  items: readonly unknown[],
  schema: S,
  map: (item: z.output<S>) => R | undefined,
  logger?: Logger,
): R[] {
  const out: R[] = [];
  items.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    const mapped = parsed.success ? map(parsed.data) : undefined;
    if (mapped === undefined) {
      const issue = parsed.success ? "unsupported value" : parsed.error.issues[0]?.message;
      logger?.warn({ provider, index, issue }, "provider list item skipped");
      return;
    }
    out.push(mapped);
  });
  return out;
}
