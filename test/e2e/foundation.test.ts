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
