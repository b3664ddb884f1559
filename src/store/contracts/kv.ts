/** The key-value side (Redis, or memory): small ephemeral values, not records. */

/** Small key-value needs: caches, drafts, settings, dedupe markers, locks. */
export interface Kv {
  getJson<T>(key: string): Promise<T | undefined>;
  setJson(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Sets only when absent; true when this call set it (dedupe, locks). */
  setIfAbsent(key: string, value: string, ttlMs?: number): Promise<boolean>;
  /** Deletes the key only while it still holds `value` (a lock released by its owner only); true when it did. */
  deleteIf(key: string, value: string): Promise<boolean>;
  del(key: string): Promise<void>;
  /**
   * Atomically adds to a counter field of a hash-like record; returns the new value. With ttlMs
   * the whole record expires that long after this call (fixed-window rate limits).
   */
  incr(key: string, field: string, by?: number, ttlMs?: number): Promise<number>;
  counters(key: string): Promise<Record<string, number>>;
}
