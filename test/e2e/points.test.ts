import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoggedRequest } from "../../src/sandbox/index.js";
import type { PointsAwardRecord } from "../../src/store/types.js";
import type { FakeUser } from "../fakes/telegram/index.js";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { waitFor } from "../support/process.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, tap, type Harness } from "../support/harness.js";

const POINTS = 10;

describe.skipIf(!redisAvailable || !postgresAvailable)("vifox loyalty points (real PostgreSQL and Redis, the vifox fake)", () => {
  let h: Harness;
  let redisUrl: string;
  let nextId = 7000;
  beforeAll(async () => {
    redisUrl = await freshRedisDb();
    h = await startHarness({
      redisUrl,
      databaseUrl: await freshDatabase(),
      env: { VIFOX_POINTS_PER_ORDER: String(POINTS) },
      timings: { points: { retryDelaysMs: [250, 500], sweep: { everyMs: 300, quietMs: 200 } } },
    });
  });
  afterAll(() => h?.close());

  const s = () => h.app.services;
  const award = async (orderId: string) => h.app.store.awards.get(orderId);
  const awardIn = (orderId: string, state: PointsAwardRecord["state"], timeoutMs = 8000) =>
    waitFor(
      async () => ((await award(orderId))?.state === state ? (await award(orderId))! : undefined),
      timeoutMs,
      `award of ${orderId} to be ${state}`,
    );
  /** The fake's /points requests for one e-mail, in order. */
  const pointsCalls = (email: string) =>
    h.vifox.control
      .requests("points")
      .filter((r: LoggedRequest) => (r.body as { users?: { email: string }[] })?.users?.[0]?.email === email);
  const txId = (r: LoggedRequest) => r.headers["x-transaction-id"];
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** A reseller whose e-mail vifox already knows (registered earlier). */
  async function registeredReseller(email: string, opts: { knownAtVifox?: boolean } = {}): Promise<FakeUser> {
    const u = await h.reseller(nextId++);
    await h.app.store.users.patch(u.id, { email, pointsRegisteredAt: Date.now() });
    if (opts.knownAtVifox !== false) h.vifox.control.addUser({ email });
    return u;
  }

  /** A game top-up for the reseller, placed without the chat (the chat flow is not the point here). */
  async function topup(userId: number) {
    await h.credit(userId, 50_000, "IDR");
    const product = (await s().catalog.product("gametopup", "1"))!;
    const draft = await s().drafts.create(userId, product, await s().catalog.price(product, "member"), {
      playerId: "12345678",
      zone: "2001",
    });
    const out = await s().orders.place(draft.id, userId);
    if (out.kind !== "placed") throw new Error(`not placed: ${out.kind}`);
    return out.order;
  }

  /** A top-up that gametopup reports as Success (the status poll applies it). */
  async function completedTopup(u: FakeUser) {
    const order = await topup(u.id);
    h.gametopup.control.setTransactionStatus(order.providerOrderId!, "Success", "Pembelian berhasil", "Player");
    await waitFor(
      async () => ((await h.app.store.orders.get(order.id))?.state === "completed" ? true : undefined),
      8000,
      "the top-up to complete",
    );
    return order;
  }

  const awardedMessages = (u: FakeUser) => u.messages().filter((m) => /loyalty points for order/.test(m.text));
  /** One award message arrives, and no second one in the time a chat's next message would take (1 s pacing). */
  async function exactlyOneAwardMessage(u: FakeUser) {
    await waitFor(async () => (awardedMessages(u).length > 0 ? true : undefined), 5000, "the award message");
    await sleep(1300);
    expect(awardedMessages(u)).toHaveLength(1);
  }

  it("asks for the e-mail on the first /points, refuses garbage, registers it, awards a completed top-up and shows points and history", async () => {
    const u = await h.reseller(nextId++);
    await u.send("/points");
    await u.waitForMessage({ match: /your own e-mail address/ });
    for (const garbage of ["not-an-email", "a@b", "two words@example.com"]) {
      const seen = u.messages().length;
      await u.send(garbage);
      await u.waitForMessage({ match: /does not look like an e-mail address/, after: seen });
    }
    expect((await h.app.store.users.get(u.id))?.email).toBeUndefined();
    await u.send("Dewi.Reseller@Example.com");
    await u.waitForMessage({ match: /Saved: .*dewi\.reseller@example\.com/ });
    await u.waitForMessage({ match: /is registered for loyalty points/ });
    expect(h.vifox.control.user("dewi.reseller@example.com")).toBeDefined();
    expect((await h.app.store.users.get(u.id))?.pointsRegisteredAt).toBeGreaterThan(0);
    const registration = h.vifox.control.requests("users").at(-1)!;
    expect(txId(registration)).toMatch(/^harness_\d{10}$/);

    const order = await completedTopup(u);
    await u.waitForMessage({ match: new RegExp(`\\+${POINTS}.*loyalty points for order.*${order.id}`), after: 0 });
    const done = await awardIn(order.id, "awarded");
    expect(txId(pointsCalls("dewi.reseller@example.com")[0]!)).toBe(done.transactionId);
    expect(h.vifox.control.user("dewi.reseller@example.com")?.points).toBe(POINTS);

    const seen = u.messages().length;
    await u.send("/points");
    const view = await u.waitForMessage({ match: /Loyalty points/, after: seen });
    expect(view.text).toContain(`Loyalty points: ${POINTS}`);
    expect(view.text).toContain("dewi.reseller@example.com");
    expect(view.text).toMatch(new RegExp(`\\+${POINTS} · Order ${order.id}`));
    expect(view.text).not.toContain(`-${POINTS}`); // the partner's side of the movement is not the reseller's
    expect(u.buttons().map((b) => b.text)).toContain("✉️ Change e-mail");
  });

  it("changes the e-mail from /points and registers the new one again", async () => {
    const u = await registeredReseller("old.address@example.com");
    await u.send("/points");
    await u.waitForMessage({ match: /Loyalty points: 0/ });
    await tap(u, /Change e-mail/);
    await u.waitForMessage({ match: /Send the new address/ });
    const before = h.vifox.control.requests("users").length;
    await u.send("new.address@example.com");
    await u.waitForMessage({ match: /is registered for loyalty points/ });
    const user = await h.app.store.users.get(u.id);
    expect(user?.email).toBe("new.address@example.com");
    expect(user?.pointsRegisteredAt).toBeGreaterThan(0);
    expect(h.vifox.control.requests("users").length).toBe(before + 1);
    expect(h.vifox.control.user("new.address@example.com")).toBeDefined();
  });

  it("refuses a garbage e-mail in the reseller's language", async () => {
    const u = await h.reseller(nextId++, { language_code: "id" });
    await u.send("/points");
    await u.waitForMessage({ match: /alamat e-mail Anda sendiri/ });
    await u.send("bukan email");
    await u.waitForMessage({ match: /Itu sepertinya bukan alamat e-mail/ });
    expect((await h.app.store.users.get(u.id))?.email).toBeUndefined();
  });

  it("awards a completed top-up exactly once, even when the completion is applied twice", async () => {
    const email = "twice@example.com";
    const u = await registeredReseller(email);
    const before = h.vifox.control.awardsApplied();
    const order = await topup(u.id);
    const status = { providerOrderId: order.providerOrderId!, state: "completed" as const };
    await Promise.all([s().orders.applyStatus(order, status), s().orders.applyStatus(order, status)]);
    // And the hook itself once more, as a redelivered completion would: still one award.
    await s().points.orderDelivered((await h.app.store.orders.get(order.id))!);
    await awardIn(order.id, "awarded");
    await sleep(500);
    expect(h.vifox.control.awardsApplied() - before).toBe(1);
    expect(pointsCalls(email)).toHaveLength(1);
    expect(h.vifox.control.user(email)?.points).toBe(POINTS);
    await exactlyOneAwardMessage(u);
  });

  it("awards a shipped subscription once, however often the shipment webhook is delivered", async () => {
    const email = "shipped@example.com";
    const u = await registeredReseller(email);
    await h.credit(u.id, 20_000, "MMK");
    const product = (await s().catalog.product("xinstitute", "SPOTIFY_1M"))!;
    const draft = await s().drafts.create(u.id, product, await s().catalog.price(product, "member"), {
      email: "customer@example.com",
      quantity: 1,
    });
    const out = await s().orders.place(draft.id, u.id);
    if (out.kind !== "placed") throw new Error(`not placed: ${out.kind}`);
    const delivery = await h.xinstitute.control.ship(out.order.providerOrderId!, { trackingInfo: "TRK-1", shippingStatus: "In Transit" });
    await awardIn(out.order.id, "awarded");
    expect((await h.xinstitute.control.redeliver(delivery.index)).status).toBe(200);
    await sleep(500);
    expect(pointsCalls(email)).toHaveLength(1);
    expect(h.vifox.control.user(email)?.points).toBe(POINTS);
    await exactlyOneAwardMessage(u);
  });

  it("retries an award whose answer was lost with the same transaction id, and awards it once", async () => {
    const email = "lost.answer@example.com";
    const u = await registeredReseller(email);
    const before = h.vifox.control.awardsApplied();
    h.vifox.control.dropNextResponse("points");
    const order = await completedTopup(u);
    const done = await awardIn(order.id, "awarded");
    const calls = pointsCalls(email);
    expect(calls).toHaveLength(2);
    expect(txId(calls[1]!)).toBe(txId(calls[0]!));
    expect(txId(calls[0]!)).toBe(done.transactionId);
    expect(calls[1]!.status).toBe(410);
    expect(h.vifox.control.awardsApplied() - before).toBe(1);
    expect(h.vifox.control.user(email)?.points).toBe(POINTS);
    await exactlyOneAwardMessage(u);
  });

  it("registers a reseller vifox does not know, then awards with a new transaction id", async () => {
    const email = "unknown.at.vifox@example.com";
    const u = await registeredReseller(email, { knownAtVifox: false });
    const registrations = h.vifox.control.requests("users").length;
    const order = await completedTopup(u);
    const done = await awardIn(order.id, "awarded");
    const calls = pointsCalls(email);
    expect(calls.map((c) => c.status)).toEqual([200, 200]);
    expect(txId(calls[1]!)).not.toBe(txId(calls[0]!));
    expect(txId(calls[1]!)).toBe(done.transactionId);
    expect(h.vifox.control.requests("users").length).toBe(registrations + 1);
    expect(h.vifox.control.user(email)?.points).toBe(POINTS);
    await u.waitForMessage({ match: /loyalty points for order/, after: 0 });
  });

  it("retries while the liquidity pool is too low, tells admins once per dry spell, and awards after a top-up of the pool", async () => {
    const email = "dry.pool@example.com";
    const u = await registeredReseller(email);
    const poolNotices = () => h.admin.messages().filter((m) => /liquidity pool is too low/.test(m.text)).length;
    const noticesBefore = poolNotices();
    h.vifox.control.setPool(POINTS - 1);
    const order = await completedTopup(u);
    await waitFor(async () => (pointsCalls(email).length >= 4 ? true : undefined), 8000, "several attempts");
    expect((await award(order.id))?.state).toBe("pending");
    await waitFor(async () => (poolNotices() > noticesBefore ? true : undefined), 5000, "the pool notice");
    await sleep(300);
    expect(poolNotices() - noticesBefore).toBe(1);
    // Each accepted request used its id: every attempt carries a new one.
    const ids = pointsCalls(email).map(txId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(awardedMessages(u)).toHaveLength(0);

    h.vifox.control.setPool(100_000);
    const done = await awardIn(order.id, "awarded");
    expect(txId(pointsCalls(email).at(-1)!)).toBe(done.transactionId);
    expect(h.vifox.control.user(email)?.points).toBe(POINTS);
    await u.waitForMessage({ match: /loyalty points for order/, after: 0 });
    expect(poolNotices() - noticesBefore).toBe(1);

    // The award went through, so the spell ended: the next dry pool is news again.
    h.vifox.control.setPool(0);
    const second = await completedTopup(u);
    await waitFor(async () => (poolNotices() - noticesBefore === 2 ? true : undefined), 8000, "a second pool notice");
    h.vifox.control.setPool(100_000);
    await awardIn(second.id, "awarded");
  });

  it("tells admins once when vifox refuses our credentials, and awards once it accepts them again", async () => {
    const email = "auth.trouble@example.com";
    const u = await registeredReseller(email);
    const authNotices = () => h.admin.messages().filter((m) => /vifox refuses our credentials/.test(m.text)).length;
    const before = authNotices();
    h.vifox.control.failNext("points", { status: 405, body: { message: "Invalid signature" } }, 3);
    const order = await completedTopup(u);
    const done = await awardIn(order.id, "awarded");
    expect(pointsCalls(email).map((c) => c.status)).toEqual([405, 405, 405, 200]);
    // A refused request did not use its id: the same one went through in the end.
    expect(new Set(pointsCalls(email).map(txId))).toEqual(new Set([done.transactionId]));
    await waitFor(async () => (authNotices() > before ? true : undefined), 5000, "the credentials notice");
    await sleep(300);
    expect(authNotices() - before).toBe(1);
    expect(h.admin.messages().at(-1)?.text).not.toContain(h.vifox.apiSecret);
  });

  it("records a reseller at vifox's points limit and does not retry", async () => {
    const email = "at.limit@example.com";
    const u = await registeredReseller(email);
    h.vifox.control.setUserPointLimit(POINTS - 1);
    try {
      const order = await completedTopup(u);
      const ended = await awardIn(order.id, "limit_reached");
      expect(ended.note).toMatch(/limit/i);
      await u.waitForMessage({ match: /reached its points limit/, after: 0 });
      await sleep(1200);
      expect(pointsCalls(email)).toHaveLength(1);
      expect((await award(order.id))?.state).toBe("limit_reached");
      expect(h.vifox.control.user(email)?.points).toBe(0);
    } finally {
      h.vifox.control.setUserPointLimit(1_000_000);
    }
  });

  it("holds an award until a reseller without an e-mail gives one, asking once", async () => {
    const u = await h.reseller(nextId++);
    const first = await completedTopup(u);
    await u.waitForMessage({ match: /Your order earned loyalty points! Set your e-mail/, after: 0 });
    const second = await completedTopup(u);
    await waitFor(async () => ((await award(second.id))?.note === "awaiting_email" ? true : undefined), 8000, "the second award to wait");
    await sleep(300);
    expect(u.messages().filter((m) => /Set your e-mail/.test(m.text))).toHaveLength(1);
    expect((await award(first.id))?.state).toBe("pending");

    await tap(u, /Set my e-mail/);
    await u.waitForMessage({ match: /your own e-mail address/ });
    await u.send("late.giver@example.com");
    await awardIn(first.id, "awarded");
    await awardIn(second.id, "awarded");
    expect(h.vifox.control.user("late.giver@example.com")?.points).toBe(2 * POINTS);
    await waitFor(async () => (awardedMessages(u).length === 2 ? true : undefined), 5000, "two award messages");
  });

  it("says so when the reseller is not registered yet, or vifox is unreachable; admins see the pool", async () => {
    const u = await h.reseller(nextId++);
    await h.app.store.users.patch(u.id, { email: "not.yet@example.com" });
    await u.send("/points");
    await u.waitForMessage({ match: /is being registered for loyalty points/ });
    await waitFor(async () => ((await h.app.store.users.get(u.id))?.pointsRegisteredAt ? true : undefined), 5000, "the registration");

    h.vifox.control.failNext("user-points", { status: 503, body: { message: "Service Unavailable" } }, 3);
    let seen = u.messages().length;
    await u.send("/points");
    await u.waitForMessage({ match: /vifox cannot be reached right now/, after: seen, timeoutMs: 8000 });

    seen = h.admin.messages().length;
    await h.admin.send("/providers");
    const providers = await h.admin.waitForMessage({ match: /Providers/, after: seen });
    expect(providers.text).toMatch(/Liquidity pool: [\d,]+ points · rate 0\.2/);
  });

  it("rebuilds a pending award after Redis lost its job", async () => {
    const email = "redis.loss@example.com";
    const u = await registeredReseller(email);
    h.vifox.control.setPool(0);
    const order = await completedTopup(u);
    await waitFor(async () => (pointsCalls(email).length >= 1 ? true : undefined), 5000, "a first attempt");
    // Long waits from now on: only the sweep can bring the award back within the test.
    const flusher = new Redis(redisUrl);
    await flusher.flushdb();
    flusher.disconnect();
    await h.restart({ points: { retryDelaysMs: [60_000], sweep: { everyMs: 300, quietMs: 200 } } });
    h.vifox.control.setPool(100_000);
    await awardIn(order.id, "awarded", 10_000);
    expect(h.vifox.control.user(email)?.points).toBe(POINTS);
  });
});
