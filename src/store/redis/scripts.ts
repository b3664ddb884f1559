/**
 * Lua scripts: each runs atomically inside Redis, so two bot processes can never interleave a
 * read and a write of the same wallet or order.
 */

/**
 * Ledger apply.
 * KEYS: 1 wallet hash (currency -> balance), 2 user's entry list, 3 idempotency hash (key -> entry),
 *       4 totals hash ("CUR:type" -> sum)
 * ARGV: 1 currency, 2 signed amount, 3 idempotency key, 4 entry JSON without balanceAfter,
 *       5 totals field
 * Returns {status, payload}: "ok"|"dup" with the entry JSON, or "insufficient" with the balance.
 */
export const LEDGER_APPLY = `
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
redis.call('HINCRBY', KEYS[4], ARGV[5], amount)
return {'ok', json}
`;

/**
 * Order compare-and-set.
 * KEYS: 1 order key, 2 the new state's index set, 3.. every index set (the order leaves them all)
 * ARGV: 1 JSON array of allowed from-states, 2 new state, 3 patch JSON, 4 event JSON, 5 now
 * Returns the new order JSON, or false when missing or in another state.
 */
export const ORDER_TRANSITION = `
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local order = cjson.decode(raw)
local allowed = false
for _, s in ipairs(cjson.decode(ARGV[1])) do if s == order['state'] then allowed = true end end
if not allowed then return false end
for k, v in pairs(cjson.decode(ARGV[3])) do order[k] = v end
order['state'] = ARGV[2]
order['updatedAt'] = tonumber(ARGV[5])
table.insert(order['history'], cjson.decode(ARGV[4]))
local json = cjson.encode(order)
redis.call('SET', KEYS[1], json)
for i = 3, #KEYS do redis.call('SREM', KEYS[i], order['id']) end
redis.call('SADD', KEYS[2], order['id'])
return json
`;

/** Order patch without a state change. KEYS: 1 order key. ARGV: 1 patch JSON, 2 now. */
export const ORDER_PATCH = `
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local order = cjson.decode(raw)
for k, v in pairs(cjson.decode(ARGV[1])) do order[k] = v end
order['updatedAt'] = tonumber(ARGV[2])
local json = cjson.encode(order)
redis.call('SET', KEYS[1], json)
return json
`;

/**
 * Shallow merge into a stored JSON record; a JSON null removes the field.
 * KEYS: 1 record key. ARGV: 1 patch JSON. Returns the new JSON, or false when absent.
 */
export const JSON_MERGE = `
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local record = cjson.decode(raw)
for k, v in pairs(cjson.decode(ARGV[1])) do
  if v == cjson.null then record[k] = nil else record[k] = v end
end
local json = cjson.encode(record)
redis.call('SET', KEYS[1], json)
return json
`;
