/**
 * Where xpay's access token is kept. Every bot process should share one (Redis in production), so
 * a fleet authenticates once per token lifetime rather than once per process.
 *
 * A Redis implementation is a few lines: `get` = GET key (JSON), `set` = SET key json PX ttlMs,
 * `delete(token)` = compare-and-delete (a Lua script: DEL only while the stored token is that
 * one), `lock(ttlMs)` = SET lockKey <random> NX PX ttlMs, released by compare-and-delete of the
 * same random value. Keep the token out of key names and logs.
 */

export interface XpayToken {
  token: string;
  /** Epoch milliseconds, as xpay answers it. */
  expiresAt: number;
}

export interface XpayTokenCache {
  get(): Promise<XpayToken | undefined>;
  /** Stores the token for ttlMs (already shortened by the refresh margin). */
  set(value: XpayToken, ttlMs: number): Promise<void>;
  /** Forgets the token, but only while it is still this one (xpay refused it with a 401). */
  delete(token: string): Promise<void>;
  /**
   * Optional mutual exclusion across processes: resolves to a release function when this caller
   * may authenticate, or undefined when another holds the lock (then wait for the cache). The lock
   * lapses by itself after ttlMs, so a process that dies holding it blocks no one for long.
   */
  lock?(ttlMs: number): Promise<(() => Promise<void>) | undefined>;
}

/** One process's cache; shared by every adapter instance given the same object. */
export class MemoryXpayTokenCache implements XpayTokenCache {
  private value: { token: XpayToken; until: number } | undefined;
  private held: { id: number; until: number } | undefined;
  private nextLockId = 1;

  constructor(private readonly now: () => number = Date.now) {}

  async get(): Promise<XpayToken | undefined> {
    if (this.value && this.value.until <= this.now()) this.value = undefined;
    return this.value ? { ...this.value.token } : undefined;
  }

  async set(value: XpayToken, ttlMs: number): Promise<void> {
    this.value = ttlMs > 0 ? { token: { ...value }, until: this.now() + ttlMs } : undefined;
  }

  async delete(token: string): Promise<void> {
    if (this.value?.token.token === token) this.value = undefined;
  }

  async lock(ttlMs: number): Promise<(() => Promise<void>) | undefined> {
    const now = this.now();
    if (this.held && this.held.until > now) return undefined;
    const id = this.nextLockId++;
    this.held = { id, until: now + ttlMs };
    return async () => {
      if (this.held?.id === id) this.held = undefined;
    };
  }
}
