import type { Redis } from "ioredis";
import type { OrderRecord, Orders, OrderState } from "../types.js";
import { ORDER_PATCH, ORDER_TRANSITION } from "./scripts.js";

// Only these states are listed by idsInState (the ones jobs and /stats need to enumerate).
const INDEXED: readonly OrderState[] = ["pending", "processing", "unknown", "shipped"];

export function redisOrders(redis: Redis, prefix: string): Orders {
  const key = (id: string) => `${prefix}order:${id}`;
  const userKey = (u: number) => `${prefix}orders:user:${u}`;
  const stateKey = (s: OrderState) => `${prefix}orders:state:${INDEXED.includes(s) ? s : "closed"}`;
  const providerKey = (p: string, id: string) => `${prefix}orders:provider:${p}:${id}`;
  const allKey = `${prefix}orders:all`;
  const allStateKeys = [...new Set([...INDEXED, "completed" as const].map(stateKey))];
  const parse = (raw: string | null) => (raw ? (JSON.parse(raw) as OrderRecord) : undefined);

  async function indexProvider(order: OrderRecord) {
    if (order.providerOrderId) await redis.set(providerKey(order.provider, order.providerOrderId), order.id);
  }

  return {
    async create(order) {
      const created = await redis.set(key(order.id), JSON.stringify(order), "NX");
      if (created !== "OK") return false;
      await redis
        .multi()
        .zadd(userKey(order.userId), order.createdAt, order.id)
        .zadd(allKey, order.createdAt, order.id)
        .sadd(stateKey(order.state), order.id)
        .exec();
      await indexProvider(order);
      return true;
    },

    async get(id) {
      return parse(await redis.get(key(id)));
    },

    async byProviderOrderId(provider, providerOrderId) {
      const id = await redis.get(providerKey(provider, providerOrderId));
      return id ? parse(await redis.get(key(id))) : undefined;
    },

    async transition(id, from, to, patch = {}, note) {
      const now = Date.now();
      const event = note === undefined ? { at: now, state: to } : { at: now, state: to, note };
      const json = (await redis.eval(
        ORDER_TRANSITION,
        2 + allStateKeys.length,
        key(id),
        stateKey(to),
        ...allStateKeys,
        JSON.stringify(from),
        to,
        JSON.stringify(patch),
        JSON.stringify(event),
        String(now),
      )) as string | null;
      const order = parse(json);
      if (order) await indexProvider(order);
      return order;
    },

    async patch(id, patch) {
      const order = parse((await redis.eval(ORDER_PATCH, 1, key(id), JSON.stringify(patch), String(Date.now()))) as string | null);
      if (order) await indexProvider(order);
      return order;
    },

    async byUser(userId, opts = {}) {
      const offset = opts.offset ?? 0;
      const ids = await redis.zrevrange(userKey(userId), offset, offset + (opts.limit ?? 10) - 1);
      return loadMany(ids);
    },

    async countByUser(userId) {
      return redis.zcard(userKey(userId));
    },

    async idsInState(state) {
      return redis.smembers(stateKey(state));
    },

    async since(at) {
      return loadMany(await redis.zrangebyscore(allKey, at, "+inf"));
    },
  };

  async function loadMany(ids: string[]): Promise<OrderRecord[]> {
    if (ids.length === 0) return [];
    const raws = await redis.mget(ids.map(key));
    return raws.map(parse).filter((o): o is OrderRecord => o !== undefined);
  }
}
