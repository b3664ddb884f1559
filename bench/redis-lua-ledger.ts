/**
 * The ledger debit as the bot did it before money moved to PostgreSQL: one Lua script in Redis.
 * Kept here, outside src/, only as a point of comparison for the benchmark.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";

const LEDGER_APPLY = `
local seen = redis.call('HGET', KEYS[3], ARGV[3])
if seen then return {'dup', seen} end
local amount = tonumber(ARGV[2])
local balance = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '0')
if amount < 0 and balance + amount < 0 then return {'insufficient', tostring(balance)} end
local after = redis.call('HINCRBY', KEYS[1], ARGV[1], amount)
local entry = cjson.decode(ARGV[4])
entry['balanceAfter'] = after
local json = cjson.encode(entry)
redis.call('RPUSH', KEYS[2], json)
redis.call('HSET', KEYS[3], ARGV[3], json)
return {'ok', json}
`;

/** Applies a signed amount to a user's IDR wallet under a fresh idempotency key; returns the status. */
export async function luaApply(redis: Redis, prefix: string, userId: number, amount: number): Promise<string> {
  const key = randomUUID();
  const entry = JSON.stringify({ id: randomUUID(), at: Date.now(), userId, currency: "IDR", amount, key });
  const [status] = (await redis.eval(
    LEDGER_APPLY,
    3,
    `${prefix}wallet:${userId}`,
    `${prefix}ledger:${userId}`,
    `${prefix}ledger:idem`,
    "IDR",
    String(amount),
    key,
    entry,
  )) as [string];
  return status;
}
