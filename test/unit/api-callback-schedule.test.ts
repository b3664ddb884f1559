import { describe, expect, it } from "vitest";
import { apiCallbacks, DEFAULT_CALLBACK_TIMINGS } from "../../src/jobs/callbacks.js";
import { memoryQueues } from "../../src/jobs/memory.js";
import { RetryLater } from "../../src/jobs/types.js";
import { createLogger } from "../../src/observability/logger.js";
import { memoryKv, memoryRecords } from "../../src/store/memory/index.js";
import { freePort } from "../support/process.js";

const logger = createLogger({ level: "silent" });

describe("the callback back-off", () => {
  it("outlasts a receiver down for 10 minutes within the first attempts, and keeps trying for 24 h", () => {
    const delays = DEFAULT_CALLBACK_TIMINGS.retryDelaysMs;
    const sum = (n: number) => delays.slice(0, n).reduce((a, b) => a + b, 0);
    // Down for 10 minutes: an attempt falls after it well before the schedule reaches its hourly pace.
    expect(sum(6)).toBeGreaterThan(10 * 60_000);
    expect(delays.at(-1)).toBeLessThanOrEqual(3_600_000);
    expect(DEFAULT_CALLBACK_TIMINGS.giveUpAfterMs).toBe(24 * 3_600_000);
    expect(DEFAULT_CALLBACK_TIMINGS.timeoutMs).toBe(10_000);
  });

  it("waits its back-off after a failure, then gives an event up once it is 24 h old, and goes on with the next", async () => {
    const records = memoryRecords();
    const queues = memoryQueues(logger);
    const callbacks = apiCallbacks({ api: records.api, queues, kv: memoryKv(), logger, allowPrivate: true });
    const url = `http://127.0.0.1:${await freePort()}/gone`;
    await records.api.replaceKey({ id: "k", resellerId: 5, keyHash: "h", keyHint: "x", callbackSecret: "whsec_x", createdAt: 1 });
    await records.api.patchSettings(5, { callbackUrl: url });
    const event = (seq: number, createdAt: number) => ({
      eventId: `evt_R1_${seq}`,
      orderId: "R1",
      resellerId: 5,
      seq,
      body: "{}",
      createdAt,
      attempts: 0,
    });
    await records.api.addEvent(event(1, Date.now()));
    const first = await callbacks.deliver("R1").catch((err: unknown) => err);
    expect(first).toBeInstanceOf(RetryLater);
    expect((first as RetryLater).delayMs).toBe(DEFAULT_CALLBACK_TIMINGS.retryDelaysMs[0]);
    expect((await records.api.settings(5)).lastCallback).toMatchObject({ ok: false, error: "unreachable", eventId: "evt_R1_1" });

    const old = Date.now() - DEFAULT_CALLBACK_TIMINGS.giveUpAfterMs - 1;
    const records2 = memoryRecords();
    const again = apiCallbacks({ api: records2.api, queues, kv: memoryKv(), logger, allowPrivate: true });
    await records2.api.replaceKey({ id: "k", resellerId: 5, keyHash: "h", keyHint: "x", callbackSecret: "whsec_x", createdAt: 1 });
    await records2.api.patchSettings(5, { callbackUrl: url });
    await records2.api.addEvent(event(1, old));
    await records2.api.addEvent(event(2, old));
    await again.deliver("R1");
    expect(await records2.api.openEvents("R1")).toEqual([]);
    await queues.close();
  });
});
