import type { WebhookEvent } from "../../providers/types.js";
import type { UnmatchedEvents } from "../types.js";
import { copy } from "./tables.js";

export function memoryUnmatched(): UnmatchedEvents {
  const events = new Map<string, WebhookEvent>();
  return {
    async keep(e) {
      const k = `${e.provider}:${e.deliveryId}`;
      if (!events.has(k)) events.set(k, copy(e));
    },
    async take(provider, providerOrderId) {
      const mine = [...events].filter(([, e]) => e.provider === provider && e.providerOrderId === providerOrderId);
      for (const [k] of mine) events.delete(k);
      return mine.map(([, e]) => e);
    },
  };
}
