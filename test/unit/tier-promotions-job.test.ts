import { afterEach, describe, expect, it, vi } from "vitest";
import { startTierPromotions } from "../../src/jobs/tier-promotions.js";
import { createLogger } from "../../src/observability/logger.js";
import { memoryKv } from "../../src/store/memory/index.js";

describe("the daily tier pass", () => {
  afterEach(() => vi.useRealTimers());
  it("runs once a day however many processes tick", async () => {
    vi.useFakeTimers();
    const kv = memoryKv();
    let runs = 0;
    const growth = { promoteAll: async () => ++runs };
    const logger = createLogger({ level: "silent" });
    const stops = [1, 2, 3].map(() => startTierPromotions({ growth, kv, logger, everyMs: 1000 }));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    expect(runs).toBe(2);
    for (const stop of stops) stop();
  });
});
