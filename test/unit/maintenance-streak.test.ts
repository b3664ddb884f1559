import { describe, expect, it } from "vitest";
import { createFailureStreaks } from "../../src/domain/maintenance-streak.js";
import { upSignal } from "../../src/providers/health.js";
import { memoryKv } from "../../src/store/memory/index.js";

describe("the failure streak", () => {
  it("reaches the threshold only with failures in a row", async () => {
    const s = createFailureStreaks({ kv: memoryKv(), threshold: 3 });
    expect(await s.record("gametopup", "failure")).toEqual({ count: 1, reached: false });
    expect(await s.record("gametopup", "failure")).toEqual({ count: 2, reached: false });
    expect(await s.record("gametopup", "answer")).toEqual({ count: 0, reached: false });
    await s.record("gametopup", "failure");
    await s.record("gametopup", "failure");
    expect(await s.record("gametopup", "neither")).toEqual({ count: 2, reached: false });
    expect(await s.record("gametopup", "failure")).toEqual({ count: 3, reached: true });
    expect(await s.record("gametopup", "failure")).toEqual({ count: 4, reached: true });
    // Providers are counted apart.
    expect(await s.count("xinstitute")).toBe(0);
    await s.reset("gametopup");
    expect(await s.count("gametopup")).toBe(0);
  });

  it("forgets a streak left alone past its time to live", async () => {
    const s = createFailureStreaks({ kv: memoryKv(), threshold: 2, ttlMs: 30 });
    await s.record("xen", "failure");
    await new Promise((r) => setTimeout(r, 60));
    expect(await s.record("xen", "failure")).toEqual({ count: 1, reached: false });
  });

  it("counts unreachable, timeouts and 5xx; any answer, 4xx included, ends the streak; held-back calls are neither", () => {
    expect(upSignal("unavailable")).toBe("failure"); // no connection
    expect(upSignal("timeout")).toBe("failure");
    expect(upSignal("unavailable", 503)).toBe("failure");
    expect(upSignal("bad_response", 500)).toBe("failure");
    expect(upSignal("ok")).toBe("answer");
    expect(upSignal("auth", 401)).toBe("answer");
    expect(upSignal("rejected", 400)).toBe("answer");
    expect(upSignal("rate_limited", 429)).toBe("answer");
    expect(upSignal("bad_response", 200)).toBe("answer");
    expect(upSignal("rate_limited")).toBe("neither"); // our own limiter: nothing went out
  });
});
