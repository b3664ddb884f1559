import { describe, expect, it } from "vitest";
import { cachedUsers, type UserChanges } from "../../src/store/cached-users.js";
import { memoryRecords } from "../../src/store/memory/index.js";
import type { UserRecord, Users } from "../../src/store/types.js";

const reseller = (id: number): UserRecord => ({ id, firstName: `R${id}`, status: "active", tier: "member", createdAt: 0 });

/** A change channel in one process: what is published reaches every subscriber, at once or when flushed. */
function channel() {
  const handlers: ((id: number | undefined) => void)[] = [];
  const held: (number | undefined)[] = [];
  let hold = false;
  const bus: UserChanges & { hold(on: boolean): void; tell(id: number | undefined): void } = {
    publish: (id) => (hold ? held.push(id) : bus.tell(id)),
    subscribe: (h) => void handlers.push(h),
    tell: (id) => {
      for (const h of handlers) h(id);
    },
    hold(on) {
      hold = on;
      if (!on) for (const id of held.splice(0)) bus.tell(id);
    },
  };
  return bus;
}

/** The underlying records with a count of reads, and reads that can be held open. */
function counted(users: Users) {
  let reads = 0;
  let gate: Promise<void> | undefined;
  return {
    get reads() {
      return reads;
    },
    holdReads(until: Promise<void>) {
      gate = until;
    },
    users: {
      ...users,
      async get(id: number) {
        reads++;
        const user = await users.get(id);
        if (gate) await gate;
        return user;
      },
    } as Users,
  };
}

describe("user records kept in memory", () => {
  it("serves a repeat read from memory and copies, so a caller's change cannot leak into it", async () => {
    const base = counted(memoryRecords().users);
    const users = cachedUsers(base.users, channel(), { ttlMs: 60_000, maxEntries: 10 });
    await users.save(reseller(1));
    const first = await users.get(1);
    first!.firstName = "changed by a caller";
    expect((await users.get(1))?.firstName).toBe("R1");
    expect(base.reads).toBe(1);
  });

  it("drops its copy on its own write and on another process's change", async () => {
    const records = memoryRecords();
    const bus = channel();
    const a = cachedUsers(records.users, bus, { ttlMs: 60_000, maxEntries: 10 });
    const b = cachedUsers(records.users, bus, { ttlMs: 60_000, maxEntries: 10 });
    await a.save(reseller(2));
    expect((await b.get(2))?.status).toBe("active");
    await a.patch(2, { status: "banned" });
    expect((await a.get(2))?.status).toBe("banned");
    expect((await b.get(2))?.status).toBe("banned");
  });

  it("does not keep a read that a change overtook", async () => {
    const records = memoryRecords();
    const base = counted(records.users);
    const bus = channel();
    const users = cachedUsers(base.users, bus, { ttlMs: 60_000, maxEntries: 10 });
    await records.users.save(reseller(3));
    let open!: () => void;
    base.holdReads(new Promise<void>((r) => (open = r)));
    const slow = users.get(3); // reads "active", then waits
    await new Promise((r) => setTimeout(r, 5));
    await records.users.patch(3, { status: "banned" });
    bus.tell(3); // another process's change arrives while the read is still out
    open();
    expect((await slow)?.status).toBe("active");
    base.holdReads(Promise.resolve());
    expect((await users.get(3))?.status).toBe("banned");
  });

  it("forgets everything when the channel was lost, and reads again after the TTL", async () => {
    const records = memoryRecords();
    let now = 0;
    const bus = channel();
    const users = cachedUsers(records.users, bus, { ttlMs: 1_000, maxEntries: 10, now: () => now });
    await records.users.save(reseller(4));
    await records.users.save(reseller(5));
    await users.get(4);
    await users.get(5);
    await records.users.patch(4, { tier: "vip" });
    await records.users.patch(5, { tier: "vip" });
    expect((await users.get(4))?.tier).toBe("member");
    bus.tell(undefined);
    expect((await users.get(4))?.tier).toBe("vip");
    now = 999;
    expect((await users.get(5))?.tier).toBe("vip"); // dropped with everything above
    await records.users.patch(5, { tier: "member" });
    expect((await users.get(5))?.tier).toBe("vip");
    now = 2_000;
    expect((await users.get(5))?.tier).toBe("member");
  });

  it("keeps at most maxEntries, dropping the oldest", async () => {
    const base = counted(memoryRecords().users);
    const users = cachedUsers(base.users, channel(), { ttlMs: 60_000, maxEntries: 2 });
    for (const id of [6, 7, 8]) await users.save(reseller(id));
    for (const id of [6, 7, 8]) await users.get(id);
    const before = base.reads;
    await users.get(8);
    await users.get(7);
    expect(base.reads).toBe(before);
    await users.get(6);
    expect(base.reads).toBe(before + 1);
  });
});
