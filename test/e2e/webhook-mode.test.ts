import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, postgresAvailable } from "../support/postgres.js";
import { freshRedisDb, redisAvailable } from "../support/redis.js";
import { startWebhookHarness, type Harness } from "../support/harness.js";

const SECRET = "telegram-webhook-secret-0123456789";

describe.skipIf(!redisAvailable || !postgresAvailable)("webhook mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startWebhookHarness({ redisUrl: await freshRedisDb(), databaseUrl: await freshDatabase(), secret: SECRET });
  });
  afterAll(() => h?.close());

  it("registers the webhook with its secret and answers updates Telegram posts", async () => {
    const info = h.telegram.webhook();
    expect(info.url).toBe(`${h.url}/telegram`);
    expect(info.secret_token).toBe(SECRET);
    const u = h.telegram.user({ id: 7001, first_name: "Web" });
    await u.send("/start");
    await u.waitForMessage({ match: /Welcome, Web/ });
  });

  it("refuses a post without the secret token, and an oversized body", async () => {
    const update = {
      update_id: 999,
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 7002, type: "private" },
        from: { id: 7002, is_bot: false, first_name: "X" },
        text: "/start",
      },
    };
    const noSecret = await fetch(`${h.url}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(update),
    });
    expect(noSecret.status).toBe(401);
    const wrong = await fetch(`${h.url}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "nope" },
      body: JSON.stringify(update),
    });
    expect(wrong.status).toBe(401);
    expect(await h.app.store.users.get(7002)).toBeUndefined();
    const big = await fetch(`${h.url}/telegram`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: JSON.stringify({ ...update, pad: "x".repeat(70_000) }),
    });
    expect(big.status).toBe(413);
  });
});
