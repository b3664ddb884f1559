import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Ledger, LedgerEntry, LedgerInput, LedgerResult } from "../types.js";
import { LEDGER_APPLY } from "./scripts.js";

export function redisLedger(redis: Redis, prefix: string): Ledger {
  const walletKey = (u: number) => `${prefix}wallet:${u}`;
  const entriesKey = (u: number) => `${prefix}ledger:${u}`;
  const idemKey = `${prefix}ledger:idem`;
  const totalsKey = `${prefix}ledger:totals`;

  return {
    async apply(input: LedgerInput): Promise<LedgerResult> {
      if (!Number.isSafeInteger(input.amount) || input.amount === 0) throw new RangeError("ledger amount must be a non-zero integer");
      const entry: Omit<LedgerEntry, "balanceAfter"> = { id: randomUUID(), at: Date.now(), ...input };
      const [status, payload] = (await redis.eval(
        LEDGER_APPLY,
        4,
        walletKey(input.userId),
        entriesKey(input.userId),
        idemKey,
        totalsKey,
        input.currency,
        String(input.amount),
        input.key,
        JSON.stringify(entry),
        `${input.currency}:${input.type}`,
      )) as [string, string];
      if (status === "insufficient") return { ok: false, reason: "insufficient", balance: Number(payload) };
      return { ok: true, entry: JSON.parse(payload) as LedgerEntry, duplicate: status === "dup" };
    },

    async entryByKey(key) {
      const raw = await redis.hget(idemKey, key);
      return raw ? (JSON.parse(raw) as LedgerEntry) : undefined;
    },

    async balances(userId) {
      const raw = await redis.hgetall(walletKey(userId));
      return Object.fromEntries(Object.entries(raw).map(([c, v]) => [c, Number(v)]));
    },

    async entries(userId, opts = {}) {
      const offset = opts.offset ?? 0;
      const limit = opts.limit ?? 10;
      // The list is oldest first; read from its end.
      const raw = await redis.lrange(entriesKey(userId), -(offset + limit), offset === 0 ? -1 : -(offset + 1));
      return raw.map((j) => JSON.parse(j) as LedgerEntry).reverse();
    },

    async totals() {
      const raw = await redis.hgetall(totalsKey);
      return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Number(v)]));
    },
  };
}
