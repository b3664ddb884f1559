import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startHarness, startTopup, type Harness } from "../support/harness.js";

describe.skipIf(!redisAvailable || !postgresAvailable)("foundation: the whole bot through the fake Bot API and real Redis", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase() });
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
    const user = await h.app.store.users.get(2001);
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

  it("keeps a flow standing through stickers, bad input and stale buttons", async () => {
    const u = await h.reseller(2005);
    await startTopup(u);
    h.telegram.pushUpdate({
      message: {
        message_id: 9001,
        date: Math.floor(Date.now() / 1000),
        chat: u.chat,
        from: u.info,
        sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false },
      },
    });
    await u.waitForMessage({ match: /answer with a text message/ });
    await u.send("<b>x</b>");
    await u.waitForMessage({ match: /doesn't look right/ });
    await u.send("12345678");
    await u.waitForMessage({ match: /zone/i });
    await u.send("2001");
    await u.waitForMessage({ match: /Confirm your order/ });
    expect(u.messages().some((m) => /something went wrong/.test(m.text))).toBe(false);
  });

  it("takes a button tapped twice in stride (an edit to the same content is no error)", async () => {
    const u = await h.reseller(2006);
    await u.send("/topup");
    await u.waitFor(() => u.buttons().some((b) => /Mobile/.test(b.text)));
    const list = u.lastMessage()!;
    await u.doubleTap(/Mobile/, 5, { messageId: list.message_id });
    await u.waitFor(() =>
      u
        .messages()
        .find((m) => m.message_id === list.message_id)
        ?.text.includes("choose a product")
        ? true
        : undefined,
    );
    await u.waitFor(() => (u.callbackAnswers().length >= 2 ? true : undefined));
    await new Promise((r) => setTimeout(r, 200));
    expect(u.messages().some((m) => /something went wrong/.test(m.text))).toBe(false);
  });

  it("continues a conversation left midway after the bot restarts on the same Redis", async () => {
    const u = await h.reseller(2004);
    await startTopup(u);
    await h.restart();
    await u.send("12345678");
    await u.waitForMessage({ match: /zone/i, timeoutMs: 10_000 });
  });
});

describe.skipIf(!redisAvailable || !postgresAvailable)("foundation: flood limit and the error boundary", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      redisUrl: await freshRedisDb(),
      databaseUrl: await freshDatabase(),
      timings: { flood: { max: 3, windowMs: 2_000 } },
    });
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
