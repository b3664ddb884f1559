import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/observability/logger.js";
import { openStore, type Store } from "../../src/store/index.js";
import type { UserRecord } from "../../src/store/types.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";

const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

/** Two bot processes' stores on one PostgreSQL and one Redis, plus a raw connection to the database. */
async function twoProcesses() {
  const databaseUrl = await freshDatabase();
  const redisUrl = await freshRedisDb();
  const logger = createLogger({ level: "silent" });
  const a = (await openStore({ databaseUrl, redisUrl }, logger)).store;
  const b = (await openStore({ databaseUrl, redisUrl }, logger)).store;
  stores.push(a, b);
  const sql = new pg.Client(databaseUrl);
  await sql.connect();
  return { a, b, sql, redisUrl, [Symbol.asyncDispose]: () => sql.end() };
}

/** The create's own change message reaches the other process before the test reads there. */
const settle = () => new Promise((r) => setTimeout(r, 300));

const reseller = (id: number): UserRecord => ({ id, firstName: `R${id}`, status: "active", tier: "member", createdAt: Date.now() });

async function eventually<T>(read: () => Promise<T>, ok: (v: T) => boolean, ms = 3_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe.skipIf(!postgresAvailable || !redisAvailable)("user records cached per process, dropped everywhere on a change", () => {
  it("serves a known user from memory, and an admin's ban in one process reaches the other", async () => {
    await using p = await twoProcesses();
    await p.a.users.createIfAbsent(reseller(501));
    await settle();
    expect((await p.b.users.get(501))?.status).toBe("active");
    // Behind the cache's back: process b keeps answering from memory, so what follows is the change message's doing.
    await p.sql.query("UPDATE resellers SET first_name = 'edited in SQL' WHERE id = 501");
    expect((await p.b.users.get(501))?.firstName).toBe("R501");

    await p.a.users.patch(501, { status: "banned" });
    const seen = await eventually(
      () => p.b.users.get(501),
      (u) => u?.status === "banned",
    );
    expect(seen?.status).toBe("banned");
    expect(seen?.firstName).toBe("edited in SQL");
  });

  it("drops every kept record when the change channel was cut, since changes may have been missed", async () => {
    await using p = await twoProcesses();
    await p.a.users.createIfAbsent(reseller(502));
    await settle();
    expect((await p.b.users.get(502))?.tier).toBe("member");
    await p.sql.query("UPDATE resellers SET tier = 'vip' WHERE id = 502");
    await settle();
    expect((await p.b.users.get(502))?.tier).toBe("member");
    const admin = new Redis(p.redisUrl);
    try {
      await admin.client("KILL", "TYPE", "pubsub");
    } finally {
      admin.disconnect();
    }
    const seen = await eventually(
      () => p.b.users.get(502),
      (u) => u?.tier === "vip",
    );
    expect(seen?.tier).toBe("vip");
  });
});
