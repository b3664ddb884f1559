/** Latencies in fixed memory: 10 µs bins up to 2 s, the rest in the last bin (a bot under a memory benchmark must not grow because of its own probe). */
export class Histogram {
  private static readonly BIN_MS = 0.01;
  private readonly bins = new Uint32Array(200_000);
  count = 0;

  add(ms: number): void {
    this.bins[Math.min(this.bins.length - 1, Math.floor(ms / Histogram.BIN_MS))]!++;
    this.count++;
  }

  /** The upper edge of the bin holding the p-th percentile, in ms. */
  percentile(p: number): number {
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.bins.length; i++) {
      seen += this.bins[i]!;
      if (seen >= rank && seen > 0) return (i + 1) * Histogram.BIN_MS;
    }
    return NaN;
  }

  reset(): void {
    this.bins.fill(0);
    this.count = 0;
  }
}
