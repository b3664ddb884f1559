import type { Redis } from "ioredis";
import type { UserRecord, Users } from "../types.js";
import { JSON_MERGE } from "./scripts.js";

export function redisUsers(redis: Redis, prefix: string): Users {
  const key = (id: number) => `${prefix}user:${id}`;
  const allKey = `${prefix}users`;
  const nameKey = `${prefix}users:by-username`;
  const parse = (raw: string | null) => (raw ? (JSON.parse(raw) as UserRecord) : undefined);

  async function index(user: UserRecord) {
    const m = redis.multi().sadd(allKey, String(user.id));
    if (user.username) m.hset(nameKey, user.username.toLowerCase(), String(user.id));
    await m.exec();
  }

  return {
    async get(id) {
      return parse(await redis.get(key(id)));
    },
    async patch(id, patch) {
      const user = parse((await redis.eval(JSON_MERGE, 1, key(id), JSON.stringify(patch))) as string | null);
      if (user && patch.username !== undefined) await index(user);
      return user;
    },
    async createIfAbsent(user) {
      const created = (await redis.set(key(user.id), JSON.stringify(user), "NX")) === "OK";
      if (created) {
        await index(user);
        return { user, created };
      }
      return { user: (await this.get(user.id)) ?? user, created };
    },
    async save(user) {
      await redis.set(key(user.id), JSON.stringify(user));
      await index(user);
    },
    async byUsername(username) {
      const id = await redis.hget(nameKey, username.replace(/^@/, "").toLowerCase());
      return id ? this.get(Number(id)) : undefined;
    },
    async all() {
      const ids = await redis.smembers(allKey);
      if (ids.length === 0) return [];
      const raws = await redis.mget(ids.map((id) => key(Number(id))));
      return raws.map(parse).filter((u): u is UserRecord => u !== undefined);
    },
  };
}
