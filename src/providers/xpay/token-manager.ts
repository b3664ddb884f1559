/**
 * Keeps one xpay access token for every caller: read from the shared cache, renewed shortly
 * before it expires, renewed once when xpay refuses it, and obtained by one authentication at a
 * time (single flight inside the process, the cache's lock across processes).
 */
import type { Logger } from "../../observability/logger.js";
import type { XpayToken, XpayTokenCache } from "./token-cache.js";

export interface XpayTokenManagerOptions {
  cache: XpayTokenCache;
  /** One call to POST /client/authenticate. */
  authenticate: () => Promise<XpayToken>;
  /** Renew this long before expiresAt (at most half the token's lifetime). */
  refreshMarginMs: number;
  /** How long to wait for another process's authentication before doing it here; also the lock's lifetime. */
  lockWaitMs: number;
  pollMs?: number;
  now?: () => number;
  logger?: Logger;
}

export class XpayTokenManager {
  private inflight: Promise<XpayToken> | undefined;
  private readonly now: () => number;

  constructor(private readonly opts: XpayTokenManagerOptions) {
    this.now = opts.now ?? Date.now;
  }

  /**
   * A token to call xpay with. `refused` is a token xpay has just answered 401 to: it is dropped
   * from the cache and never handed out again from there.
   */
  async token(refused?: string): Promise<string> {
    const cached = await this.read();
    if (cached && this.usable(cached, refused)) return cached.token;
    if (refused !== undefined && cached?.token === refused) await this.quietly("delete", () => this.opts.cache.delete(refused));
    // A caller holding a refused token may join an authentication that started before the
    // refusal and still answers that token: it then waits for one more, and takes what xpay gives.
    const join = () =>
      (this.inflight ??= this.obtain(refused).finally(() => {
        this.inflight = undefined;
      }));
    let got = await join();
    if (got.token === refused) got = await join();
    return got.token;
  }

  private async obtain(refused: string | undefined): Promise<XpayToken> {
    const deadline = this.now() + this.opts.lockWaitMs;
    for (;;) {
      const release = await this.lock();
      if (release) {
        try {
          // Another process may have stored a token while we asked for the lock.
          const cached = await this.read();
          if (cached && this.usable(cached, refused)) return cached;
          return await this.authenticateAndStore();
        } finally {
          await this.quietly("unlock", release);
        }
      }
      // Someone else is authenticating: wait for their token, but not forever.
      if (this.now() >= deadline) return this.authenticateAndStore();
      await sleep(this.opts.pollMs ?? 50);
      const cached = await this.read();
      if (cached && this.usable(cached, refused)) return cached;
    }
  }

  private async authenticateAndStore(): Promise<XpayToken> {
    const fresh = await this.opts.authenticate();
    const left = fresh.expiresAt - this.now();
    const ttl = left - Math.min(this.opts.refreshMarginMs, left / 2);
    if (ttl > 0) await this.quietly("set", () => this.opts.cache.set(fresh, ttl));
    return fresh;
  }

  private usable(t: XpayToken, refused: string | undefined): boolean {
    return t.token !== refused && t.expiresAt > this.now();
  }

  /** No lock in the cache, or the cache failing: go ahead (this process's single flight still holds). */
  private async lock(): Promise<(() => Promise<void>) | undefined> {
    const lock = this.opts.cache.lock;
    if (!lock) return async () => undefined;
    try {
      return await lock.call(this.opts.cache, this.opts.lockWaitMs);
    } catch (e) {
      this.warn("lock", e);
      return async () => undefined;
    }
  }

  private async read(): Promise<XpayToken | undefined> {
    try {
      return await this.opts.cache.get();
    } catch (e) {
      this.warn("get", e);
      return undefined;
    }
  }

  /** A failing cache costs an extra authentication, never a deposit. */
  private async quietly(op: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
    } catch (e) {
      this.warn(op, e);
    }
  }

  private warn(op: string, e: unknown): void {
    // Only the error's name and code: a cache client's message might quote what it was given.
    const err = e as { name?: unknown; code?: unknown };
    this.opts.logger?.warn({ provider: "xpay", op, error: String(err?.name ?? "Error"), code: err?.code }, "xpay token cache failed");
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
