import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkCallbackUrl, guardedPost } from "../../src/lib/guarded-fetch.js";
import { signBody } from "../../src/jobs/callbacks.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freePort } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, type Harness } from "../support/harness.js";

interface Received {
  body: string;
  signature?: string;
  timestamp?: string;
  answered: number;
}

/** A real HTTP receiver on a fixed port: started and stopped by the test, answering `status` (a function of the request count). */
function receiver(port: number, answer: (n: number) => number) {
  const got: Received[] = [];
  let server: Server | undefined;
  return {
    got,
    url: `http://127.0.0.1:${port}/hooks/orders`,
    up: () =>
      new Promise<void>((resolve) => {
        server = createServer((req, res) => {
          let body = "";
          req.on("data", (d) => (body += String(d)));
          req.on("end", () => {
            const status = answer(got.length);
            got.push({
              body,
              signature: req.headers["x-signature"] as string,
              timestamp: req.headers["x-timestamp"] as string,
              answered: status,
            });
            res.writeHead(status).end();
          });
        });
        server.listen(port, "127.0.0.1", () => resolve());
      }),
    down: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
}

const parse = (r: Received) =>
  JSON.parse(r.body) as { event_id: string; type: string; order: { id: string; status: string; ref_id: string } };

describe.skipIf(!redisAvailable || !postgresAvailable)("API callbacks to a real local receiver", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      env: { API_CALLBACK_ALLOW_PRIVATE: "true" },
      timings: {
        pollDelaysMs: [150, 150, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300],
        callbacks: { retryDelaysMs: [200, 400, 800], sweepEveryMs: 1_000 },
      },
    });
  });
  afterAll(() => h?.close());

  it("a receiver that is down, then failing, then up gets every event in order, signed, each event_id the same on every retry", async () => {
    const u = await h.reseller(9100);
    await h.credit(u.id, 100_000, "IDR");
    const { key, secret } = await h.app.api.keys.issue(u.id);
    const port = await freePort();
    // Two 503s once it is up, then 200s.
    const r = receiver(port, (n) => (n < 2 ? 503 : 200));
    await h.app.api.keys.patchSettings(u.id, { callbackUrl: r.url });

    const res = await fetch(`${h.url}/api/v1/orders`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ ref_id: "cb-1", product_id: "gametopup:1", player_id: "12345678", zone: "2001" }),
    });
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await expect.poll(async () => (await h.app.store.orders.get(id))?.state, { timeout: 5_000 }).toBe("processing");
    const trx = (await h.app.store.orders.get(id))!.providerOrderId!;
    h.gametopup.control.setTransactionStatus(trx, "Success", "Pembelian berhasil", "Player123");
    await expect.poll(async () => (await h.app.store.orders.get(id))?.state, { timeout: 10_000 }).toBe("completed");

    // Down: nothing could be delivered, and /api's "last callback" says so.
    await expect
      .poll(async () => (await h.app.api.keys.settings(u.id)).lastCallback, { timeout: 5_000 })
      .toMatchObject({ ok: false, error: "unreachable" });
    expect(r.got).toHaveLength(0);

    await r.up();
    try {
      await expect.poll(() => r.got.filter((g) => g.answered === 200).length, { timeout: 15_000 }).toBe(2);
      const delivered = r.got.filter((g) => g.answered === 200).map(parse);
      expect(delivered.map((e) => e.order.status)).toEqual(["processing", "completed"]);
      expect(delivered.every((e) => e.type === "order.updated" && e.order.id === id && e.order.ref_id === "cb-1")).toBe(true);
      // The failed attempts were of the first event (later ones wait behind it), with the same id and bytes.
      const failed = r.got.filter((g) => g.answered === 503);
      expect(failed.map((g) => parse(g).event_id)).toEqual([delivered[0]!.event_id, delivered[0]!.event_id]);
      expect(new Set(failed.map((g) => g.body)).size).toBe(1);
      for (const g of r.got) {
        expect(g.signature).toBe(`sha256=${createHmac("sha256", secret).update(g.body).digest("hex")}`);
        expect(Number(g.timestamp)).toBeGreaterThan(1_700_000_000);
      }
      expect((await h.app.api.keys.settings(u.id)).lastCallback).toMatchObject({ ok: true, status: 200 });
      // Nothing more is sent once everything is delivered.
      await new Promise((done) => setTimeout(done, 1_500));
      expect(r.got).toHaveLength(4);
    } finally {
      await r.down();
    }
  }, 40_000);

  it("/api url sets the URL with a signed test ping and says what the receiver answered", async () => {
    const u = await h.reseller(9300);
    const { secret } = await h.app.api.keys.issue(u.id);
    const port = await freePort();
    const r = receiver(port, () => 204);
    await r.up();
    try {
      await u.send(`/api url ${r.url}`);
      await u.waitForMessage({ match: /Test ping: ✅ answered HTTP 204/ });
      const ping = JSON.parse(r.got[0]!.body) as { type: string; event_id: string };
      expect(ping.type).toBe("ping");
      expect(r.got[0]!.signature).toBe(signBody(secret, r.got[0]!.body));
    } finally {
      await r.down();
    }
    expect((await h.app.api.keys.settings(u.id)).callbackUrl).toBe(r.url);
    await u.send(`/api url http://127.0.0.1:${port}/gone`);
    await u.waitForMessage({ match: /Test ping: ❌ could not connect/ });
  });

  it("API orders stay out of the chat unless the reseller turns pushes on", async () => {
    const u = await h.reseller(9200);
    await h.credit(u.id, 100_000, "IDR");
    const { key } = await h.app.api.keys.issue(u.id);
    h.gametopup.control.answerNextOrderWith("Success");
    const res = await fetch(`${h.url}/api/v1/orders`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ ref_id: "quiet", product_id: "gametopup:1", player_id: "12345678" }),
    });
    const { id } = (await res.json()) as { id: string };
    await expect.poll(async () => (await h.app.store.orders.get(id))?.state, { timeout: 5_000 }).toBe("completed");
    await new Promise((done) => setTimeout(done, 500));
    expect(u.messages().filter((m) => m.text.includes(id))).toHaveLength(0);

    await h.app.api.keys.patchSettings(u.id, { notifyInChat: true });
    h.gametopup.control.answerNextOrderWith("Success");
    const loud = await fetch(`${h.url}/api/v1/orders`, {
      method: "POST",
      headers: { Authorization: `Bearer ${key}`, "Content-Type": "application/json" },
      body: JSON.stringify({ ref_id: "loud", product_id: "gametopup:1", player_id: "12345678" }),
    });
    const second = ((await loud.json()) as { id: string }).id;
    await u.waitForMessage({ match: new RegExp(second) });
  }, 20_000);
});

describe("the callback SSRF guard", () => {
  it("refuses non-https, loopback, private, link-local and metadata addresses unless private ones are allowed", async () => {
    expect(await checkCallbackUrl("http://93.184.216.34/cb", false)).toEqual({ ok: false, reason: "not_https" });
    expect(await checkCallbackUrl("not a url", false)).toEqual({ ok: false, reason: "bad_url" });
    expect(await checkCallbackUrl("https://user:pw@93.184.216.34/", false)).toEqual({ ok: false, reason: "bad_url" });
    for (const url of [
      "https://127.0.0.1/cb",
      "https://10.0.0.5/cb",
      "https://192.168.1.1/cb",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/cb",
      "https://[fd00:ec2::254]/",
      "https://localhost/cb",
    ]) {
      expect(await checkCallbackUrl(url, false), url).toEqual({ ok: false, reason: "blocked_address" });
    }
    expect(await checkCallbackUrl("https://93.184.216.34/cb", false)).toEqual({ ok: true, url: "https://93.184.216.34/cb" });
    expect(await checkCallbackUrl("http://127.0.0.1:9/cb", true)).toMatchObject({ ok: true });
  });

  it("checks again at connect time: a name resolving to loopback is refused by the socket's own lookup", async () => {
    const port = await freePort();
    const r = receiver(port, () => 200);
    await r.up();
    try {
      const body = '{"x":1}';
      const sig = { "X-Signature": signBody("whsec_test", body) };
      expect(await guardedPost(`http://localhost:${port}/`, body, sig, { timeoutMs: 2_000, allowPrivate: false })).toEqual({
        ok: false,
        error: "blocked_address",
      });
      expect(await guardedPost(`http://127.0.0.1:${port}/`, body, sig, { timeoutMs: 2_000, allowPrivate: false })).toEqual({
        ok: false,
        error: "blocked_address",
      });
      expect(r.got).toHaveLength(0);
      expect(await guardedPost(`http://127.0.0.1:${port}/`, body, sig, { timeoutMs: 2_000, allowPrivate: true })).toEqual({
        ok: true,
        status: 200,
      });
      expect(r.got[0]?.signature).toBe(`sha256=${createHmac("sha256", "whsec_test").update(body).digest("hex")}`);
    } finally {
      await r.down();
    }
  });
});
