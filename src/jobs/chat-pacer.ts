import type { Kv } from "../store/types.js";

/**
 * One message per chat per slot of the clock (slot n = [n·I, (n+1)·I)), across every process:
 * a job claims its chat's next free slot (an atomic set-if-absent in the store) and waits for it.
 * A backlog in one chat so costs the global limit one extra run per message and goes out in the
 * order it was claimed (a job that misses its slot in a congested queue claims a new one at the
 * end). Re-trying until a per-chat marker expired spent a global token on every waiting job of a
 * busy chat every second, starving the other chats, and sent the backlog in random order.
 */
export function chatPacer(kv: Kv, intervalMs: number) {
  return {
    async claim(chatId: number): Promise<number> {
      const now = Date.now();
      // Only a hint where the chat's claims end (a racer may leave it short: that costs a probe).
      const tail = (await kv.getJson<number>(`tg:tail:${chatId}`)) ?? -1;
      for (let slot = Math.max(Math.floor(now / intervalMs), tail + 1); ; slot++) {
        const ttl = (slot + 2) * intervalMs - now;
        if (await kv.setIfAbsent(`tg:slot:${chatId}:${slot}`, "1", ttl)) {
          await kv.setJson(`tg:tail:${chatId}`, slot, ttl);
          return slot;
        }
      }
    },
    /** Telegram asked this chat to wait: no slot before `at` is claimed. */
    async holdUntil(chatId: number, at: number): Promise<void> {
      const tail = (await kv.getJson<number>(`tg:tail:${chatId}`)) ?? -1;
      const slot = Math.max(tail, Math.ceil(at / intervalMs) - 1);
      await kv.setJson(`tg:tail:${chatId}`, slot, (slot + 2) * intervalMs - Date.now());
    },
  };
}

export type ChatPacer = ReturnType<typeof chatPacer>;
