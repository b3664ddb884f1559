import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, startTopup, type Harness } from "../support/harness.js";

describe.skipIf(!redisAvailable)("foundation: the whole bot through the fake Bot API and real Redis", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb() });
  });
  afterAll(() => h?.close());

  it("greets a new user in their language, and registers them once", async () => {
    const en = h.telegram.user({ id: 2001, first_name: "Ana", language_code: "en" });
    const id = h.telegram.user({ id: 2002, first_name: "Budi", language_code: "id" });
    await en.send("/start");
    await id.send("/start");
    const enReply = await en.waitForMessage({ match: /Ana/ });
    const idReply = await id.waitForMessage({ match: /Budi/ });
    expect(enReply.text).toContain("Welcome, Ana");
    expect(idReply.text).not.toBe(enReply.text.replace("Ana", "Budi"));
    expect(idReply.text).toMatch(/Selamat datang/);
    // The admin hears about each pending registration exactly once.
    await h.admin.waitFor((m) => m.filter((x) => x.text.includes("2001")).length === 1);

    await en.send("/start");
    const again = await en.waitForMessage({ match: /Welcome back/ });
    expect(again.text).toContain("Ana");
    const user = await h.app.services.store.users.get(2001);
    expect(user?.status).toBe("pending");
    await new Promise((r) => setTimeout(r, 300));
    expect(h.admin.messages().filter((x) => x.text.includes("2001"))).toHaveLength(1);
  });

  it("leaves a conversation with /cancel", async () => {
    const u = await h.reseller(2003);
    await startTopup(u);
    await u.send("/cancel");
    await u.waitForMessage({ match: /Cancelled/ });
    await u.send("12345678");
    const after = await u.waitForMessage();
    expect(after.text).not.toMatch(/zone/i);
  });

  it("continues a conversation left midway after the bot restarts on the same Redis", async () => {
    const u = await h.reseller(2004);
    await startTopup(u);
    await h.restart();
    await u.send("12345678");
    await u.waitForMessage({ match: /zone/i, timeoutMs: 10_000 });
  });
});

describe.skipIf(!redisAvailable)("foundation: flood limit and the error boundary", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), app: { flood: { max: 3, windowMs: 2_000 } } });
  });
  afterAll(() => h?.close());

  it("answers the first updates of a flood, warns once, and drops the rest", async () => {
    const u = await h.reseller(2101);
    for (let i = 0; i < 8; i++) await u.send("/help");
    await u.waitFor((m) => m.filter((x) => /too fast/.test(x.text)).length === 1);
    await new Promise((r) => setTimeout(r, 400));
    const msgs = u.messages();
    expect(msgs.filter((x) => /Commands/.test(x.text))).toHaveLength(3);
    expect(msgs.filter((x) => /too fast/.test(x.text))).toHaveLength(1);
    // After the window the user is heard again.
    await new Promise((r) => setTimeout(r, 2_100));
    await u.send("/help");
    await u.waitForMessage({ match: /Commands/ });
  });

  it("logs a failing handler and tells the user politely, without crashing the bot", async () => {
    const u = await h.reseller(2102);
    // Let the admins' "new reseller" notice go out first: it would take the injected failure.
    await h.admin.waitFor((m) => m.some((x) => x.text.includes("2102")));
    // The reply to /balance fails at Telegram with an error auto-retry does not retry.
    h.telegram.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat is gone for a moment" });
    const seen = u.messages().length;
    await u.send("/balance");
    const sorry = await u.waitForMessage({ match: /something went wrong/, after: seen });
    expect(sorry.text).toMatch(/try again/);
    await u.send("/balance");
    await u.waitForMessage({ match: /wallet/i });
  });
});
