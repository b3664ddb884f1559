import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queueNotifier } from "../../src/jobs/notifier.js";
import type { BotMessage, FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { ADMIN_ID, startHarness, type Harness } from "../support/harness.js";

async function waitUntil(what: string, cond: () => boolean | Promise<boolean>, timeoutMs: number, stepMs = 50) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** Prometheus text → value of one sample, by name and exact labels (undefined when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    const m = /^([a-zA-Z_:][\w:]*)\{([^}]*)\}\s+(\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const got = Object.fromEntries([...m[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.keys(labels).length === Object.keys(got).length && Object.entries(labels).every(([k, v]) => got[k] === v))
      return Number(m[3]);
  }
  return undefined;
}

describe.skipIf(!redisAvailable || !postgresAvailable)(
  "notifications: durable across restarts, paced to Telegram's limits, measured",
  () => {
    let h: Harness;
    beforeAll(async () => {
      // Telegram-like flood limits in the fake (1/s per chat after a burst of 3, 30/s overall).
      h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase(), telegram: { rateLimits: {} } });
    });
    afterAll(() => h?.close());

    /** The app's notifier (the same queueNotifier createApp builds) over the current process's queues. */
    const notifier = () => queueNotifier(h.app.queues, [ADMIN_ID]);
    const depth = () => h.app.queues.depth("notifications");
    const texts = (u: FakeUser) => u.messages().map((m: BotMessage) => m.text);

    function users(from: number, n: number): FakeUser[] {
      return Array.from({ length: n }, (_, i) => h.telegram.user({ id: from + i, first_name: `U${from + i}`, language_code: "en" }));
    }

    /** Every user got exactly these texts, once each, and nothing else. */
    function expectExactlyOnce(list: FakeUser[], expected: (u: FakeUser) => string[]) {
      const wrong = list
        .map((u) => ({ id: u.id, got: texts(u).sort(), want: expected(u).sort() }))
        .filter((x) => JSON.stringify(x.got) !== JSON.stringify(x.want));
      expect(wrong).toEqual([]);
    }

    it("delivers every notification queued before a stop exactly once after the restart", async () => {
      const list = users(7001, 40);
      const PER_USER = 3;
      const expected = (u: FakeUser) => Array.from({ length: PER_USER }, (_, k) => `📢 restart-1 #${k} for ${u.id}`);
      const n = notifier();
      await Promise.all(
        list.flatMap((u) =>
          Array.from({ length: PER_USER }, (_, k) =>
            n.notifyUser({
              userId: u.id,
              key: "broadcast-message",
              args: { text: `restart-1 #${k} for ${u.id}` },
              dedupeKey: `t:restart-1:${u.id}:${k}`,
            }),
          ),
        ),
      );
      const queued = await depth();
      const sentBefore = list.reduce((s, u) => s + u.messages().length, 0);
      expect(queued).toBeGreaterThan(0);
      await h.restart();

      await waitUntil("every restart-1 notification", () => list.every((u) => u.messages().length >= PER_USER), 20_000);
      await waitUntil("an empty queue", async () => (await depth()) === 0, 5_000);
      await new Promise((r) => setTimeout(r, 300));
      expect(sentBefore).toBeLessThan(list.length * PER_USER);
      expectExactlyOnce(list, expected);
    });

    it("loses and doubles nothing when Telegram answers 429 and 500 around a restart", async () => {
      const list = users(7101, 20);
      const PER_USER = 2;
      const expected = (u: FakeUser) => Array.from({ length: PER_USER }, (_, k) => `📢 restart-2 #${k} for ${u.id}`);
      const before429 = h.telegram.stats.tooManyRequests.total;
      h.telegram.failNext("sendMessage", {
        error_code: 429,
        description: "Too Many Requests: retry after 2",
        parameters: { retry_after: 2 },
      });
      h.telegram.failNext("sendMessage", { error_code: 500, description: "Internal Server Error" }, 2);
      const n = notifier();
      for (let k = 0; k < PER_USER; k++) {
        await Promise.all(
          list.map((u) =>
            n.notifyUser({
              userId: u.id,
              key: "broadcast-message",
              args: { text: `restart-2 #${k} for ${u.id}` },
              dedupeKey: `t:restart-2:${u.id}:${k}`,
            }),
          ),
        );
      }
      // The 429 has paused the queue: stop the bot in the middle of it.
      await waitUntil("the injected 429", () => h.telegram.stats.tooManyRequests.total > before429, 5_000, 10);
      expect(await depth()).toBeGreaterThan(0);
      await h.restart();

      await waitUntil("every restart-2 notification", () => list.every((u) => u.messages().length >= PER_USER), 20_000);
      await waitUntil("an empty queue", async () => (await depth()) === 0, 10_000);
      await new Promise((r) => setTimeout(r, 300));
      expectExactlyOnce(list, expected);
    });

    it("holds only the chat Telegram answered 429 for: every other reseller's push goes out at once", async () => {
      const [slow, ...others] = users(7301, 6);
      const n = notifier();
      const before429 = h.telegram.stats.tooManyRequests.total;
      h.telegram.failNext("sendMessage", {
        error_code: 429,
        description: "Too Many Requests: retry after 5",
        parameters: { retry_after: 5 },
      });
      await n.notifyUser({ userId: slow!.id, key: "broadcast-message", args: { text: "held" }, dedupeKey: "t:hold:slow" });
      await waitUntil("the chat's 429", () => h.telegram.stats.tooManyRequests.total > before429, 5_000, 10);
      const queued = Date.now();
      await Promise.all(
        others.map((u) =>
          n.notifyUser({ userId: u.id, key: "broadcast-message", args: { text: `free ${u.id}` }, dedupeKey: `t:hold:${u.id}` }),
        ),
      );
      await waitUntil("the other chats' pushes", () => others.every((u) => u.messages().length === 1), 10_000, 10);
      expect(Date.now() - queued).toBeLessThan(2_000);
      expect(slow!.messages()).toHaveLength(0);
      await waitUntil("the held chat's push, after its retry_after", () => slow!.messages().length === 1, 10_000);
      expect(texts(slow!)).toEqual(["📢 held"]);
    });

    it("sends 300 notifications queued at once at Telegram's pace: none lost, few or no 429s", async () => {
      const list = users(8001, 300);
      const sent = new Map<number, number>();
      const ok = (chat: number) => sent.set(chat, (sent.get(chat) ?? 0) + 1);
      const off = h.telegram.onCall((call) => {
        if (call.method === "sendMessage" && call.response?.ok) ok(Number(call.payload.chat_id));
      });
      try {
        const before429 = h.telegram.stats.tooManyRequests.total;
        const n = notifier();
        const t0 = Date.now();
        await Promise.all(
          list.map((u) =>
            n.notifyUser({ userId: u.id, key: "broadcast-message", args: { text: `bulk for ${u.id}` }, dedupeKey: `t:bulk:${u.id}` }),
          ),
        );
        await waitUntil("300 deliveries", () => list.every((u) => (sent.get(u.id) ?? 0) >= 1), 25_000);
        const elapsed = Date.now() - t0;
        await waitUntil("an empty queue", async () => (await depth()) === 0, 5_000);
        const tooMany = h.telegram.stats.tooManyRequests.total - before429;
        console.info(`300 notifications: ${elapsed} ms, ${tooMany} × 429`);
        expectExactlyOnce(list, (u) => [`📢 bulk for ${u.id}`]);
        expect(list.every((u) => sent.get(u.id) === 1)).toBe(true);
        // Paced at Telegram's 30/s (6 per 200 ms): at least 49 windows, about 10 s, and the fake rarely has to refuse.
        expect(elapsed).toBeGreaterThan(9_000);
        expect(tooMany).toBeLessThanOrEqual(5);
      } finally {
        off();
      }
    }, 40_000);

    it("shows webhook deliveries by provider and outcome, notifications, queue depths and order states on /metrics", async () => {
      const s = h.app.services;
      const u = await h.reseller(9001);
      await h.credit(u.id, 20_000, "MMK");
      const product = (await s.catalog.product("xinstitute", "SPOTIFY_1M"))!;
      const draft = await s.drafts.create(u.id, product, await s.catalog.price(product, "member"), { email: "m@example.com", quantity: 1 });
      const out = await s.orders.place(draft.id, u.id);
      expect(out.kind).toBe("placed");
      const order = (out as { order: { providerOrderId?: string } }).order;
      const seen = u.messages().length;
      const delivery = await h.xinstitute.control.ship(order.providerOrderId!, { trackingInfo: "TRK-METRICS" });
      expect((await h.xinstitute.control.redeliver(delivery.index)).status).toBe(200);
      const body = delivery.body;
      const bad = await fetch(`${h.url}/webhooks/xinstitute`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Webhook-Signature": createHmac("sha256", "wrong").update(body).digest("hex") },
        body,
      });
      expect(bad.status).toBe(401);
      await u.waitForMessage({ match: /TRK-METRICS/, after: seen });
      await waitUntil("an empty queue", async () => (await depth()) === 0, 5_000);

      const res = await fetch(`${h.url}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/text\/plain/);
      const text = await res.text();
      expect(sample(text, "webhook_deliveries_total", { provider: "xinstitute", outcome: "applied" })).toBe(1);
      expect(sample(text, "webhook_deliveries_total", { provider: "xinstitute", outcome: "duplicate" })).toBe(1);
      expect(sample(text, "webhook_deliveries_total", { provider: "xinstitute", outcome: "bad_signature" })).toBe(1);
      // Counted by this process since the last restart: the 300 bulk ones and the shipment.
      expect(sample(text, "notifications_total", { outcome: "delivered" })).toBeGreaterThanOrEqual(301);
      expect(sample(text, "notifications_total", { outcome: "failed" }) ?? 0).toBe(0);
      for (const queue of ["notifications", "status-polls", "reconcile"]) expect(sample(text, "queue_depth", { queue })).toBe(0);
      expect(sample(text, "orders_transitions_total", { provider: "xinstitute", state: "processing" })).toBe(1);
      expect(sample(text, "orders_transitions_total", { provider: "xinstitute", state: "shipped" })).toBe(1);
      // The shipped order no longer waits on anything; none is pending or unknown.
      for (const state of ["pending", "processing", "unknown"]) expect(sample(text, "orders_open", { state })).toBe(0);
      expect(sample(text, "ledger_entries_amount", { currency: "MMK", type: "debit" })).toBe(-4_950);
    });

    // Last: the backlog is still draining (1/s) when the file ends.
    it("paces a backlog in one chat at 1/s without letting it slow the other chats down", async () => {
      const busy = h.telegram.user({ id: 9500, first_name: "Busy", language_code: "en" });
      const others = users(9601, 50);
      const n = notifier();
      const BACKLOG = 60;
      for (let i = 0; i < BACKLOG; i++) {
        await n.notifyUser({ userId: busy.id, key: "broadcast-message", args: { text: `backlog ${i}` }, dedupeKey: `t:backlog:${i}` });
      }
      // The backlog is under way (about 1/s) before the others are queued.
      await waitUntil("the backlog to start", () => busy.messages().length >= 3, 10_000);
      const before429 = h.telegram.stats.tooManyRequests.total;
      const t0 = Date.now();
      await Promise.all(
        others.map((u) =>
          n.notifyUser({ userId: u.id, key: "broadcast-message", args: { text: `quick for ${u.id}` }, dedupeKey: `t:quick:${u.id}` }),
        ),
      );
      await waitUntil("50 notifications to other chats", () => others.every((u) => u.messages().length >= 1), 15_000);
      const elapsed = Date.now() - t0;
      console.info(`50 notifications behind a ${BACKLOG}-message backlog in one chat: ${elapsed} ms`);
      // 50 at 25/s is 2 s: the busy chat's waiting jobs must not keep spending the global budget
      // (each of them did, once a second, before chatPacer: then this took about 4 s).
      expect(elapsed).toBeLessThan(3_000);
      expect(h.telegram.stats.tooManyRequests.total - before429).toBeLessThanOrEqual(2);
      // The busy chat: each message once, never more than one per clock second (so any three
      // consecutive ones span at least a second), and Telegram never had to refuse one.
      const got = texts(busy);
      expect(new Set(got).size).toBe(got.length);
      expect(got.every((t) => /^📢 backlog \d+$/.test(t))).toBe(true);
      const sends = h.telegram.calls("sendMessage").filter((c) => Number(c.payload.chat_id) === busy.id);
      expect(sends.filter((c) => !c.response?.ok)).toHaveLength(0);
      const times = sends.map((c) => c.at);
      for (let i = 2; i < times.length; i++) expect(times[i]! - times[i - 2]!).toBeGreaterThanOrEqual(1_000);
    }, 30_000);
  },
);
