/**
 * A FIFO sliding-window rate limiter: at most `max` calls in any `windowMs`. Callers queue
 * instead of failing, in arrival order.
 *
 * A slot is taken when a call starts and its window only begins when the call ends. The
 * provider counts a request somewhere between those two instants, so counting from the end
 * can never let more than `max` requests land in any of the provider's windows, whatever the
 * latency.
 *
 * In-process only: with several bot processes each has its own budget, and together they can
 * exceed the provider's limit (the provider's 429 is then honoured through `pause`).
 */
export interface RateLimiterOptions {
  max: number;
  windowMs: number;
}

/** No slot within the caller's patience: the call was not made. */
export class LimiterTimeout extends Error {
  constructor(readonly waitedMs: number) {
    super(`no rate-limit slot within ${waitedMs} ms`);
    this.name = "LimiterTimeout";
  }
}

/** What the HTTP client needs of a limiter: this process's one below, or one shared by every process (shared-limiter.ts). */
export interface Limiter {
  /**
   * Waits for a slot (at most `maxWaitMs`, else LimiterTimeout); call the returned function when
   * the call has finished, or with `false` when the call was never made (another limiter had no
   * slot): the slot is then given back unused, not counted.
   */
  acquire(maxWaitMs?: number): Promise<Release>;
  /** Holds every caller for `ms` (a 429's Retry-After). */
  pause(ms: number): void;
  /** How long a pause still holds callers; 0 when none. */
  readonly pausedForMs: number;
  /** Whether a call now would have to wait (window full or paused); takes nothing. */
  full(): Promise<boolean>;
}

/** Ends a granted slot: `sent` false gives it back unused (nothing went out). */
export type Release = (sent?: boolean) => void;

/** Makes the limiter for one of a provider's documented limits; `name` identifies it across processes. */
export type LimiterFactory = (name: string, opts: RateLimiterOptions) => Limiter;

export const localLimiters: LimiterFactory = (_name, opts) => new RateLimiter(opts);

export class RateLimiter implements Limiter {
  readonly max: number;
  readonly windowMs: number;
  private inFlight = 0;
  /** End times of finished calls still inside the window, oldest first. */
  private finished: number[] = [];
  private queue: Array<() => void> = [];
  private pausedUntil = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(opts: RateLimiterOptions) {
    if (!Number.isInteger(opts.max) || opts.max < 1) throw new RangeError(`bad max ${opts.max}`);
    if (!(opts.windowMs > 0)) throw new RangeError(`bad windowMs ${opts.windowMs}`);
    this.max = opts.max;
    this.windowMs = opts.windowMs;
  }

  /** Runs `fn` once a slot is free. */
  async schedule<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /**
   * Waits for a slot; call the returned function when the call has finished. With `maxWaitMs`,
   * gives up (rejecting with LimiterTimeout, the call never made) when no slot came in time.
   */
  acquire(maxWaitMs?: number): Promise<Release> {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const grant = () => {
        if (timer) clearTimeout(timer);
        this.inFlight++;
        let released = false;
        resolve((sent = true) => {
          if (released) return;
          released = true;
          this.inFlight--;
          if (sent) this.finished.push(Date.now());
          this.pump();
        });
      };
      this.queue.push(grant);
      this.pump();
      if (maxWaitMs !== undefined && this.queue.includes(grant)) {
        timer = setTimeout(
          () => {
            const i = this.queue.indexOf(grant);
            if (i < 0) return;
            this.queue.splice(i, 1);
            reject(new LimiterTimeout(maxWaitMs));
          },
          Math.max(0, maxWaitMs),
        );
      }
    });
  }

  /** Holds every caller for `ms` (a 429's Retry-After). Never shortens an existing pause. */
  pause(ms: number): void {
    if (!(ms > 0)) return;
    this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
    this.pump();
  }

  /** How long a pause (after a 429) still holds callers; 0 when none. */
  get pausedForMs(): number {
    return Math.max(0, this.pausedUntil - Date.now());
  }

  async full(): Promise<boolean> {
    const now = Date.now();
    const recent = this.finished.filter((t) => t > now - this.windowMs).length;
    return now < this.pausedUntil || this.queue.length > 0 || this.inFlight + recent >= this.max;
  }

  /** Callers waiting for a slot. */
  get pending(): number {
    return this.queue.length;
  }

  private pump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    for (;;) {
      const [next] = this.queue;
      if (next === undefined) return;
      const now = Date.now();
      for (let oldest = this.finished[0]; oldest !== undefined && oldest <= now - this.windowMs; oldest = this.finished[0]) {
        this.finished.shift();
      }
      let wakeAt = 0;
      if (now < this.pausedUntil) wakeAt = this.pausedUntil;
      else if (this.inFlight + this.finished.length >= this.max) {
        // Full: if everything is in flight, a release will pump; otherwise wake when the oldest expires.
        const [oldest] = this.finished;
        if (oldest === undefined) return;
        wakeAt = oldest + this.windowMs;
      }
      if (wakeAt > 0) {
        this.timer = setTimeout(() => this.pump(), Math.max(1, wakeAt - now));
        return;
      }
      this.queue.shift();
      next();
    }
  }
}
