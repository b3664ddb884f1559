import { describe, expect, it } from "vitest";
import { MemoryXpayTokenCache, type XpayToken, type XpayTokenCache } from "../../src/providers/xpay/token-cache.js";
import { XpayTokenManager } from "../../src/providers/xpay/token-manager.js";

/** An authenticate that counts, answers after `delayMs`, and gives tokens living `lifeMs` on the given clock. */
function authenticator(clock: { now: number }, lifeMs = 3_600_000, delayMs = 5) {
  let calls = 0;
  const authenticate = async (): Promise<XpayToken> => {
    calls++;
    await new Promise((r) => setTimeout(r, delayMs));
    return { token: `tok-${calls}`, expiresAt: clock.now + lifeMs };
  };
  return { authenticate, calls: () => calls };
}

function withoutLock(c: MemoryXpayTokenCache): XpayTokenCache {
  return { get: () => c.get(), set: (v, t) => c.set(v, t), delete: (t) => c.delete(t) };
}

function manager(
  cache: XpayTokenCache,
  auth: ReturnType<typeof authenticator>,
  clock: { now: number },
  over: { marginMs?: number; lockWaitMs?: number } = {},
) {
  return new XpayTokenManager({
    cache,
    authenticate: auth.authenticate,
    refreshMarginMs: over.marginMs ?? 60_000,
    lockWaitMs: over.lockWaitMs ?? 1_000,
    pollMs: 5,
    now: () => clock.now,
  });
}

describe("xpay token manager", () => {
  it("concurrent callers share one authentication (single flight, even with no cache lock)", async () => {
    const clock = { now: 1_000_000 };
    const auth = authenticator(clock);
    const m = manager(withoutLock(new MemoryXpayTokenCache(() => clock.now)), auth, clock);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => m.token()));
    expect(new Set(tokens)).toEqual(new Set(["tok-1"]));
    expect(auth.calls()).toBe(1);
  });

  it("renews a margin before expiry, not before", async () => {
    const clock = { now: 1_000_000 };
    const auth = authenticator(clock, 600_000);
    const m = manager(new MemoryXpayTokenCache(() => clock.now), auth, clock, { marginMs: 60_000 });
    expect(await m.token()).toBe("tok-1");
    clock.now += 539_000;
    expect(await m.token()).toBe("tok-1");
    clock.now += 2_000; // 59 s before expiry: inside the margin
    expect(await m.token()).toBe("tok-2");
  });

  it("a token shorter-lived than the margin is still kept for half its life", async () => {
    const clock = { now: 1_000_000 };
    const auth = authenticator(clock, 10_000);
    const m = manager(new MemoryXpayTokenCache(() => clock.now), auth, clock, { marginMs: 60_000 });
    await m.token();
    clock.now += 4_000;
    expect(await m.token()).toBe("tok-1");
    clock.now += 2_000;
    expect(await m.token()).toBe("tok-2");
  });

  it("a refused token is dropped from the cache and a new one obtained, once for all callers", async () => {
    const clock = { now: 1_000_000 };
    const auth = authenticator(clock);
    const cache = new MemoryXpayTokenCache(() => clock.now);
    const m = manager(cache, auth, clock);
    const first = await m.token();
    const renewed = await Promise.all([m.token(first), m.token(first)]);
    expect(renewed).toEqual(["tok-2", "tok-2"]);
    expect(await m.token()).toBe("tok-2");
    expect(auth.calls()).toBe(2);
    expect((await cache.get())?.token).toBe("tok-2");
  });

  it("two managers sharing a cache authenticate once: the second waits for the first's token", async () => {
    const clock = { now: 1_000_000 };
    const auth = authenticator(clock, 3_600_000, 40);
    const cache = new MemoryXpayTokenCache(() => clock.now);
    const a = manager(cache, auth, clock);
    const b = manager(cache, auth, clock);
    expect(await Promise.all([a.token(), b.token()])).toEqual(["tok-1", "tok-1"]);
    expect(auth.calls()).toBe(1);
  });

  it("without the cache's lock the same race authenticates twice (what the lock is for)", async () => {
    const clock = { now: 1_000_000 };
    const auth = authenticator(clock, 3_600_000, 40);
    const noLock = withoutLock(new MemoryXpayTokenCache(() => clock.now));
    await Promise.all([manager(noLock, auth, clock).token(), manager(noLock, auth, clock).token()]);
    expect(auth.calls()).toBe(2);
  });

  it("a lock whose holder died is waited for no longer than lockWaitMs", async () => {
    const clock = { now: 1_000_000 };
    const auth = authenticator(clock);
    const cache = new MemoryXpayTokenCache(() => clock.now);
    await cache.lock(60_000); // never released
    const m = new XpayTokenManager({ cache, authenticate: auth.authenticate, refreshMarginMs: 60_000, lockWaitMs: 50, pollMs: 5 });
    const t0 = Date.now();
    expect(await m.token()).toBe("tok-1");
    expect(Date.now() - t0).toBeGreaterThanOrEqual(45);
  });

  it("a failing cache costs authentications, never the call", async () => {
    const clock = { now: 1_000_000 };
    const auth = authenticator(clock);
    const broken: XpayTokenCache = {
      get: async () => Promise.reject(new Error("connection lost")),
      set: async () => Promise.reject(new Error("connection lost")),
      delete: async () => Promise.reject(new Error("connection lost")),
      lock: async () => Promise.reject(new Error("connection lost")),
    };
    const m = manager(broken, auth, clock);
    expect(await m.token()).toBe("tok-1");
    expect(await m.token("tok-1")).toBe("tok-2");
  });

  it("authentication errors reach every waiting caller, and the next call tries again", async () => {
    const clock = { now: 1_000_000 };
    let calls = 0;
    const m = new XpayTokenManager({
      cache: new MemoryXpayTokenCache(() => clock.now),
      authenticate: async () => {
        calls++;
        await new Promise((r) => setTimeout(r, 5));
        if (calls === 1) throw new Error("invalid credentials");
        return { token: "ok", expiresAt: clock.now + 3_600_000 };
      },
      refreshMarginMs: 60_000,
      lockWaitMs: 1_000,
      now: () => clock.now,
    });
    const results = await Promise.allSettled([m.token(), m.token()]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect(await m.token()).toBe("ok");
    expect(calls).toBe(2);
  });
});

describe("MemoryXpayTokenCache", () => {
  it("expires entries, deletes only the named token, and locks exclusively until released or lapsed", async () => {
    const clock = { now: 0 };
    const cache = new MemoryXpayTokenCache(() => clock.now);
    await cache.set({ token: "a", expiresAt: 10_000 }, 1_000);
    await cache.delete("b");
    expect(await cache.get()).toEqual({ token: "a", expiresAt: 10_000 });
    clock.now = 1_000;
    expect(await cache.get()).toBeUndefined();
    await cache.set({ token: "c", expiresAt: 10_000 }, 1_000);
    await cache.delete("c");
    expect(await cache.get()).toBeUndefined();

    const release = await cache.lock(500);
    expect(release).toBeTypeOf("function");
    expect(await cache.lock(500)).toBeUndefined();
    await release!();
    const again = await cache.lock(500);
    expect(again).toBeTypeOf("function");
    clock.now += 500;
    expect(await cache.lock(500)).toBeTypeOf("function");
    await again!(); // a lapsed holder's release does not free the new holder's lock
    expect(await cache.lock(500)).toBeUndefined();
  });
});
