import { describe, expect, it } from "vitest";
import { UpdateQueue } from "../fakes/telegram/updates.js";

const signal = new AbortController().signal;
const message = (text: string) => ({ message: { text } }) as never;
const poll = (q: UpdateQueue, offset: number, limit = 100) => q.getUpdates({ offset, limit, timeout: 0, signal });

describe("fake Bot API update queue", () => {
  it("confirms by offset, answers in id order and at most `limit`", async () => {
    const q = new UpdateQueue();
    for (let i = 0; i < 5; i++) q.push(message(`m${i}`));
    q.push({ message: { text: "early" }, update_id: 0 } as never);
    expect((await poll(q, 0, 3)).map((u) => u.update_id)).toEqual([0, 1, 2]);
    expect((await poll(q, 3, 10)).map((u) => u.update_id)).toEqual([3, 4, 5]);
    expect(q.size).toBe(3);
    expect(await poll(q, 6)).toEqual([]);
    expect(q.size).toBe(0);
  });

  it("never delivers what allowed_updates leaves out, and does not count it as pending", async () => {
    const q = new UpdateQueue();
    q.setAllowed(["message"]);
    q.push({ callback_query: { id: "1" } } as never);
    q.push(message("a"));
    q.push({ callback_query: { id: "2" } } as never);
    q.push(message("b"));
    expect((await poll(q, 0, 1)).map((u) => u.message?.text)).toEqual(["a"]);
    expect(q.size).toBe(2);
    expect((await poll(q, 0)).map((u) => u.message?.text)).toEqual(["a", "b"]);
  });

  it("costs a poll its batch, not the backlog", async () => {
    const q = new UpdateQueue();
    for (let i = 0; i < 50_000; i++) q.push(message(String(i)));
    const ops = { scanned: 0 };
    const realKeys = Object.keys;
    // Counts the type checks one poll makes over the 50,000 queued updates.
    Object.keys = ((o: object) => {
      ops.scanned++;
      return realKeys(o);
    }) as typeof Object.keys;
    try {
      await poll(q, 101, 100);
    } finally {
      Object.keys = realKeys;
    }
    expect(ops.scanned).toBeLessThanOrEqual(100);
  });
});
